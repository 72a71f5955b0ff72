#!/usr/bin/env node
// In the repository (the one place with a package-lock.json beside this
// folder: npm pack never ships it), on a Node that runs TypeScript (24 comes
// with the devDependencies), the source runs directly. Everywhere else,
// including any installed or unpacked package, the bundle that `npm pack`
// builds runs, on Node 20 and up.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const bundle = new URL('../dist-cli/persona-atlas.mjs', import.meta.url);
const inRepository = existsSync(new URL('../package-lock.json', import.meta.url)) && existsSync(source);
if (process.features.typescript && inRepository) await import(source.href);
else if (existsSync(bundle)) await import(bundle.href);
else {
  process.stderr.write('persona-atlas: run it with Node 24 (npm exec persona-atlas), or build the bundle with npm run bundle:cli\n');
  process.exitCode = 2;
}
