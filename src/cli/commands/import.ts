import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { emojiOf } from '../../lib/formats/derive.ts';
import { READERS, readerById } from '../../lib/formats/readers.ts';
import { SLUG_PATTERN } from '../../lib/persona/slug.ts';
import { checkPersonas, readPersonaSources, readSource, shownPath, type CheckedPersona, type PersonaSource } from '../../lib/persona/personaCheck.ts';
import { readCatalogSettings } from '../../lib/site/catalogSettings.ts';
import { UsageError, type Command } from '../command.ts';

/** The sources behind the arguments: a folder's files (walked as the build walks them), or one file. */
function sourcesOf(paths: readonly string[]): PersonaSource[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) return readPersonaSources(path);
    return [readSource(path, { file: shownPath(resolve(path)), relative: basename(path) })];
  });
}

const label = (persona: CheckedPersona) => `${persona.file}${persona.where ? ` ${persona.where}` : ''}`;

export const importCommand: Command = {
  name: 'import',
  usage: '<file-or-folder…> [--from <format>] [--out <folder>] [--category <slug>] [--emoji <emoji>] [--force] [--dry-run]',
  summary: 'Turn personas of other formats into persona files',
  details: `Walks folders (skipping dot files, READMEs and other documentation), detects each file's format unless --from names it, and writes one persona file per persona into --out (default: personas/), the prompt byte for byte as its format defines it. Missing fields are derived as README ("Import a collection") says; --category sets every persona's category, --emoji the emoji of those without one. A file that exists with other content is left alone unless --force. Prints one line per persona or file: wrote, unchanged, would write (--dry-run) or skipped with the reason. Formats: ${READERS.map((r) => r.id).join(', ')}.`,
  options: {
    from: { type: 'string' },
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
    const result = checkPersonas(sourcesOf(positionals), { from, derivation: { ...settings, category, emoji: emoji && emojiOf(emoji)!.emoji } });

    const files = result.personas.map((persona) => ({ persona, path: join(outDir, `${persona.data.id}.md`) }));
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
        mkdirSync(outDir, { recursive: true });
        writeFileSync(path, persona.text);
      }
      out(`${dryRun ? 'would write' : 'wrote'} ${shown} ← ${origin}\n`);
    }
    for (const { file, reason } of result.skipped) out(`skipped ${file}: ${reason}\n`);

    // A file with errors holds no persona to write: each is skipped with its first problem.
    const errors = new Map<string, string>();
    for (const problem of result.problems) {
      if (problem.severity === 'error' && !errors.has(problem.file)) errors.set(problem.file, `${problem.field} ${problem.message}`);
    }
    let failed = 0;
    for (const [file, reason] of errors) {
      const noPersona = reason.startsWith('frontmatter is missing');
      out(`skipped ${file}: ${noPersona ? 'markdown without persona frontmatter' : reason}\n`);
      if (!noPersona) failed += 1;
    }
    if (failed > 0) throw new UsageError(`${failed} ${failed === 1 ? 'file' : 'files'} could not be imported (see the skipped lines above)`);
  },
};
