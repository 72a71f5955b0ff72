import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CatalogUnavailable } from './catalogFetch.ts';
import type { PagefindClient } from './pagefindClient.ts';

/**
 * The site's own search, run in Node over a catalog's Pagefind index: the same
 * engine, index, query and filters the browser uses, so the command line and
 * the MCP server answer what the site answers, in its order. Only the chunks
 * a query needs are read, through the catalog's reader (with its limits).
 *
 * Pagefind's client calls the global fetch; while any catalog index is open,
 * fetches of a catalog's private origin are answered by that catalog's reader
 * and every other fetch goes to the network's fetch untouched.
 */

/** Reads a file of the catalog by its path from the catalog root; undefined when missing. */
export type CatalogFileReader = (path: string) => Promise<Uint8Array | undefined>;

interface PagefindResult {
  data(): Promise<{ meta: Record<string, string> }>;
}

interface PagefindInstance {
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/** The catalog's index was written by another Pagefind version than the client this package carries. */
export class IncompatibleIndex extends Error {}

const readers = new Map<string, CatalogFileReader>();
let netFetch: typeof fetch | undefined;

function installFetch(): void {
  if (netFetch) return;
  const network = (netFetch = globalThis.fetch);
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const read = readers.get(url.origin);
    if (!read) return network(input, init);
    const bytes = await read(url.pathname.slice(1));
    return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>) : new Response(null, { status: 404 });
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const decodeJson = (bytes: Uint8Array, path: string): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new CatalogUnavailable(`${path} is not valid JSON`);
  }
};

/**
 * Checks a part's entry file before any of the part runs: the Pagefind version
 * must be the client's, and each language's wasm must be that version's own.
 * Returns the checked wasm files, which are then served from memory: a second
 * read could bring other bytes.
 */
async function checkedWasm(read: CatalogFileReader, client: PagefindClient, path: string): Promise<Map<string, Uint8Array>> {
  const bytes = await read(`${path}pagefind-entry.json`);
  if (!bytes) throw new IncompatibleIndex(`it has no ${path}pagefind-entry.json`);
  const entry = decodeJson(bytes, `${path}pagefind-entry.json`) as { version?: unknown; languages?: Record<string, { wasm?: unknown }> };
  if (entry.version !== client.version) {
    throw new IncompatibleIndex(`its search index was written by Pagefind ${String(entry.version)}; this client runs ${client.version}`);
  }
  const wasm = new Map<string, Uint8Array>();
  for (const language of Object.values(entry.languages ?? {})) {
    const file = `wasm.${String(language?.wasm ?? 'unknown')}.pagefind`;
    // A regional language (de-DE) gets its base language's stemming under its own name: the same bytes.
    const digest = client.wasmDigests[file] ?? client.wasmDigests[file.replace(/^(wasm\.[a-z]+)-[A-Za-z0-9-]+(\.pagefind)$/, '$1$2')];
    const code = digest && (await read(`${path}${file}`));
    if (!code || sha256(code) !== digest) throw new CatalogUnavailable(`${path}${file} is not the ${file} of Pagefind ${client.version}; it is not run`);
    wasm.set(`${path}${file}`, code);
  }
  return wasm;
}

export interface IndexSearch {
  /** Persona ids matching the query and filters, best first, as the site ranks them; at most `limit`, with the total. */
  search(query: string, filters: Record<string, string>, limit: number): Promise<{ total: number; ids: string[] }>;
}

/**
 * Opens a catalog's index as the browser does: the bundles (searchBundlePaths)
 * merged into the first, every search narrowed by `filters` too (a language's
 * SHOWN_FILTER).
 */
export async function openIndexSearch(read: CatalogFileReader, bundles: readonly string[], client: PagefindClient, always: Record<string, string> = {}): Promise<IndexSearch> {
  const wasm = new Map<string, Uint8Array>();
  for (const bundle of bundles) for (const [path, code] of await checkedWasm(read, client, bundle)) wasm.set(path, code);

  // Pagefind logs a failed fetch and carries on; the first failure is kept and thrown once the call returns.
  let failure: unknown;
  const origin = `http://catalog-${readers.size}.persona-atlas.invalid`;
  installFetch();
  readers.set(origin, async (path) => {
    if (/(?:^|\/)wasm\.[^/]*\.pagefind$/.test(path)) return wasm.get(path);
    try {
      return await read(path);
    } catch (error) {
      failure ??= error;
      throw error;
    }
  });
  const settled = async <T>(work: Promise<T>): Promise<T> => {
    const value = await work;
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
    return value;
  };

  const pagefind = (await import(pathToFileURL(client.module).href)) as { createInstance(options: Record<string, unknown>): PagefindInstance };
  const [main, ...merged] = bundles;
  const instance = pagefind.createInstance({ basePath: `${origin}/${main}` });
  for (const bundle of merged) await settled(instance.mergeIndex(`${origin}/${bundle}`));
  await settled(instance.init());
  return {
    async search(query, filters, limit) {
      const { results } = await settled(instance.search(query.trim() || null, { filters: { ...filters, ...always } }));
      const ids = await settled(Promise.all(results.slice(0, limit).map(async (result) => (await result.data()).meta.id ?? '')));
      return { total: results.length, ids };
    },
  };
}
