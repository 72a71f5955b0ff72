// npm run check [-- --strict]: validates every persona file in PERSONAS_DIR.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { checkPersonaFolder, countBySeverity, formatReport } from '../src/lib/persona/personaCheck.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

const strict = process.argv.includes('--strict');
let result;
try {
  result = checkPersonaFolder(siteConfigFromEnv().personasDir, { countTokens, nearDuplicates: true });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { error, warning } = countBySeverity(result.problems);

console.log(formatReport(result));
process.exitCode = error > 0 || (strict && warning > 0) ? 1 : 0;
