#!/usr/bin/env node
// In the repository, on a Node that runs TypeScript (24 comes with the
// devDependencies), the source runs directly. Elsewhere, including any
// installed package (Node strips types of no file under node_modules), the
// bundle that `npm pack` builds runs, on Node 20 and up.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const bundle = new URL('../dist-cli/persona-atlas.mjs', import.meta.url);
const runsTypeScript = Boolean(process.features.typescript) && !fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules');
if (runsTypeScript && existsSync(source)) await import(source.href);
else if (existsSync(bundle)) await import(bundle.href);
else {
  process.stderr.write('persona-atlas: run it with Node 24 (npm exec persona-atlas), or build the bundle with npm run bundle:cli\n');
  process.exitCode = 2;
}
