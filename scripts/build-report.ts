// The last line of `npm run build`: what the output costs a static host (size,
// files, largest file), and a warning for each common host whose limit it passes.
import { measureOutput, outputReport } from '../src/lib/build/outputSize.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

const { outDir, settings, hostLimitScale } = siteConfigFromEnv();
const lines = outputReport(measureOutput(outDir, settings.languages ?? []), hostLimitScale);
console.log(lines[0]);
for (const warning of lines.slice(1)) console.warn(warning);
