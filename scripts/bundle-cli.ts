// npm run bundle:cli (and npm pack, through prepack): bundles the command line
// and everything it imports into one ES module for Node 20 and newer, so the
// packed package needs no dependencies and no TypeScript support.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/persona-atlas.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Some bundled CommonJS packages call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
