import type { FacetKindName, SearchFilterName } from '../catalog/catalog.ts';

/** Joins the site's base path and a site path; the only place URLs are built. */
export function withBase(base: string, path: string): string {
  const prefix = base.replace(/\/+$/, '');
  return `${prefix}/${path.replace(/^\/+/, '')}`;
}

/**
 * A page's path in another language: the language prefix (/de) of `path`,
 * if any, swapped for `lang`'s (none for the default language).
 */
export function pageInLanguage(base: string, path: string, languages: readonly string[], lang: string | undefined): string {
  const prefix = withBase(base, '/');
  let rest = path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\/+/, '');
  const first = rest.split('/')[0];
  if (languages.includes(first)) rest = rest.slice(first.length + 1);
  return withBase(base, lang ? `/${lang}/${rest}` : `/${rest}`);
}

/**
 * The site's URLs. Pages of a language other than the default live under
 * /<lang>/ (`lang` here); data files, feeds and assets are shared by every language.
 */
export function createRoutes(base: string, lang?: string) {
  const to = (path: string) => withBase(base, path);
  const page = (path: string) => to(lang ? `/${lang}${path}` : path);
  return {
    home: () => page('/'),
    homeBySize: () => page('/by-size/'),
    feed: () => page('/feed.xml'),
    apiIndex: () => to('/api/personas.json'),
    personaJson: (id: string) => to(`/api/personas/${id}.json`),
    personaMarkdown: (id: string) => to(`/personas/${id}.md`),
    search: () => page('/search/'),
    /** The search page filtered by one value (a tag of one persona has no page of its own). */
    searchFiltered: (filter: SearchFilterName, value: string) => page(`/search/?${filter}=${encodeURIComponent(value)}`),
    selection: () => page('/selection/'),
    persona: (id: string) => page(`/personas/${id}/`),
    facetIndex: (kind: FacetKindName) => page(`/${kind}/`),
    facet: (kind: FacetKindName, slug: string, number = 1) =>
      page(number > 1 ? `/${kind}/${slug}/${number}/` : `/${kind}/${slug}/`),
    /** The persona's own file and JSON in this language (its translation's, outside the default language). */
    localMarkdown: (id: string) => page(`/personas/${id}.md`),
    localJson: (id: string) => to(lang ? `/${lang}/api/personas/${id}.json` : `/api/personas/${id}.json`),
    /** The export targets in this language's words, which persona pages draw their export list from. */
    exportTargets: () => page('/export-targets.json'),
    /** The guide to using personas in tools: its index, or one tool group's page. */
    guide: (group?: string) => page(group ? `/guide/${group}/` : '/guide/'),
    /** One of the catalog's own pages (pages/<slug>.md). */
    sitePage: (slug: string) => page(`/${slug}/`),
    /** One of this project's documentation pages, on its own site. */
    docs: (slug?: string) => to(slug ? `/docs/${slug}/` : '/docs/'),
    asset: (path: string) => to(path),
  };
}

export type Routes = ReturnType<typeof createRoutes>;
