import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_SCHEMA_VERSION } from './personaApi.ts';
import { checkPersonaFolder, countBySeverity, formatReport } from './personaCheck.ts';
import { exportPersonaOf, personaFields, type ExportPersona } from './exports.ts';

/**
 * The one reader of a catalog for the command line and the MCP server: a
 * deployed site's URL, a built dist/ folder or a folder of persona files all
 * come back as the same personas. Deployed sites and dist/ folders are read
 * through the static JSON API (/api/personas.json, /api/personas/<id>.json).
 */

/** A persona without its prompt, as catalogs list them. */
export type PersonaSummary = Omit<ExportPersona, 'prompt'>;

export interface CatalogSource {
  /** Where the catalog was read from, for messages. */
  location: string;
  list(): Promise<PersonaSummary[]>;
  /** The persona with its prompt and the JSON a catalog publishes for it. */
  get(id: string): Promise<{ persona: ExportPersona; json: Record<string, unknown> }>;
}

/** The catalog cannot be read: unreachable, missing, or not a catalog. */
export class CatalogUnavailable extends Error {}

/** No persona has the id asked for; `suggestions` are the closest ids there are. */
export class UnknownPersona extends Error {
  constructor(id: string, suggestions: string[]) {
    super(`no persona has the id ${JSON.stringify(id)}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`);
  }
}

const TIMEOUT_MS = 15_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

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


/** Checks what a catalog's index says about itself before anything trusts it. */
function personasOfIndex(index: unknown, location: string): PersonaSummary[] {
  const { schemaVersion, personas } = (index ?? {}) as { schemaVersion?: unknown; personas?: unknown };
  if (schemaVersion !== API_SCHEMA_VERSION || !Array.isArray(personas)) {
    throw new CatalogUnavailable(
      `${location} is not a Persona Atlas catalog this version can read (schemaVersion ${JSON.stringify(schemaVersion)}, expected ${API_SCHEMA_VERSION})`,
    );
  }
  return personas.map(personaFields);
}

/** Reads a catalog through its JSON API, from any `read(path)` that returns the file's text or undefined when missing. */
function apiCatalog(location: string, read: (path: string) => Promise<string | undefined>): CatalogSource {
  let index: Promise<PersonaSummary[]> | undefined;
  const parse = (text: string, path: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CatalogUnavailable(`${location} is not a Persona Atlas catalog: ${path} is not valid JSON`);
    }
  };
  const list = () =>
    (index ??= read('api/personas.json').then((text) => {
      if (text === undefined) throw new CatalogUnavailable(`${location} is not a Persona Atlas catalog: it has no api/personas.json`);
      return personasOfIndex(parse(text, 'api/personas.json'), location);
    }));
  return {
    location,
    list,
    async get(id) {
      const personas = await list();
      if (!personas.some((persona) => persona.id === id)) throw new UnknownPersona(id, closestIds(id, personas.map((p) => p.id)));
      const path = `api/personas/${id}.json`;
      const text = await read(path);
      if (text === undefined) throw new CatalogUnavailable(`${location} lists ${id} but has no ${path}`);
      const json = parse(text, path) as Record<string, unknown>;
      if (typeof json.prompt !== 'string') throw new CatalogUnavailable(`${location}: ${path} has no prompt`);
      return { persona: exportPersonaOf(json as unknown as PersonaSummary, json.prompt), json };
    },
  };
}

function remoteCatalog(url: URL): CatalogSource {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new CatalogUnavailable(`${url.href}: catalogs are fetched over https (http only for localhost)`);
  }
  const root = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return apiCatalog(root.replace(/\/$/, ''), async (path) => {
    let response: Response;
    try {
      response = await fetch(new URL(path, root), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      throw new CatalogUnavailable(`cannot reach ${url.host}: ${reason}`);
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new CatalogUnavailable(`${new URL(path, root).href} answered ${response.status} ${response.statusText}`);
    return response.text();
  });
}

/** A folder of persona files, checked exactly as the build checks them. */
function sourceFolderCatalog(dir: string): CatalogSource {
  const result = checkPersonaFolder(dir);
  if (countBySeverity(result.problems).error > 0) {
    throw new CatalogUnavailable(`${dir} has persona files that do not pass the check:\n${formatReport(result)}`);
  }
  const personas = new Map(result.personas.map((checked) => [checked.data.id, exportPersonaOf(checked.data, checked.body)]));
  const summaries = [...personas.values()].map(personaFields).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    location: dir,
    list: async () => summaries,
    async get(id) {
      const persona = personas.get(id);
      if (!persona) throw new UnknownPersona(id, closestIds(id, [...personas.keys()]));
      return { persona, json: { schemaVersion: API_SCHEMA_VERSION, ...persona } };
    },
  };
}

/** Opens a catalog from a URL, a built dist/ folder or a folder of persona files. */
export function openCatalog(location: string): CatalogSource {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    if (!URL.canParse(location)) throw new CatalogUnavailable(`${location} is not a valid URL`);
    return remoteCatalog(new URL(location));
  }
  const dir = resolve(location);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CatalogUnavailable(`${location}: no such folder`);
  if (existsSync(join(dir, 'api', 'personas.json'))) {
    return apiCatalog(location, async (path) => {
      const file = join(dir, ...path.split('/'));
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    });
  }
  return sourceFolderCatalog(location);
}
