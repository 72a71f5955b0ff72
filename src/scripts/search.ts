// Browser-side search over the Pagefind index. Nothing loads until the user
// shows intent (focus or typing), so pages do not pay for search up front.

import type { SearchFilterName } from '../lib/catalog/catalog.ts';
import { SHOWN_FILTER, searchBundlePaths } from '../lib/build/searchParts.ts';
import { withBase } from '../lib/site/urls.ts';
import { isDefaultLanguage, pageLanguage } from './pageLocale.ts';

export type SearchFilters = Partial<Record<SearchFilterName, string>>;

export interface SearchHit {
  id: string;
  url: string;
  name: string;
  emoji: string;
  category: string;
  /** The language the persona's page is written in: another language's search lists untranslated originals. */
  lang: string;
  /** Pagefind's excerpt: escaped text with <mark> around matches. */
  excerpt: string;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const base = withBase(import.meta.env.BASE_URL, '/');
let engine: Promise<Pagefind> | undefined;

/** Where the search reads (see src/lib/build/searchParts.ts): the default index's parts and this language's own, as the page says. */
function bundles(): string[] {
  const data = document.querySelector<HTMLElement>('[data-search-parts]')?.dataset ?? {};
  return searchBundlePaths(Number(data.searchParts ?? 1), isDefaultLanguage ? undefined : pageLanguage, Number(data.searchOwnParts ?? 0));
}

// Another language's search merges the default index into its translations' and keeps what its lists show.
const languageFilter: Record<string, string> = isDefaultLanguage ? {} : { [SHOWN_FILTER]: pageLanguage };

function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const [main, ...merged] = bundles();
    const pagefind: Pagefind = await import(/* @vite-ignore */ `${base}${main}pagefind.js`);
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    for (const bundle of merged) await pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  return engine;
}

/** Starts fetching the search engine without waiting for it. */
export function warmUpSearch(): void {
  loadEngine().catch(() => {
    engine = undefined;
  });
}

function activeFilters(filters: SearchFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
}

/** Personas matching the text and filters, best first; null when there is nothing to search for. */
export async function searchPersonas(query: string, filters: SearchFilters, offset = 0, limit = 8): Promise<SearchPage | null> {
  const filter = activeFilters(filters);
  const text = query.trim();
  if (!text && Object.keys(filter).length === 0) return null;
  const pagefind = await loadEngine();
  const { results } = await pagefind.search(text || null, { filters: { ...filter, ...languageFilter } });
  const hits = await Promise.all(
    results.slice(offset, offset + limit).map(async (result) => {
      const { url, excerpt, meta } = await result.data();
      return { id: meta.id ?? '', url, excerpt, name: meta.title ?? url, emoji: meta.emoji ?? '', category: meta.category ?? '', lang: meta.lang ?? pageLanguage };
    }),
  );
  return { total: results.length, hits };
}

/** Keeps only the answer to the latest of several overlapping calls. */
export function latestOnly<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  let ticket = 0;
  return async (...args: A): Promise<{ stale: boolean; value: R }> => {
    const mine = ++ticket;
    const value = await run(...args);
    return { stale: mine !== ticket, value };
  };
}
