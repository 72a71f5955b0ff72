// Packs the command line as one self-contained npm package: an ES module
// bundle for Node 20 and newer with no dependencies, the Pagefind search
// client beside it, and a package.json of its own. `npm pack` uses the bundle
// (through prepack); every site build publishes the whole package at
// /persona-atlas.tgz, so `npx -y <site>/persona-atlas.tgz` needs no registry.

import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { create } from 'tar';
import { writePagefindClient } from '../lib/catalog/pagefindClient.ts';
import { INSTALLED, PACKAGE_ROOT, PROMPT_THREAD, SEARCH_INDEX_PROCESS, VERSION } from '../lib/packageRoot.ts';

/** The maintainers' commands' bundles, which the served command line leaves out. */
const SITE_BUNDLE = 'persona-atlas-site.mjs';
const SITE_BUNDLES = [SITE_BUNDLE, SEARCH_INDEX_PROCESS.bundle, PROMPT_THREAD.bundle];

/** What both bundles share: one ES module for Node 20 and newer. */
const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Some bundled CommonJS packages call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
} as const;

/** Bundles src/cli/main.ts and what it imports into `<dir>/persona-atlas.mjs`, with the search client in `<dir>/pagefind/`. */
export async function bundleCli(dir: string): Promise<void> {
  await build({ ...BUNDLE_OPTIONS, entryPoints: [join(PACKAGE_ROOT, 'src/cli/main.ts')], outfile: join(dir, 'persona-atlas.mjs') });
  writePagefindClient(join(dir, 'pagefind'));
}

/**
 * Bundles the maintainers' commands (src/builder/) into `<dir>/persona-atlas-site.mjs`
 * for the npm package: Astro, Pagefind and the rest stay imports of the
 * dependencies installed with it; the site's own source ships beside it.
 */
export async function bundleSiteCommands(dir: string): Promise<void> {
  await build({ ...BUNDLE_OPTIONS, entryPoints: [join(PACKAGE_ROOT, 'src/builder/index.ts')], outfile: join(dir, SITE_BUNDLE), packages: 'external' });
  // The scripts the site build runs in processes and threads of their own.
  for (const script of [SEARCH_INDEX_PROCESS, PROMPT_THREAD]) {
    await build({ ...BUNDLE_OPTIONS, entryPoints: [join(PACKAGE_ROOT, script.source)], outfile: join(dir, script.bundle), packages: 'external' });
  }
}

/** A fixed date for every entry, so the same code always packs to the same bytes. */
const PACK_DATE = new Date('2026-01-01T00:00:00Z');

/** Writes the package as an npm tarball (a gzipped tar of package/…) to `file`. */
export async function packCli(file: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'persona-atlas-pack-'));
  try {
    const root = join(work, 'package');
    // An installed package serves the bundle it was packed with: its source does not change, and esbuild may not be there.
    if (INSTALLED) cpSync(join(PACKAGE_ROOT, 'dist-cli'), join(root, 'dist-cli'), { recursive: true, filter: (path) => !SITE_BUNDLES.some((bundle) => path.endsWith(bundle)) });
    else await bundleCli(join(root, 'dist-cli'));
    cpSync(join(PACKAGE_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    const manifest = {
      name: 'persona-atlas',
      version: VERSION,
      description: 'AI personas from a Persona Atlas catalog, in the terminal and in agents (MCP).',
      type: 'module',
      bin: { 'persona-atlas': 'bin/persona-atlas.mjs' },
      engines: { node: '>=20' },
    };
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Files only, in a fixed order: the same on every file system.
    const entries = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(work, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
    await create({ gzip: { level: 9 }, file, cwd: work, portable: true, mtime: PACK_DATE }, entries);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
