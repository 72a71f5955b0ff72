import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { packCli } from '../cli/pack.ts';
import { CLI_TARBALL_PATH } from '../lib/catalog/catalogLinks.ts';

/**
 * Publishes the packed command line with the site (at /persona-atlas.tgz), so
 * every deployed catalog serves the command that reads it:
 * `npx -y <site>/persona-atlas.tgz add … --catalog <site>` works without the
 * npm registry. Packing takes about half a second.
 */
export function cliTarball(): AstroIntegration {
  return {
    name: 'persona-atlas:cli-tarball',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await packCli(fileURLToPath(new URL(CLI_TARBALL_PATH, dir)));
      },
    },
  };
}
