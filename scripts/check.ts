// npm run check [-- --strict] [-- --verbose]: validates every persona file in PERSONAS_DIR.
import { checkCollection } from '../src/builder/check.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

try {
  const { report, failed } = await checkCollection(siteConfigFromEnv().personasDir, process.argv.includes('--strict'), process.argv.includes('--verbose'));
  console.log(report);
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
