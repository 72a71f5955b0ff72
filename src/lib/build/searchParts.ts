/**
 * The search index is built in parts, one Pagefind index per part, which the
 * browser merges (Pagefind's mergeIndex). Pagefind's memory grows with the
 * text it indexes (about 0.35 GB per 1,000 persona pages), so one index for
 * 30,000 personas would need about 10 GB; parts need a part's worth each,
 * one at a time (writeSearchIndex in searchIndex.ts). A part whose pages did
 * not change is not rebuilt.
 *
 * Why 10,000 pages a part, measured with `npm run bench`: parts of 5,000 made
 * Pagefind's peak (1.7 GB) smaller than Astro's own (2.1 GB at 30,000), and
 * each extra part costs every first search its metadata: 6 parts at 30,000
 * moved 454 KB per first search and answered later ones in 266 ms.
 *
 * Past half a part's worth there are at least two parts. The index is
 * written while Astro renders (src/integrations/searchIndex.ts), so
 * Pagefind's peak adds to Astro's: at 10,000 personas one part made the build
 * 4.9 GB at its fullest (1.49× the peer's Pagefind) and an edit re-indexed
 * all 10,000 pages beside a short rebuild (0.84× the cold build); two parts
 * of 5,000 made it 3.5 GB (1.05×) indexed one after the other, and 0.37×,
 * the first search 216 KB instead of 193 KB.
 *
 * A persona's part follows from its id alone, so editing or adding one
 * persona changes one part; the number of parts follows from the number of
 * personas, which the pages and the index step both know.
 */
export const PAGES_PER_PART = 10000;

export function searchPartCount(personaCount: number, pagesPerPart = PAGES_PER_PART): number {
  return Math.max(1, Math.ceil(personaCount / pagesPerPart), personaCount > pagesPerPart / 2 ? 2 : 1);
}

/** 32-bit FNV-1a of the id: stable across builds and machines. */
export function searchPartOf(id: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % parts;
}

/**
 * Where a part's index lives, relative to the site root: the first part is
 * Pagefind's usual bundle; a language other than the default has its own, under /<lang>/.
 */
export function searchPartPath(part: number, lang?: string): string {
  const bundle = lang ? `${lang}/pagefind/` : 'pagefind/';
  return part === 0 ? bundle : `${bundle}part-${part}/`;
}

/**
 * Every index a language's search opens, the main one first: a language
 * other than the default searches its own parts (its translations; none when
 * it has none) with the default language's merged in, and keeps only the
 * pages its lists show (SHOWN_FILTER); the default language searches its own.
 */
export function searchBundlePaths(defaultParts: number, lang?: string, ownParts = 0): string[] {
  const parts = (count: number, of?: string) => Array.from({ length: count }, (_, part) => searchPartPath(part, of));
  return [...(lang ? parts(ownParts, lang) : []), ...parts(defaultParts)];
}

/** The Pagefind filter naming the languages whose lists show a persona page, in a catalog of several languages. */
export const SHOWN_FILTER = 'shown';

/** The languages whose lists show a page: a translation, its own; an original, the default's and every language it has no translation in. */
export function shownIn(languages: readonly string[], pageLang: string, translatedInto: readonly string[]): string[] {
  if (pageLang !== languages[0]) return [pageLang];
  return languages.filter((lang) => lang === pageLang || !translatedInto.includes(lang));
}
