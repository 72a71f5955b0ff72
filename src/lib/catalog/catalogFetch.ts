/**
 * Reads one file of a deployed catalog over the network, treating the server
 * as hostile: https only (http for localhost), after every redirect too; a
 * byte limit counted while the body arrives; one deadline for the whole read,
 * headers and body alike, so a response that never ends cannot hang a command.
 */

/** The problem is the catalog's (unreachable, broken, lying): exit code 2. */
export class CatalogUnavailable extends Error {}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_REDIRECTS = 5;

/** Why a URL may not be read, or undefined when it may. */
export function refusedProtocol(url: URL): string | undefined {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) return undefined;
  return `${url.href}: catalogs are fetched over https (http only for localhost)`;
}

export interface ReadLimits {
  /** Largest body accepted, in bytes. */
  bytes: number;
  /** Time for the whole read, redirects and body included. */
  timeoutMs: number;
}

/**
 * The network's own fetch, taken when this module loads: the search engine
 * replaces the global one while it runs (see pagefindSearch.ts).
 */
const netFetch = globalThis.fetch;

async function readBody(response: Response, url: URL, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) throw new CatalogUnavailable(`${url.href} is ${declared} bytes; a catalog file may hold at most ${limit}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) throw new CatalogUnavailable(`${url.href} is over ${limit} bytes; a catalog file may hold at most ${limit}`);
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The file's bytes, or undefined when the server says it does not exist (404). */
export async function fetchCatalogFile(start: URL, limits: ReadLimits): Promise<Uint8Array | undefined> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const refused = refusedProtocol(url);
      if (refused) throw new CatalogUnavailable(hop ? `${start.href} redirects to ${refused}` : refused);
      const response = await netFetch(url, { signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop === MAX_REDIRECTS) throw new CatalogUnavailable(`${start.href} redirects more than ${MAX_REDIRECTS} times`);
        url = new URL(location, url);
        continue;
      }
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new CatalogUnavailable(`${url.href} answered ${response.status} ${response.statusText}`);
      }
      return await readBody(response, url, limits.bytes);
    }
  } catch (error) {
    if (error instanceof CatalogUnavailable) throw error;
    if (signal.aborted) throw new CatalogUnavailable(`${url.href} was not read within ${limits.timeoutMs / 1000} s`);
    const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new CatalogUnavailable(`cannot reach ${url.host}: ${reason}`);
  }
}
