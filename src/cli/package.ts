import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pagefindVersion, readPagefindClient, writePagefindClient, type PagefindClient } from '../lib/catalog/pagefindClient.ts';
import { PACKAGE_ROOT } from '../lib/packageRoot.ts';

/**
 * The Pagefind client for searching catalog indexes: packed with the bundle
 * (npm run bundle:cli writes it), or in the repository written once from the
 * installed pagefind package into node_modules/.cache.
 */
export function pagefindClient(): PagefindClient | undefined {
  const packed = readPagefindClient(join(PACKAGE_ROOT, 'dist-cli', 'pagefind'));
  if (packed || !existsSync(join(PACKAGE_ROOT, 'node_modules', 'pagefind'))) return packed;
  const cache = join(PACKAGE_ROOT, 'node_modules', '.cache', 'persona-atlas', `pagefind-client-${pagefindVersion()}`);
  return readPagefindClient(cache) ?? writePagefindClient(cache);
}
