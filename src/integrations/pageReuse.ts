import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readRecord, recordFileFor } from '../lib/build/buildRecords.ts';
import { codeDigest, pendingRecordFile, type ReuseRecord } from '../lib/build/pageReuse.ts';
import { writesBesidePages } from '../lib/build/writesBesidePages.ts';
import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';
import { withBase } from '../lib/site/urls.ts';

const ID = 'virtual:persona-atlas/page-reuse';
const RESOLVED = `\0${ID}`;

/** What the pages need to decide which persona files to keep (src/data/pageReuse.ts). */
export interface PageReuseSettings {
  code: string;
  outDir: string;
  recordFile: string;
}

/**
 * Lets a rebuild keep the files of personas whose inputs did not change (see
 * src/lib/build/pageReuse.ts). The settings reach the pages through a virtual
 * module; under `astro dev` it exports null and every page renders.
 *
 * Kept pages are not among the pages Astro reports as built, so their URLs
 * are added to `sitemapPages`, the sitemap integration's customPages, before
 * it writes the sitemap.
 */
export function pageReuse(sitemapPages: string[]): AstroIntegration {
  let recordFile = '';
  return {
    name: 'persona-atlas:page-reuse',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const outDir = fileURLToPath(config.outDir);
        recordFile = recordFileFor(join(siteConfigFromEnv().cacheDir, 'page-reuse'), outDir);
        const settings: PageReuseSettings | null =
          command === 'build' ? { code: codeDigest(root, siteConfigFromEnv()), outDir, recordFile } : null;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'persona-atlas:page-reuse',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(settings)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:generated': async ({ logger }) => {
        // The persona files written beside the pages (src/data/personaFiles.ts).
        await writesBesidePages();
        const record = readRecord<ReuseRecord>(pendingRecordFile(recordFile));
        if (!record) return;
        const { base, site } = siteConfigFromEnv();
        sitemapPages.push(...record.kept.map((page) => new URL(withBase(base, page), site).href));
        const rendered = Object.keys(record.inputs).length - record.kept.length;
        logger.info(`Persona files: ${rendered} rendered, ${record.kept.length} unchanged since the last build and kept`);
      },
      'astro:build:done': () => {
        if (existsSync(pendingRecordFile(recordFile))) renameSync(pendingRecordFile(recordFile), recordFile);
      },
    },
  };
}
