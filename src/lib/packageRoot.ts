// Where this package is and what it is: the command line, the builder and
// the site's pages all ask, from the source tree or a bundle alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processShared } from './processShared.ts';

/** The folder holding this package's package.json, from the source tree or the packed bundle alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Worked out by the first module graph that asks: Astro's pages run from a
 * bundle in the build's output folder, which may be anywhere, while its
 * config and integrations, loaded first, run from this package's files.
 */
export const PACKAGE_ROOT = processShared('package-root', () => ({ path: packageRoot() })).path;
/** Installed from a tarball or a registry (inside node_modules), rather than this repository's working copy. */
export const INSTALLED = PACKAGE_ROOT.split(/[\\/]/).includes('node_modules');
export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
/** A script the site build runs in a process or thread of its own: its source, and its bundle in the package (Node does not run TypeScript inside node_modules). */
export interface ShippedScript {
  source: string;
  bundle: string;
}

/** The search index's process (src/integrations/searchIndex.ts). */
export const SEARCH_INDEX_PROCESS: ShippedScript = { source: 'src/integrations/searchIndexProcess.ts', bundle: 'persona-atlas-search-index.mjs' };
/** The thread that renders prompts ahead of their pages (src/lib/prompt/promptsAhead.ts). */
export const PROMPT_THREAD: ShippedScript = { source: 'src/lib/prompt/promptThread.ts', bundle: 'persona-atlas-prompt-thread.mjs' };

/** The file to run: the source in this repository's working copy, the bundle in an installed package. */
export const shippedScript = (script: ShippedScript) => (INSTALLED ? join(PACKAGE_ROOT, 'dist-cli', script.bundle) : join(PACKAGE_ROOT, script.source));
