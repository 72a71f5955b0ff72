// npm run check [-- --strict]: validates every persona file in PERSONAS_DIR.
import { checkPersonas, countBySeverity, formatReport, readPersonaSources } from '../src/lib/personaCheck.ts';
import { siteConfigFromEnv } from '../src/lib/siteConfig.ts';

const strict = process.argv.includes('--strict');
const result = checkPersonas(readPersonaSources(siteConfigFromEnv().personasDir));
const { error, warning } = countBySeverity(result.problems);

console.log(formatReport(result));
process.exitCode = error > 0 || (strict && warning > 0) ? 1 : 0;
