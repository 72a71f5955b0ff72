import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { VERSIONS_KEPT } from '../build/gitHistory.ts';
import { CatalogUnavailable, fetchCatalogFile, refusedProtocol } from './catalogFetch.ts';
import { exportPersonaOf, personaFields } from '../formats/exports.ts';
import type { ExportPersona } from '../formats/format.ts';
import type { PagefindClient } from './pagefindClient.ts';
import { SHOWN_FILTER, searchBundlePaths } from '../build/searchParts.ts';
import { IncompatibleIndex, openIndexSearch, type CatalogFileReader, type IndexSearch } from './pagefindSearch.ts';
import { hiddenTextRefusal } from '../persona/hiddenCharacters.ts';
import { extraFields, PUBLISHED_LIMITS, publishedPersonaSchema, quoted } from '../persona/persona.ts';
import { LANGUAGE_PATTERN } from '../persona/slug.ts';
import { API_SCHEMA_VERSION, personaVersion } from './personaApi.ts';
import { FILE_SIZE_LIMIT } from '../formats/collectionFiles.ts';
import { checkPersonaFolder, countBySeverity, formatReport, type CheckedPersona } from '../persona/personaCheck.ts';
import { readCatalogSettings } from '../site/catalogSettings.ts';
import { searchPersonas, type SearchOptions } from './personaSearch.ts';

export { CatalogUnavailable } from './catalogFetch.ts';

/**
 * The one reader of a catalog for the command line and the MCP server: a
 * deployed site's URL, a built dist/ folder or a folder of persona files all
 * come back as the same personas. Deployed sites and dist/ folders are read
 * through the static JSON API (/api/personas.json, /api/personas/<id>.json)
 * and searched through their own Pagefind index.
 *
 * A catalog may be anyone's: every persona it sends passes the persona schema
 * (with sizes bounded) before any value is used, a persona's JSON must carry
 * the id it was asked for, and the index must list each id once.
 */

/** A persona without its prompt, as catalogs list them. */
export type PersonaSummary = Omit<ExportPersona, 'prompt'>;

export interface SearchAnswer {
  /** How many personas match in all. */
  total: number;
  /** The best matches, best first, at most the limit asked for. */
  personas: PersonaSummary[];
  /** Said once when the catalog's own index could not be used and its metadata was searched instead. */
  note?: string;
}

export interface CatalogSource {
  /** Where the catalog was read from, for messages. */
  location: string;
  list(): Promise<PersonaSummary[]>;
  /** The persona with its prompt and the JSON a catalog publishes for it; with `lang`, its translation to that language. */
  get(id: string, lang?: string): Promise<{ persona: ExportPersona; json: Record<string, unknown> }>;
  /**
   * The site's search: its Pagefind index where the catalog has one, else
   * words in metadata and prompts. With `lang`, the personas as that
   * language lists them: their translations, and the untranslated originals.
   */
  search(query: string, options: SearchOptions & { limit: number; lang?: string }): Promise<SearchAnswer>;
}

/** No persona has the id asked for; `suggestions` are the closest ids there are. */
export class UnknownPersona extends Error {
  constructor(id: string, suggestions: string[]) {
    super(`no persona has the id ${JSON.stringify(id)}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`);
  }
}

/** The persona has no translation to the language asked for. */
export class MissingTranslation extends Error {
  constructor(id: string, lang: string, langs: string[]) {
    super(`${id} has no ${lang} translation${langs.length ? ` (it has ${langs.join(', ')})` : ''}`);
  }
}

export interface CatalogOptions {
  /**
   * Leave out the personas that break a rule, telling this function about each,
   * instead of failing the whole read (the MCP server keeps serving the rest).
   */
  onInvalid?: (message: string) => void;
  /** Time for each file read from a deployed catalog, all of it. */
  timeoutMs?: number;
  /** The Pagefind client that searches catalog indexes; without one, search reads metadata only. */
  pagefindClient?: () => PagefindClient | undefined;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Largest response accepted per file, from measurement: the index is about
 * 550 bytes per persona (the shipped catalog; 5.29 MB for the bench's 10,000),
 * so 30,000 personas make about 17 MB; a persona's JSON holds a prompt of at
 * most 1 MB (the persona file limit), which JSON escaping can grow up to six
 * times in the worst case (control characters as \u0000); the largest
 * Pagefind file of the bench's 10,000 personas is 382 KB.
 */
const RESPONSE_LIMITS = { index: 64 * 2 ** 20, persona: 8 * 2 ** 20, search: 8 * 2 ** 20 } as const;

/** A persona's history as a catalog publishes it (its JSON's `versions`), bounded like its other fields. */
const versionsSchema = z
  .array(z.strictObject({ date: z.iso.datetime({ offset: true }), subject: z.string().max(PUBLISHED_LIMITS.text), commit: z.string().regex(/^[0-9a-f]{40,64}$/).optional() }))
  .max(VERSIONS_KEPT);

/** How many single-character edits turn one id into another. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Up to three ids close to a mistyped one: containing it, or a few edits away. */
export function closestIds(id: string, ids: readonly string[]): string[] {
  return ids
    .map((other) => ({ other, distance: other.includes(id) || id.includes(other) ? 0 : editDistance(id, other) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(id.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.other.localeCompare(b.other))
    .slice(0, 3)
    .map(({ other }) => other);
}

/** The first rule a value breaks, as one line: `field message`. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? issue.path.join('.') : 'persona'} ${issue.message}`;
}

/** Reads a catalog through its JSON API and search index, from any reader of its files. */
function apiCatalog(location: string, read: (path: string, limit: number) => Promise<Uint8Array | undefined>, options: CatalogOptions): CatalogSource {
  const broken = (path: string, rule: string) => new CatalogUnavailable(`${location}: ${path}: ${rule}`);
  const readJson = async (path: string, limit: number): Promise<Record<string, unknown> | undefined> => {
    const bytes = await read(path, limit);
    if (bytes === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw broken(path, 'is not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw broken(path, 'is not a JSON object');
    return value as Record<string, unknown>;
  };

  /** A rule broken by one persona: fatal, or reported and left out when the caller asked for that. */
  const invalid = (path: string, rule: string): void => {
    if (!options.onInvalid) throw broken(path, rule);
    options.onInvalid(`${location}: ${path}: ${rule}; left out`);
  };

  type Translated = Pick<PersonaSummary, 'name' | 'description'> & { lang: string };
  let index: Promise<{ personas: PersonaSummary[]; searchParts: number; languages: string[]; languageSearchParts?: Record<string, number>; translated: Map<string, Translated[]> }> | undefined;
  const readIndex = () =>
    (index ??= readJson('api/personas.json', RESPONSE_LIMITS.index).then((json) => {
      if (json === undefined) throw new CatalogUnavailable(`${location} is not a Persona Atlas catalog: it has no api/personas.json`);
      const { schemaVersion, personas, searchParts = 1 } = json;
      if (schemaVersion !== API_SCHEMA_VERSION || !Array.isArray(personas)) {
        throw new CatalogUnavailable(
          `${location} is not a Persona Atlas catalog this version can read (schemaVersion ${JSON.stringify(schemaVersion)}, expected ${API_SCHEMA_VERSION})`,
        );
      }
      if (!Number.isInteger(searchParts) || (searchParts as number) < 1 || (searchParts as number) > 1000) {
        throw broken('api/personas.json', `searchParts ${JSON.stringify(searchParts)} is not a whole number from 1 to 1000`);
      }
      const { languages = [] } = json;
      if (!Array.isArray(languages) || !languages.every((lang) => typeof lang === 'string' && LANGUAGE_PATTERN.test(lang))) {
        throw broken('api/personas.json', 'languages must be a list of language codes');
      }
      const { languageSearchParts } = json;
      const partCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1000;
      if (languageSearchParts !== undefined && (typeof languageSearchParts !== 'object' || languageSearchParts === null || !languages.every((lang, i) => i === 0 || partCount((languageSearchParts as Record<string, unknown>)[lang])))) {
        throw broken('api/personas.json', 'languageSearchParts must give each language other than the first a whole number of parts from 0 to 1000');
      }
      const seen = new Set<string>();
      const valid: PersonaSummary[] = [];
      const translated = new Map<string, Translated[]>();
      personas.forEach((entry: unknown, position) => {
        const parsed = publishedPersonaSchema.safeParse(entry);
        if (!parsed.success) return invalid('api/personas.json', `personas[${position}] ${firstIssue(parsed.error)}`);
        if (seen.has(parsed.data.id)) return invalid('api/personas.json', `lists the id ${JSON.stringify(parsed.data.id)} more than once`);
        const hidden = hiddenTextRefusal([JSON.stringify(parsed.data)]);
        if (hidden) return invalid('api/personas.json', `personas[${position}] ${hidden}`);
        seen.add(parsed.data.id);
        valid.push(personaFields(parsed.data));
        const listed = (entry as { translations?: unknown }).translations ?? [];
        // Only the catalog's own languages count (a translation's language becomes a path below the catalog), with text of bounded size.
        const text = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= PUBLISHED_LIMITS.text;
        translated.set(
          parsed.data.id,
          (Array.isArray(listed) ? listed : []).flatMap(({ lang, name, description }) =>
            typeof lang === 'string' && languages.includes(lang) && text(name) && text(description) ? [{ lang, name, description }] : [],
          ),
        );
      });
      return { personas: valid, searchParts: searchParts as number, languages: languages as string[], languageSearchParts: languageSearchParts as Record<string, number> | undefined, translated };
    }));
  const list = async () => (await readIndex()).personas;

  // One index per language: the default language's at pagefind/, another's at <lang>/pagefind/.
  const indexSearches = new Map<string | undefined, Promise<IndexSearch | string>>();
  const openSearch = (lang: string | undefined) => {
    if (!indexSearches.has(lang)) indexSearches.set(lang, openLanguageSearch(lang));
    return indexSearches.get(lang)!;
  };
  const openLanguageSearch = async (lang: string | undefined): Promise<IndexSearch | string> => {
    const client = options.pagefindClient?.();
    if (!client) return 'this command line carries no search client';
    const reader: CatalogFileReader = (path) => read(path, RESPONSE_LIMITS.search);
    const { searchParts, languageSearchParts } = await readIndex();
    try {
      // A catalog that lists each language's own parts merges the default index in, as its pages do;
      // an older one has every page a language lists in that language's index.
      if (lang && languageSearchParts) return await openIndexSearch(reader, searchBundlePaths(searchParts, lang, languageSearchParts[lang]), client, { [SHOWN_FILTER]: lang });
      return await openIndexSearch(reader, lang ? searchBundlePaths(0, lang, searchParts) : searchBundlePaths(searchParts), client);
    } catch (error) {
      if (error instanceof IncompatibleIndex) return error.message;
      if (error instanceof CatalogUnavailable) throw broken('search index', error.message);
      throw error;
    }
  };

  return {
    location,
    list,
    async get(id, lang) {
      const { personas, languages, translated } = await readIndex();
      if (!personas.some((persona) => persona.id === id)) throw new UnknownPersona(id, closestIds(id, personas.map((p) => p.id)));
      const translation = lang !== undefined && lang !== languages[0];
      const langs = (translated.get(id) ?? []).map((t) => t.lang);
      if (translation && !langs.includes(lang)) throw new MissingTranslation(id, lang, langs);
      const path = translation ? `${lang}/api/personas/${id}.json` : `api/personas/${id}.json`;
      const json = await readJson(path, RESPONSE_LIMITS.persona);
      if (json === undefined) throw broken(path, `is missing though api/personas.json lists ${id}`);
      const parsed = publishedPersonaSchema.safeParse(json);
      if (!parsed.success) throw broken(path, firstIssue(parsed.error));
      if (parsed.data.id !== id) throw broken(path, `carries the id ${JSON.stringify(parsed.data.id)}, not ${JSON.stringify(id)}`);
      if (translation && json.lang !== lang) throw broken(path, `carries the language ${JSON.stringify(json.lang)}, not ${JSON.stringify(lang)}`);
      if (typeof json.prompt !== 'string' || json.prompt.trim() === '') throw broken(path, 'prompt must be non-empty text');
      if (Buffer.byteLength(json.prompt) > FILE_SIZE_LIMIT) throw broken(path, `prompt is over ${FILE_SIZE_LIMIT} bytes`);
      const { extra = {} } = json;
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) throw broken(path, 'extra must be a mapping of fields');
      if (json.versions !== undefined && !versionsSchema.safeParse(json.versions).success) throw broken(path, `versions must be a list of at most ${VERSIONS_KEPT} { date, subject, commit } entries`);
      const hidden = hiddenTextRefusal([JSON.stringify(parsed.data), json.prompt, JSON.stringify(extra)]);
      if (hidden) throw broken(path, hidden);
      const persona = exportPersonaOf(parsed.data, json.prompt, extra as Record<string, unknown>);
      // A lock file records versions: one the content does not bear out would hide a change from `outdated`.
      if (json.version !== undefined && json.version !== personaVersion(persona)) throw broken(path, `claims the version ${quoted(json.version)}, but its content is version ${personaVersion(persona)}`);
      return { persona, json };
    },
    async search(query, { limit, lang, ...filters }) {
      const { personas, languages, translated } = await readIndex();
      // A language the catalog does not have lists the originals, as its default language does.
      const other = lang !== undefined && lang !== languages[0] && languages.includes(lang) ? lang : undefined;
      // The personas as the language lists them: their translations, else the originals.
      const listed = personas.map((persona) => {
        const translation = other && translated.get(persona.id)?.find((t) => t.lang === other);
        return translation ? { ...persona, name: translation.name, description: translation.description } : persona;
      });
      const engine = await openSearch(other);
      if (typeof engine === 'string') {
        const matches = searchPersonas(listed, query, filters);
        return { total: matches.length, personas: matches.slice(0, limit), note: `${location}: ${engine}; searching names, tags and descriptions only` };
      }
      const byId = new Map(listed.map((persona) => [persona.id, persona]));
      const wanted = Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as Record<string, string>;
      const { total, ids } = await engine.search(query, wanted, limit);
      return { total, personas: ids.flatMap((id) => byId.get(id) ?? []) };
    },
  };
}

function remoteCatalog(url: URL, options: CatalogOptions): CatalogSource {
  const refused = refusedProtocol(url);
  if (refused) throw new CatalogUnavailable(refused);
  const root = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return apiCatalog(root.href.replace(/\/$/, ''), (path, bytes) => fetchCatalogFile(new URL(path, root), { bytes, timeoutMs }), options);
}

/** A built site on disk: its files, read only below its folder. */
function distCatalog(location: string, dir: string, options: CatalogOptions): CatalogSource {
  return apiCatalog(
    location,
    async (path, limit) => {
      const file = join(dir, ...path.split('/'));
      if (!file.startsWith(dir + '/') || !existsSync(file)) return undefined;
      if (statSync(file).size > limit) throw new CatalogUnavailable(`${location}: ${path} is over ${limit} bytes`);
      return readFileSync(file);
    },
    options,
  );
}

/** A folder of persona files, checked exactly as the build checks them. */
function sourceFolderCatalog(dir: string): CatalogSource {
  const result = checkPersonaFolder(dir);
  const languages = readCatalogSettings(dir).settings.languages ?? [];
  if (countBySeverity(result.problems).error > 0) {
    throw new CatalogUnavailable(`${dir} has persona files that do not pass the check:\n${formatReport(result)}`);
  }
  const exported = (checked: CheckedPersona) => exportPersonaOf(checked.data, checked.body, extraFields(checked.data));
  const personas = new Map(result.personas.map((checked) => [checked.data.id, exported(checked)]));
  const translations = new Map(result.translations.map((checked) => [`${checked.lang}/${checked.data.id}`, exported(checked)]));
  const sorted = [...personas.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const summaries = sorted.map(personaFields);
  return {
    location: dir,
    list: async () => summaries,
    async get(id, lang) {
      const original = personas.get(id);
      if (!original) throw new UnknownPersona(id, closestIds(id, [...personas.keys()]));
      if (lang === undefined || lang === languages[0]) return { persona: original, json: { schemaVersion: API_SCHEMA_VERSION, ...original, version: personaVersion(original) } };
      const persona = translations.get(`${lang}/${id}`);
      if (!persona) throw new MissingTranslation(id, lang, result.translations.filter((t) => t.data.id === id).map((t) => t.lang!));
      return { persona, json: { schemaVersion: API_SCHEMA_VERSION, ...persona, version: personaVersion(persona), lang } };
    },
    async search(query, { limit, lang, ...filters }) {
      const listed = lang === undefined || lang === languages[0] ? sorted : sorted.map((persona) => translations.get(`${lang}/${persona.id}`) ?? persona);
      const matches = searchPersonas(listed, query, filters);
      return { total: matches.length, personas: matches.slice(0, limit).map(personaFields) };
    },
  };
}

/** Opens a catalog from a URL, a built dist/ folder or a folder of persona files. */
export function openCatalog(location: string, options: CatalogOptions = {}): CatalogSource {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    if (!URL.canParse(location)) throw new CatalogUnavailable(`${location} is not a valid URL`);
    return remoteCatalog(new URL(location), options);
  }
  const dir = resolve(location);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CatalogUnavailable(`${location}: no such folder`);
  if (existsSync(join(dir, 'api', 'personas.json'))) return distCatalog(location, dir, options);
  return sourceFolderCatalog(location);
}
