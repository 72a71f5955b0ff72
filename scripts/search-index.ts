// The last step of `npm run build`: the Pagefind search index of the built
// site. It runs after `astro build` has exited, so Astro's memory is free
// before Pagefind needs its own (see src/lib/build/searchIndex.ts).
import { join } from 'node:path';
import { buildSearchIndex } from '../src/lib/build/searchIndex.ts';
import { SINGLE_LANGUAGE } from '../src/i18n/languages.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

const started = performance.now();
try {
  const { outDir, searchPartPages, settings } = siteConfigFromEnv();
  const reports = await buildSearchIndex(outDir, join('node_modules', '.astro', 'search-index'), searchPartPages, settings.languages ?? [SINGLE_LANGUAGE]);
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
