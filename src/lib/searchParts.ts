/**
 * The search index is built in parts, one Pagefind index per part, which the
 * browser merges (Pagefind's mergeIndex). Pagefind's memory grows with the
 * text it indexes (about 0.3 GB per 1,000 persona pages), so one index for
 * 30,000 personas would need about 10 GB; parts built one after another need
 * only a part's worth. A part whose pages did not change is not rebuilt.
 *
 * Why 10,000 pages a part, measured with `npm run bench`: parts of 5,000 made
 * Pagefind's peak (1.7 GB) smaller than Astro's own (2.1 GB at 30,000), and
 * each extra part costs every first search its metadata: 6 parts at 30,000
 * moved 454 KB per first search and answered later ones in 266 ms.
 *
 * Why at least two parts beyond half a part's worth, measured on 10,000
 * persona pages: two Pagefind runs of 5,000 took 35.2 s against 42.4 s for
 * one of 10,000 (its time grows faster than its input), and an edit
 * re-indexes half as many pages. The browser merges one more index: a first
 * search moved 216 KB instead of 192 KB, later ones took 132 and 136 ms
 * instead of 111 and 128 ms.
 *
 * A persona's part follows from its id alone, so editing or adding one
 * persona changes one part; the number of parts follows from the number of
 * personas, which the pages and the index step both know.
 */
export const PAGES_PER_PART = 10000;

export function searchPartCount(personaCount: number, pagesPerPart = PAGES_PER_PART): number {
  const parts = Math.max(1, Math.ceil(personaCount / pagesPerPart));
  return personaCount > pagesPerPart / 2 ? Math.max(2, parts) : parts;
}

/** 32-bit FNV-1a of the id: stable across builds and machines. */
export function searchPartOf(id: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % parts;
}

/** Where a part's index lives, relative to the site root: the first part is Pagefind's usual bundle. */
export function searchPartPath(part: number): string {
  return part === 0 ? 'pagefind/' : `pagefind/part-${part}/`;
}
