// npm run check [-- --strict]: validates every persona file in PERSONAS_DIR.
import { checkPersonas, countBySeverity, formatReport, readPersonaSources } from '../src/lib/personaCheck.ts';
import { siteConfigFromEnv } from '../src/lib/siteConfig.ts';

const strict = process.argv.includes('--strict');
let sources;
try {
  sources = readPersonaSources(siteConfigFromEnv().personasDir);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const result = checkPersonas(sources);
const { error, warning } = countBySeverity(result.problems);

console.log(formatReport(result));
process.exitCode = error > 0 || (strict && warning > 0) ? 1 : 0;
