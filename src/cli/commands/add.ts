import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closestIds } from '../../lib/catalogSource.ts';
import { EXPORT_TARGETS, exportSet, exportTarget, isSharedFile, type ExportFile } from '../../lib/exports.ts';
import { fillPrompt } from '../../lib/promptVariables.ts';
import { fillInValues, UsageError, VAR_OPTION, type Command } from '../command.ts';

const readIfPresent = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

export const add: Command = {
  name: 'add',
  usage: '<id…> --tool <target> [--dir <project>] [--force] [--var name=value]…',
  summary: 'Write personas into a project in a tool’s format',
  details: `Writes each persona where the tool expects it under --dir (default: the current folder) and prints each path. Files that hold many personas (${EXPORT_TARGETS.filter(isSharedFile)
    .map((t) => t.paths[0])
    .join(', ')}) are merged, keeping what else they hold. A file that exists with other content is left alone unless --force. Prompts go in as written unless --var name=value fills their {{name}} placeholders. Run persona-atlas formats for the tools.`,
  options: { tool: { type: 'string', short: 't' }, dir: { type: 'string', short: 'd' }, force: { type: 'boolean' }, ...VAR_OPTION },
  async run({ values, positionals, catalog, out }) {
    const toolId = values.tool as string | undefined;
    if (!toolId) throw new UsageError('add needs --tool <target>; persona-atlas formats lists them');
    const target = exportTarget(toolId);
    if (!target) {
      const near = closestIds(toolId, EXPORT_TARGETS.map((t) => t.id));
      throw new UsageError(`unknown tool ${JSON.stringify(toolId)}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (persona-atlas formats lists them)`);
    }
    if (positionals.length === 0) throw new UsageError('add needs at least one persona id');
    const source = catalog();
    const ids = [...new Set(positionals)];
    const fill = fillInValues(values);
    const personas = await Promise.all(
      ids.map(async (id) => {
        const { persona } = await source.get(id);
        return { ...persona, prompt: fillPrompt(persona.prompt, fill) };
      }),
    );

    const root = resolve((values.dir as string | undefined) ?? '.');
    const shown = (file: ExportFile) => relative(process.cwd(), join(root, file.path)) || file.path;
    let files: ExportFile[];
    try {
      files = exportSet(target, personas, isSharedFile(target) ? readIfPresent(join(root, target.paths[0])) : undefined);
    } catch (error) {
      throw new UsageError(`${join(root, target.paths[0])} ${(error as Error).message}; fix or move it, then run add again`);
    }

    const conflicts = isSharedFile(target)
      ? []
      : files.filter((file) => {
          const current = readIfPresent(join(root, file.path));
          return current !== undefined && current !== file.content;
        });
    if (conflicts.length > 0 && !values.force) {
      throw new UsageError(
        `not overwriting ${conflicts.length === 1 ? 'a file that differs' : 'files that differ'} (add --force to replace):\n${conflicts.map((f) => `  ${shown(f)}`).join('\n')}`,
      );
    }
    for (const file of files) {
      const path = join(root, file.path);
      if (readIfPresent(path) === file.content) {
        out(`unchanged ${shown(file)}\n`);
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      out(`wrote ${shown(file)}\n`);
    }
  },
};
