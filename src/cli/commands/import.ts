import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SINGLE_LANGUAGE } from '../../i18n/languages.ts';
import { emojiOf } from '../../lib/formats/derive.ts';
import { LAYOUTS } from '../../lib/formats/layouts.ts';
import { READERS, readerById } from '../../lib/formats/readers.ts';
import { SLUG_PATTERN } from '../../lib/persona/slug.ts';
import { readPersonaSources, readSource, shownPath, type PersonaSource } from '../../lib/formats/collectionFiles.ts';
import { checkPersonas, summaryLine, type CheckedPersona } from '../../lib/persona/personaCheck.ts';
import { readCatalogSettings, SETTINGS_FILE } from '../../lib/site/catalogSettings.ts';
import { UsageError, type Command } from '../command.ts';

/** The sources behind the arguments: a folder's files (walked as the build walks them), or one file. */
function sourcesOf(paths: readonly string[], patterns: { include?: string[]; exclude?: string[] }): PersonaSource[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) return readPersonaSources(path, process.cwd(), { dotFolders: true, ...patterns });
    return [readSource(path, { file: shownPath(resolve(path)), relative: basename(path) })];
  });
}

/** Problems that mean a file is no persona at all, and what import says of them. */
const NOT_A_PERSONA: Array<[string, string]> = [
  ['frontmatter is missing', 'markdown without persona frontmatter'],
  ['file is in no format a reader knows', 'in no format a reader knows'],
];

const label = (persona: CheckedPersona) => `${persona.file}${persona.where ? ` ${persona.where}` : ''}`;

/** Adds languages to a catalog's settings file, keeping everything else it says (and creating it when there is none). */
function addLanguages(file: string, languages: readonly string[]): void {
  const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const listed = Array.isArray(settings.languages) ? (settings.languages as string[]) : [];
  settings.languages = [...new Set([...listed, ...languages])];
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

export const importCommand: Command = {
  name: 'import',
  usage: '<file-or-folder…> [--from <format>] [--out <folder>] [--include <glob>…] [--exclude <glob>…] [--category <slug>] [--emoji <emoji>] [--force] [--dry-run]',
  summary: 'Turn personas of other formats into persona files',
  details: `Walks folders (skipping READMEs and other documentation, and what --include/--exclude or the folder's persona-atlas.json leave out), reads a collection laid out as a whole (${LAYOUTS.map((layout) => layout.label).join(', ')}) through its layout, detects each other file's format unless --from names it, and writes one persona file per persona into --out (default: personas/), the prompt byte for byte as its format defines it. Translations a format keeps beside the original (LobeHub's <id>.<lang>.json) go to <lang>/<id>.md, and their languages into persona-atlas.json. Missing fields are derived as the documentation's "Import a collection" page says; --category sets every persona's category, --emoji the emoji of those without one. A file that exists with other content is left alone unless --force. Prints one line per persona or file: wrote, unchanged, would write (--dry-run) or skipped with the reason, then the summary line (files read, personas, translations, files left out by kind). Formats: ${READERS.map((r) => r.id).join(', ')}.`,
  options: {
    from: { type: 'string' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    category: { type: 'string' },
    emoji: { type: 'string' },
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run({ values, positionals, out }) {
    if (positionals.length === 0) throw new UsageError('import needs files or folders to read, e.g. persona-atlas import ./agents');
    const from = values.from as string | undefined;
    if (from !== undefined && !readerById(from)) throw new UsageError(`unknown format ${JSON.stringify(from)}; formats: ${READERS.map((r) => r.id).join(', ')}`);
    const category = values.category as string | undefined;
    if (category !== undefined && !SLUG_PATTERN.test(category)) throw new UsageError(`--category takes a slug (lowercase letters, digits and hyphens), got ${JSON.stringify(category)}`);
    const emoji = values.emoji as string | undefined;
    if (emoji !== undefined && !emojiOf(emoji)) throw new UsageError(`--emoji takes one emoji, got ${JSON.stringify(emoji)}`);

    const outDir = resolve((values.out as string | undefined) ?? 'personas');
    const { settings } = readCatalogSettings(outDir);
    const result = checkPersonas(sourcesOf(positionals, { include: values.include as string[] | undefined, exclude: values.exclude as string[] | undefined }), { from, derivation: { ...settings, category, emoji: emoji && emojiOf(emoji)!.emoji } });

    // Translations go to <lang>/<id>.md, in the languages the settings then list (the default is kept, or English).
    const defaultLanguage = settings.languages?.[0] ?? SINGLE_LANGUAGE;
    const translations = result.foreignTranslations.filter((translation) => translation.lang !== defaultLanguage);
    const files = [
      ...result.personas.map((persona) => ({ persona, path: join(outDir, `${persona.data.id}.md`) })),
      ...translations.map((persona) => ({ persona, path: join(outDir, persona.lang!, `${persona.data.id}.md`) })),
    ];
    const outside = files.find(({ path }) => !path.startsWith(outDir + sep));
    if (outside) throw new UsageError(`refusing to write ${outside.path}, outside ${outDir}`);
    const conflicts = files.filter(({ persona, path }) => existsSync(path) && readFileSync(path, 'utf8') !== persona.text);
    if (conflicts.length > 0 && !values.force) {
      throw new UsageError(
        `not overwriting ${conflicts.length === 1 ? 'a file that differs' : 'files that differ'} (add --force to replace):\n${conflicts.map(({ path, persona }) => `  ${relative(process.cwd(), path)} (from ${label(persona)})`).join('\n')}`,
      );
    }

    const dryRun = Boolean(values['dry-run']);
    for (const { persona, path } of files) {
      const shown = relative(process.cwd(), path) || path;
      const origin = `${label(persona)} (${persona.format})`;
      if (existsSync(path) && readFileSync(path, 'utf8') === persona.text) {
        out(`unchanged ${shown} ← ${origin}\n`);
        continue;
      }
      if (!dryRun) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, persona.text);
      }
      out(`${dryRun ? 'would write' : 'wrote'} ${shown} ← ${origin}\n`);
    }
    const added = [...new Set(translations.map((translation) => translation.lang!))].filter((lang) => !settings.languages?.includes(lang)).sort();
    if (added.length > 0) {
      const file = join(outDir, SETTINGS_FILE);
      if (!dryRun) addLanguages(file, [defaultLanguage, ...added]);
      out(`${dryRun ? 'would list' : 'listed'} ${added.join(', ')} in ${relative(process.cwd(), file) || file} "languages"\n`);
    }
    for (const { file, reason } of result.skipped) out(`skipped ${file}: ${reason}\n`);

    // A file with errors holds no persona to write: each is skipped with its first problem. Files
    // that hold no persona at all (markdown without frontmatter, a file no reader knows) are only listed.
    const errors = new Map<string, string>();
    for (const problem of result.problems) {
      if (problem.severity === 'error' && !errors.has(problem.file)) errors.set(problem.file, `${problem.field} ${problem.message}`);
    }
    let failed = 0;
    for (const [file, reason] of errors) {
      const notPersona = NOT_A_PERSONA.find(([problem]) => reason.startsWith(problem))?.[1];
      out(`skipped ${file}: ${notPersona ?? reason}\n`);
      if (!notPersona) failed += 1;
    }
    out(`${summaryLine(result)}\n`);
    if (failed > 0) throw new UsageError(`${failed} ${failed === 1 ? 'file' : 'files'} could not be imported (see the skipped lines above)`);
  },
};
