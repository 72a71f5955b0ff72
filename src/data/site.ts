import { facetLabel, type FacetKindName } from '../lib/catalog/catalog.ts';
import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';
import { createRoutes } from '../lib/site/urls.ts';

export const site = siteConfigFromEnv();
export const routes = createRoutes(import.meta.env.BASE_URL);

/** A path of this site (as routes give it) as an absolute URL, for feeds, the API and a page's head. */
export const absoluteUrl = (path: string) => new URL(path, site.site).href;

/** A category's, tag's or affinity's label in a language, as the catalog's settings name it (catalog.ts, facetLabel). */
export const labelOf = (kind: FacetKindName, slug: string, lang: string) => facetLabel(kind, slug, site.settings, lang);
