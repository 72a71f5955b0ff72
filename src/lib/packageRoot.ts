// Where this package is and what it is: the command line, the builder and
// the site's pages all ask, from the source tree or a bundle alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
/** The search index's process as the package ships it (src/integrations/searchIndex.ts): Node does not run TypeScript inside node_modules. */
export const SEARCH_INDEX_BUNDLE = 'persona-atlas-search-index.mjs';
