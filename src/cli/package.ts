import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pagefindVersion, readPagefindClient, writePagefindClient, type PagefindClient } from '../lib/catalog/pagefindClient.ts';

/** The folder holding this package's package.json, from the source tree or the packed bundle alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
/** Installed from a tarball or a registry (inside node_modules), rather than this repository's working copy. */
export const INSTALLED = PACKAGE_ROOT.split(/[\\/]/).includes('node_modules');
export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

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
