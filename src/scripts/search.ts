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
  description: string;
  /** The language the persona's page is written in: another language's search lists untranslated originals. */
  lang: string;
  /** Where the words were found: escaped text with <mark> around them and "…" where it is cut; empty when no words were asked for. */
  excerpt: string;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; content: string; meta: Record<string, string> }>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options: { filters?: Record<string, string | { any: string[] }> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
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

/** Text of an excerpt's HTML, to compare it with the page's content. */
const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

/**
 * Pagefind's excerpt as results show it: highlights on the words, not the
 * punctuation Pagefind keeps with them ("Kafka,"), and "…" where the excerpt
 * starts or ends inside the text.
 */
export function shownExcerpt(excerpt: string, content: string): string {
  const marked = excerpt.replace(/<mark>([\p{P}\p{S}]*)([^<]*?)([\p{P}\p{S}]*)<\/mark>/gu, (_, before: string, word: string, after: string) => (word ? `${before}<mark>${word}</mark>${after}` : `${before}${after}`));
  const text = plainText(excerpt).trim();
  const whole = content.trim();
  return `${whole.startsWith(text.slice(0, 40)) ? '' : '…'}${marked.trim()}${whole.endsWith(text.slice(-40)) ? '' : '…'}`;
}

/**
 * Personas matching the text and filters, best first. With neither, null,
 * or with `everyPersona` every persona (the search page lists them all:
 * Pagefind lists pages for words or filters only, and every page has one
 * of the categories).
 */
export async function searchPersonas(query: string, filters: SearchFilters, offset = 0, limit = 8, { everyPersona = false } = {}): Promise<SearchPage | null> {
  const filter: Record<string, string | { any: string[] }> = activeFilters(filters);
  const text = query.trim();
  if (!text && Object.keys(filter).length === 0 && !everyPersona) return null;
  const pagefind = await loadEngine();
  if (!text && Object.keys(filter).length === 0) filter.category = { any: Object.keys((await pagefind.filters()).category ?? {}) };
  const { results } = await pagefind.search(text || null, { filters: { ...filter, ...languageFilter } });
  const hits = await Promise.all(
    results.slice(offset, offset + limit).map(async (result) => {
      const { url, excerpt, content, meta } = await result.data();
      const lang = meta.lang ?? pageLanguage;
      return {
        id: meta.id ?? '',
        // An untranslated original's page offers the way back to this language (WayBack.astro).
        url: lang === pageLanguage ? url : `${url}?from=${encodeURIComponent(pageLanguage)}`,
        excerpt: text ? shownExcerpt(excerpt, content) : '',
        name: meta.title ?? url,
        emoji: meta.emoji ?? '',
        category: meta.category ?? '',
        description: meta.description ?? '',
        lang,
      };
    }),
  );
  return { total: results.length, hits };
}

/** Marks the parts of a result that show an untranslated original's text with its language, its direction taken from the text. */
export function inOwnLanguage(hit: SearchHit, ...parts: HTMLElement[]): void {
  if (hit.lang === pageLanguage) return;
  for (const part of parts) Object.assign(part, { lang: hit.lang, dir: 'auto' });
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
