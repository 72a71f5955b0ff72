import { relative, resolve } from 'node:path';
import { folderHistory, translationLag } from '../lib/build/gitHistory.ts';
import { countTokens } from '../lib/prompt/insights.ts';
import { checkPersonaFolder, countBySeverity, formatReport, type CheckResult, type Problem } from '../lib/persona/personaCheck.ts';

/**
 * `npm run check` and `persona-atlas check`: the report, and whether it fails
 * (errors, or warnings when strict). Verbose, it first lists every file left
 * out and why, so the summary line's counts can be checked file by file.
 */
export async function checkCollection(folder: string, strict = false, verbose = false): Promise<{ report: string; failed: boolean }> {
  const result = checkPersonaFolder(folder, { countTokens, nearDuplicates: true });
  result.problems.push(...(await staleTranslations(folder, result)));
  const { error, warning } = countBySeverity(result.problems);
  const leftOut = verbose ? result.skipped.map(({ file, reason }) => `left out ${file}: ${reason}\n`).join('') : '';
  return { report: leftOut + formatReport(result), failed: error > 0 || (strict && warning > 0) };
}

const day = (date: string) => date.slice(0, 10);

/** A warning for each translation whose original was committed after it (git's dates; none without a history). */
async function staleTranslations(folder: string, { personas, translations }: CheckResult): Promise<Problem[]> {
  if (translations.length === 0) return [];
  const history = await folderHistory(folder);
  const originals = new Map(personas.map((persona) => [persona.data.id, persona.file]));
  return translations.flatMap((translation) => {
    const original = originals.get(translation.data.id);
    const lag = original && translationLag(history, translation.file, original);
    if (!lag) return [];
    const since = lag.translatedFrom ? `; git diff ${lag.translatedFrom.hash.slice(0, 12)} -- ${relative(process.cwd(), resolve(original))} shows what changed since` : '';
    return [
      {
        file: translation.file,
        line: 1,
        column: 1,
        field: 'translation',
        message: `was last changed ${day(lag.translated)}, before its original ${original} (changed ${day(lag.originalChanged)}): bring it up to date${since}`,
        severity: 'warning' as const,
      },
    ];
  });
}
