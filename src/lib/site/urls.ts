import type { FacetKindName } from '../catalog/catalog.ts';

/** Joins the site's base path and a site path; the only place URLs are built. */
export function withBase(base: string, path: string): string {
  const prefix = base.replace(/\/+$/, '');
  return `${prefix}/${path.replace(/^\/+/, '')}`;
}

export function createRoutes(base: string) {
  const to = (path: string) => withBase(base, path);
  return {
    home: () => to('/'),
    homeBySize: () => to('/by-size/'),
    feed: () => to('/feed.xml'),
    apiIndex: () => to('/api/personas.json'),
    personaJson: (id: string) => to(`/api/personas/${id}.json`),
    personaMarkdown: (id: string) => to(`/personas/${id}.md`),
    translationJson: (lang: string, id: string) => to(`/${lang}/api/personas/${id}.json`),
    translationMarkdown: (lang: string, id: string) => to(`/${lang}/personas/${id}.md`),
    search: () => to('/search/'),
    selection: () => to('/selection/'),
    persona: (id: string) => to(`/personas/${id}/`),
    facetIndex: (kind: FacetKindName) => to(`/${kind}/`),
    facet: (kind: FacetKindName, slug: string, page = 1) =>
      to(page > 1 ? `/${kind}/${slug}/${page}/` : `/${kind}/${slug}/`),
    asset: (path: string) => to(path),
  };
}

export type Routes = ReturnType<typeof createRoutes>;
