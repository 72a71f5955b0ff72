import { countTokens } from '../lib/prompt/insights.ts';
import { checkPersonaFolder, countBySeverity, formatReport } from '../lib/persona/personaCheck.ts';

/** `npm run check` and `persona-atlas check`: the report, and whether it fails (errors, or warnings when strict). */
export function checkCollection(folder: string, strict = false): { report: string; failed: boolean } {
  const result = checkPersonaFolder(folder, { countTokens, nearDuplicates: true });
  const { error, warning } = countBySeverity(result.problems);
  return { report: formatReport(result), failed: error > 0 || (strict && warning > 0) };
}
