import { shippedFacetName } from '../../i18n/facetNames.ts';
import { labelFromSlug } from '../persona/slugify.ts';
import type { Persona } from '../persona/persona.ts';

/** Anything carrying validated persona data: a collection entry, a test double. */
export interface HasPersona {
  data: Persona;
}

export type FacetKindName = 'categories' | 'tags' | 'affinities';

/** Search filter names: the Pagefind filter keys and the /search/ URL parameters. */
export type SearchFilterName = 'category' | 'tag' | 'affinity';

/** A way to group personas: each kind gets an index page and a page per value (its words are in src/i18n/messages, facet.<name>.*). */
export interface FacetKind {
  name: FacetKindName;
  searchFilter: SearchFilterName;
  valuesOf: (persona: Persona) => readonly string[];
}

export const FACET_KINDS: readonly FacetKind[] = [
  {
    name: 'categories',
    searchFilter: 'category',
    valuesOf: (persona) => [persona.category],
  },
  {
    name: 'tags',
    searchFilter: 'tag',
    valuesOf: (persona) => persona.tags,
  },
  {
    name: 'affinities',
    searchFilter: 'affinity',
    valuesOf: (persona) => persona.worker_affinity,
  },
];

/**
 * Whether a facet has a page of its own: every category does; a tag or an
 * affinity once two personas share it. A value of one persona is a search
 * filter instead (most tags of large collections are one persona's, and
 * their pages were a third of such a site's bytes).
 */
export const hasFacetPage = (facet: Facet<HasPersona> | undefined): boolean => facet !== undefined && (facet.kind.name === 'categories' || facet.personas.length >= 2);

/**
 * Which language's page of a facet a list in `lang` links to: the default
 * language's in the default language; in another, its own once one of the
 * facet's personas is translated there, else the default language's (its
 * own would list the same untranslated personas again, so it is not
 * rendered); none when the facet has no page at all.
 */
export function facetPageLanguage<T extends HasPersona>(facet: Facet<T> | undefined, lang: string, defaultLanguage: string, languageOf: (persona: T) => string): string | undefined {
  if (!hasFacetPage(facet)) return undefined;
  if (lang === defaultLanguage) return lang;
  return facet!.personas.some((persona) => languageOf(persona) === lang) ? lang : defaultLanguage;
}

/** Personas per page on a category, tag or affinity page. */
export const FACET_PAGE_SIZE = 48;

export interface Facet<T extends HasPersona> {
  kind: FacetKind;
  slug: string;
  label: string;
  /** One sentence from the catalog's settings, when it has one. */
  description?: string;
  /** Sorted by name. */
  personas: T[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortByName<T extends HasPersona>(personas: readonly T[]): T[] {
  return [...personas].sort((a, b) => collator.compare(a.data.name, b.data.name) || a.data.id.localeCompare(b.data.id));
}

export type PersonaOrder = 'name' | 'size';

/** Personas by name (as given) or largest prompt first, ties by name. */
export function orderPersonas<T extends HasPersona>(sortedByName: readonly T[], order: PersonaOrder, sizeOf: (persona: T) => number): T[] {
  if (order === 'name') return [...sortedByName];
  return sortedByName
    .map((persona, index) => ({ persona, index, size: sizeOf(persona) }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ persona }) => persona);
}

/** A category's or an affinity's name as a catalog's settings give it: in its default language, and per language. */
interface FacetNaming {
  label?: string;
  labels?: Record<string, string>;
}

/** What a catalog's settings say about facets: names, descriptions and order of its categories, names of its affinities. */
export interface FacetSettings {
  categories?: Record<string, FacetNaming & { description?: string; order?: number }>;
  affinities?: Record<string, FacetNaming>;
}

/**
 * A facet's label in `lang` (the catalog's default language when not
 * given): the catalog's own name for it in that language, else (where the
 * catalog gives no name of its own) the interface's shipped name for a
 * common slug, else the catalog's default-language name, else its slug in
 * title case. A tag is its slug, marked (#ci-cd), in every language.
 */
export function facetLabel(kind: FacetKindName, slug: string, settings: FacetSettings = {}, lang?: string): string {
  if (kind === 'tags') return `#${slug}`;
  const own = settings[kind]?.[slug];
  const shipped = lang && !own?.label ? shippedFacetName(kind, slug, lang) : undefined;
  return (lang && own?.labels?.[lang]) || shipped || own?.label || labelFromSlug(slug);
}

/** Groups personas by one facet kind, facets sorted by their order in the settings, then by label. */
function groupByFacet<T extends HasPersona>(sortedPersonas: readonly T[], kind: FacetKind, settings: FacetSettings, lang?: string): Facet<T>[] {
  const groups = new Map<string, T[]>();
  for (const persona of sortedPersonas) {
    for (const slug of kind.valuesOf(persona.data)) {
      const group = groups.get(slug);
      if (group) group.push(persona);
      else groups.set(slug, [persona]);
    }
  }
  const own = kind.name === 'categories' ? (settings.categories ?? {}) : {};
  const order = (slug: string) => own[slug]?.order ?? Infinity;
  return [...groups]
    .map(([slug, personas]) => ({ kind, slug, label: facetLabel(kind.name, slug, settings, lang), description: own[slug]?.description, personas }))
    .sort((a, b) => order(a.slug) - order(b.slug) || collator.compare(a.label, b.label));
}

export interface Catalog<T extends HasPersona> {
  /** Every persona, sorted by name. */
  personas: T[];
  facets: Record<FacetKindName, Facet<T>[]>;
  facet(kind: FacetKindName, slug: string): Facet<T> | undefined;
  /** Previous and next persona by name within the persona's category. */
  neighbours(persona: T): { previous?: T; next?: T };
  /** Personas sharing the category and tags, best match first. */
  related(persona: T, limit?: number): T[];
}

// How far around a persona's place in each shared list to look for related
// ones: it keeps the work linear in the catalog size, even for tags that
// thousands of personas share.
const RELATED_WINDOW = 12;

export function buildCatalog<T extends HasPersona>(entries: readonly T[], settings: FacetSettings = {}, lang?: string): Catalog<T> {
  const personas = sortByName(entries);
  const facets = Object.fromEntries(
    FACET_KINDS.map((kind) => [kind.name, groupByFacet(personas, kind, settings, lang)]),
  ) as Record<FacetKindName, Facet<T>[]>;
  const facetByKey = new Map<string, Facet<T>>(
    Object.values(facets).flatMap((list) => list.map((facet) => [`${facet.kind.name}:${facet.slug}`, facet] as const)),
  );
  const positionByKey = new Map(
    [...facetByKey].map(([key, facet]) => [key, new Map(facet.personas.map((persona, index) => [persona, index]))]),
  );

  const facet = (kind: FacetKindName, slug: string) => facetByKey.get(`${kind}:${slug}`);
  // Ties among related personas go by name; comparing positions in the sorted
  // list instead of names took related() for 10,000 personas from 0.9 s to 0.4 s.
  const nameRank = new Map(personas.map((persona, index) => [persona, index]));

  function neighbours(persona: T) {
    const key = `categories:${persona.data.category}`;
    const list = facetByKey.get(key)?.personas ?? [];
    const index = positionByKey.get(key)?.get(persona) ?? -1;
    return { previous: list[index - 1], next: list[index + 1] };
  }

  // A rebuild's check for changed pages and the page itself both ask (src/data/pageReuse.ts).
  const relatedCache = new Map<string, T[]>();
  function related(persona: T, limit = 4): T[] {
    const key = `${persona.data.id} ${limit}`;
    if (!relatedCache.has(key)) relatedCache.set(key, rank(persona, limit));
    return relatedCache.get(key)!;
  }

  function rank(persona: T, limit: number): T[] {
    const scores = new Map<T, number>();
    const keys = [
      { key: `categories:${persona.data.category}`, weight: 1 },
      ...persona.data.tags.map((tag) => ({ key: `tags:${tag}`, weight: 2 })),
    ];
    for (const { key, weight } of keys) {
      const list = facetByKey.get(key)?.personas ?? [];
      const index = positionByKey.get(key)?.get(persona) ?? 0;
      const window = list.slice(Math.max(0, index - RELATED_WINDOW), index + RELATED_WINDOW + 1);
      for (const candidate of window) {
        if (candidate !== persona) scores.set(candidate, (scores.get(candidate) ?? 0) + weight);
      }
    }
    return [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || nameRank.get(a)! - nameRank.get(b)!)
      .slice(0, limit)
      .map(([candidate]) => candidate);
  }

  return { personas, facets, facet, neighbours, related };
}
