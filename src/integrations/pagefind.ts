import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Only persona pages are search results; listing pages would repeat them. */
export const SEARCHABLE_PAGES = 'personas/*/index.html';

/**
 * Builds the Pagefind index into dist/pagefind/ right after Astro writes the
 * pages, so `astro build` alone yields a searchable site.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'persona-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site, glob: SEARCHABLE_PAGES });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          logger.info(`Indexed ${added.page_count} persona pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
