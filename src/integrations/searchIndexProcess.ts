// The search index, written beside the site build: src/integrations/searchIndex.ts
// starts this as a process of its own when `astro build` starts, so Pagefind
// indexes while Astro renders. It reads the collection as the build does
// (the same checker), makes each persona page's search record and indexes
// them; it prints its report, one line each, for the build to show.
import { join } from 'node:path';
import { SINGLE_LANGUAGE } from '../i18n/languages.ts';
import { buildSearchIndex } from '../lib/build/searchIndex.ts';
import { searchRecords } from '../lib/build/searchRecords.ts';
import { checkPersonaFolder, countBySeverity } from '../lib/persona/personaCheck.ts';
import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';

// The build ended (it failed, or was stopped): nothing is left to index for.
process.on('disconnect', () => process.exit(0));
// The build tells when it has read the collection: until then nothing may be written into it (see buildSearchIndex).
const collectionRead = new Promise((resolve) => process.once('message', resolve));

const started = performance.now();
const { personasDir, outDir, cacheDir, searchPartPages, settings } = siteConfigFromEnv();
const checked = checkPersonaFolder(personasDir);
// A collection with errors fails the build, which names them; there is no site to index.
if (countBySeverity(checked.problems).error > 0) process.exit(0);

try {
  const records = await searchRecords(checked, settings.languages ?? [SINGLE_LANGUAGE], settings);
  const reports = await buildSearchIndex(outDir, join(cacheDir, 'search-index'), searchPartPages, records, collectionRead);
  for (const [lang, { pages, parts, rebuilt, reused }] of reports) {
    const reuse = reused.length ? `, ${reused.length} unchanged ${reused.length === 1 ? 'part' : 'parts'} reused` : '';
    const language = reports.size > 1 ? ` (${lang})` : '';
    console.log(`Search index${language}: ${pages} persona pages in ${parts} ${parts === 1 ? 'part' : 'parts'}, ${rebuilt.length} indexed${reuse}`);
  }
  console.log(`Search index: ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
// The channel to the build would keep this process waiting.
process.exit();
