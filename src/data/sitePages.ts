import { getCollection, type CollectionEntry } from 'astro:content';
import { FACET_KINDS } from '../lib/catalog/catalog.ts';
import { SLUG_PATTERN } from '../lib/persona/slug.ts';
import { labelFromSlug } from '../lib/persona/slugify.ts';
import { hasSitePages, PAGES_FOLDER } from '../lib/site/catalogSettings.ts';
import { site } from './site.ts';
import { DEFAULT_LANGUAGE, langParam, LANGUAGES, localeOf } from './locale.ts';

/** First path segments the site's own pages and files use: a catalog page cannot take one. */
const TAKEN = new Set(['personas', ...FACET_KINDS.map((kind) => kind.name), 'search', 'selection', 'by-size', 'guide', 'docs', 'api', 'schema', 'brand', 'pagefind', 'persona-atlas', '404']);

type PageEntry = CollectionEntry<'pages'>;

export interface SitePage {
  slug: string;
  /** The language it is written in. */
  lang: string;
  /** Its frontmatter's title, else the heading it opens with (which it then shows itself), else its name. */
  title: string;
  /** Whether the page opens with its own heading, so the layout adds none. */
  ownHeading: boolean;
  entry: PageEntry;
}

/** A markdown page's opening `# Heading`, if it starts with one. */
const openingHeading = (body = '') => /^\s*#[ \t]+(.+?)[ \t#]*$/m.exec(body.split(/\n\s*\n/)[0] ?? '')?.[1];

/** The catalog's pages, checked: a slug of its own, in one of its languages. */
async function readSitePages(): Promise<SitePage[]> {
  // Asking for an empty collection makes Astro warn on every build.
  if (!hasSitePages(site.personasDir)) return [];
  const pages = (await getCollection('pages')).map((entry) => {
    const file = `${PAGES_FOLDER}/${entry.filePath?.split(/[\\/]pages[\\/]/).at(-1) ?? entry.id}`;
    const [first, second] = entry.id.split('/');
    const [lang, slug] = second === undefined ? [DEFAULT_LANGUAGE, first] : [first, second];
    if (!LANGUAGES.includes(lang) || (second !== undefined && lang === DEFAULT_LANGUAGE)) {
      throw new Error(`${file}: ${lang} is not one of the catalog's other languages (persona-atlas.json "languages": ${JSON.stringify(LANGUAGES)})`);
    }
    if (!SLUG_PATTERN.test(slug) || TAKEN.has(slug) || LANGUAGES.includes(slug)) {
      throw new Error(`${file}: the page /${slug}/ needs a name of its own: lowercase letters, digits and hyphens, not one of ${[...TAKEN].join(', ')} or a language`);
    }
    const heading = entry.data.title ? undefined : openingHeading(entry.body);
    return { slug, lang, entry, title: entry.data.title ?? heading ?? labelFromSlug(slug), ownHeading: heading !== undefined };
  });
  const originals = new Set(pages.filter((page) => page.lang === DEFAULT_LANGUAGE).map((page) => page.slug));
  const orphan = pages.find((page) => !originals.has(page.slug));
  if (orphan) throw new Error(`${PAGES_FOLDER}/${orphan.lang}/${orphan.slug}: a translation of pages/${orphan.slug}.md, which is missing`);
  return pages.sort((a, b) => (a.entry.data.order ?? Infinity) - (b.entry.data.order ?? Infinity) || a.title.localeCompare(b.title));
}

let cached: Promise<SitePage[]> | undefined;
const sitePages = () => (cached ??= readSitePages());

/** getStaticPaths of the catalog's pages: each in the default language, and in each language it is translated into. */
export async function sitePagePaths() {
  return (await sitePages()).map((page) => ({ params: { lang: langParam(page.lang), page: page.slug }, props: { page } }));
}

/** The languages a page is written in. */
export const pageLanguages = async (slug: string) => (await sitePages()).filter((page) => page.slug === slug).map((page) => page.lang);

/** A link to each of the catalog's pages, as a language shows them: its translation where there is one. */
export async function sitePageLinks(lang: string | undefined): Promise<Array<{ href: string; label: string; nav: 'header' | 'footer' }>> {
  const { lang: current } = localeOf(lang);
  const pages = await sitePages();
  return pages
    .filter((page) => page.lang === DEFAULT_LANGUAGE)
    .map((original) => {
      const shown = pages.find((page) => page.slug === original.slug && page.lang === current) ?? original;
      return { href: localeOf(langParam(shown.lang)).routes.sitePage(original.slug), label: shown.title, nav: original.entry.data.nav };
    });
}
