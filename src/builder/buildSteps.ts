// The steps after `astro build`, shared by `npm run build` (each its own
// process, so Astro's memory is free before Pagefind needs its own) and
// `persona-atlas build` (one process).
import { join } from 'node:path';
import { SINGLE_LANGUAGE } from '../i18n/languages.ts';
import { buildSearchIndex } from '../lib/build/searchIndex.ts';
import { measureOutput, outputReport } from '../lib/build/outputSize.ts';
import type { SiteConfig } from '../lib/site/siteConfig.ts';

/** Writes the Pagefind index of the built site; returns the lines to print. */
export async function indexSearch({ outDir, cacheDir, searchPartPages, settings }: SiteConfig): Promise<string[]> {
  const started = performance.now();
  const reports = await buildSearchIndex(outDir, join(cacheDir, 'search-index'), searchPartPages, settings.languages ?? [SINGLE_LANGUAGE]);
  const lines = [...reports].map(([lang, { pages, parts, rebuilt, reused }]) => {
    const reuse = reused.length ? `, ${reused.length} unchanged ${reused.length === 1 ? 'part' : 'parts'} reused` : '';
    const language = reports.size > 1 ? ` (${lang})` : '';
    return `Search index${language}: ${pages} persona pages in ${parts} ${parts === 1 ? 'part' : 'parts'}, ${rebuilt.length} indexed${reuse}`;
  });
  return [...lines, `Search index: ${Math.round(performance.now() - started)} ms`];
}

/** What the output costs a static host: the first line always, then a warning per host whose limit it passes. */
export function reportOutput({ outDir, settings, hostLimitScale }: SiteConfig): string[] {
  return outputReport(measureOutput(outDir, settings.languages ?? []), hostLimitScale);
}
