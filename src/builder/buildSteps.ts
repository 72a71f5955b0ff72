// The step after `astro build`, shared by `npm run build` and `persona-atlas build`.
// (The search index is written during the build: src/integrations/searchIndex.ts.)
import { measureOutput, outputReport } from '../lib/build/outputSize.ts';
import type { SiteConfig } from '../lib/site/siteConfig.ts';

/** What the output costs a static host: the first line always, then a warning per host whose limit it passes. */
export function reportOutput({ outDir, settings, hostLimitScale }: SiteConfig): string[] {
  return outputReport(measureOutput(outDir, settings.languages ?? []), hostLimitScale);
}
