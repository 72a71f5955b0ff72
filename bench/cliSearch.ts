// How fast the command line and the MCP server search a served catalog with
// the site's own index: a fresh `persona-atlas search` process per query (what
// a user at a terminal waits for), and later queries in one process (what the
// MCP server answers once its index is open).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openCatalog } from '../src/lib/catalog/catalogSource.ts';
import { pagefindClient } from '../src/cli/package.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface CliSearchMeasurement {
  /** A fresh process per query: start, read the index, search, print. */
  freshProcessMsMedian: number;
  /** In one process: opening the index and the first query. */
  firstQueryMs: number;
  /** In one process, after the first query. */
  laterQueriesMsMedian: number;
}

export async function measureCliSearch(catalogUrl: string, queries: readonly string[]): Promise<CliSearchMeasurement> {
  // Asynchronously: the catalog is served from this process.
  const fresh: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await promisify(execFile)(process.execPath, ['bin/persona-atlas.mjs', 'search', query, '--catalog', catalogUrl]);
    fresh.push(performance.now() - start);
  }
  const catalog = openCatalog(catalogUrl, { pagefindClient });
  const timed = async (query: string) => {
    const start = performance.now();
    await catalog.search(query, { limit: 20 });
    return performance.now() - start;
  };
  const firstQueryMs = await timed(queries[0]);
  const later: number[] = [];
  for (const query of queries.slice(1)) later.push(await timed(query));
  return { freshProcessMsMedian: Math.round(median(fresh)), firstQueryMs: Math.round(firstQueryMs), laterQueriesMsMedian: Math.round(median(later)) };
}
