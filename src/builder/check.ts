import { countTokens } from '../lib/prompt/insights.ts';
import { checkPersonaFolder, countBySeverity, formatReport } from '../lib/persona/personaCheck.ts';

/**
 * `npm run check` and `persona-atlas check`: the report, and whether it fails
 * (errors, or warnings when strict). Verbose, it first lists every file left
 * out and why, so the summary line's counts can be checked file by file.
 */
export function checkCollection(folder: string, strict = false, verbose = false): { report: string; failed: boolean } {
  const result = checkPersonaFolder(folder, { countTokens, nearDuplicates: true });
  const { error, warning } = countBySeverity(result.problems);
  const leftOut = verbose ? result.skipped.map(({ file, reason }) => `left out ${file}: ${reason}\n`).join('') : '';
  return { report: leftOut + formatReport(result), failed: error > 0 || (strict && warning > 0) };
}
