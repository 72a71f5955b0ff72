// The last line of `npm run build`: what the output costs a static host (size,
// files, largest file), and a warning for each common host whose limit it passes.
import { reportOutput } from '../src/builder/buildSteps.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

const [summary, ...warnings] = reportOutput(siteConfigFromEnv());
console.log(summary);
for (const warning of warnings) console.warn(warning);
