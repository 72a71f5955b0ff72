import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { mapInBatches } from '../../lib/catalog/batches.ts';
import { parseShareLink } from '../../lib/catalog/catalogLinks.ts';
import { CatalogUnavailable, closestIds, type CatalogSource } from '../../lib/catalog/catalogSource.ts';
import { EXPORT_TARGETS, exportSet, exportTarget, isSharedFile } from '../../lib/formats/exports.ts';
import type { ExportFile } from '../../lib/formats/format.ts';
import { fillPrompt } from '../../lib/prompt/promptVariables.ts';
import { searchPersonas } from '../../lib/catalog/personaSearch.ts';
import { fillInValues, LANG_OPTION, languageOf, UsageError, VAR_OPTION, type Command, type CommandInput } from '../command.ts';

const readIfPresent = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The catalog and the ids to add: named, from a share link's site, or a whole category or tag. */
async function chosenPersonas({ values, positionals, catalog }: CommandInput): Promise<{ source: CatalogSource; ids: string[] }> {
  const link = values.set as string | undefined;
  const group = { category: values.category as string | undefined, tag: values.tag as string | undefined };
  const ways = [positionals.length > 0, link !== undefined, Boolean(group.category || group.tag)].filter(Boolean).length;
  if (ways !== 1) throw new UsageError('add takes persona ids, or --set <share link>, or --category/--tag <slug>');
  if (link !== undefined) {
    const shared = parseShareLink(link);
    if (!shared) throw new UsageError(`--set takes a set's share link (…/selection/?ids=a,b), got ${JSON.stringify(link)}`);
    if (shared.invalid.length) throw new UsageError(`the share link holds ids that are not slugs: ${shared.invalid.map((id) => JSON.stringify(id)).join(', ')}`);
    if (shared.ids.length === 0) throw new UsageError('the share link holds no persona ids');
    return { source: catalog(shared.catalog), ids: shared.ids };
  }
  const source = catalog();
  if (positionals.length > 0) return { source, ids: [...new Set(positionals)] };
  const ids = searchPersonas(await source.list(), '', group).map((persona) => persona.id);
  if (ids.length === 0) throw new UsageError(`no persona has ${group.category ? `the category ${group.category}` : ''}${group.category && group.tag ? ' and ' : ''}${group.tag ? `the tag ${group.tag}` : ''}`);
  return { source, ids };
}

export const add: Command = {
  name: 'add',
  usage: '<id…> | --set <share link> | --category <slug> | --tag <slug>  --tool <target> [--dir <project>] [--lang <code>] [--force] [--var name=value]…',
  summary: 'Write personas into a project in a tool’s format',
  details: `Writes each persona where the tool expects it under --dir (default: the current folder) and prints each path. Files that hold many personas (${EXPORT_TARGETS.filter(isSharedFile)
    .map((t) => t.paths[0])
    .join(', ')}) are merged, keeping what else they hold. A file that exists with other content is left alone unless --force. --set installs a set from its share link (the link's site is the catalog); --category and --tag install a whole group. --lang <code> writes the personas' translations to that language. Nothing is written when any persona of the set cannot be read or checked. Prompts go in as written unless --var name=value fills their {{name}} placeholders. Run persona-atlas formats for the tools.`,
  options: {
    tool: { type: 'string', short: 't' },
    dir: { type: 'string', short: 'd' },
    force: { type: 'boolean' },
    set: { type: 'string' },
    category: { type: 'string' },
    tag: { type: 'string' },
    ...VAR_OPTION,
    ...LANG_OPTION,
  },
  async run(input) {
    const { values, out } = input;
    const toolId = values.tool as string | undefined;
    if (!toolId) throw new UsageError('add needs --tool <target>; persona-atlas formats lists them');
    const target = exportTarget(toolId);
    if (!target) {
      const near = closestIds(toolId, EXPORT_TARGETS.map((t) => t.id));
      throw new UsageError(`unknown tool ${JSON.stringify(toolId)}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (persona-atlas formats lists them)`);
    }
    const { source, ids } = await chosenPersonas(input);
    const fill = fillInValues(values);
    const lang = languageOf(values);
    const personas = await mapInBatches(ids, 8, async (id) => {
      const { persona } = await source.get(id, lang);
      return { ...persona, prompt: fillPrompt(persona.prompt, fill) };
    });

    const root = resolve((values.dir as string | undefined) ?? '.');
    const shown = (file: ExportFile) => relative(process.cwd(), join(root, file.path)) || file.path;
    let files: ExportFile[];
    try {
      files = exportSet(target, personas, isSharedFile(target) ? readIfPresent(join(root, target.paths[0])) : undefined);
    } catch (error) {
      throw new UsageError(`${join(root, target.paths[0])} ${(error as Error).message}; fix or move it, then run add again`);
    }

    // The ids passed the persona schema already; this keeps every write inside --dir whatever a target's paths do.
    const outside = files.find((file) => !resolve(root, file.path).startsWith(root + sep));
    if (outside) throw new CatalogUnavailable(`${source.location}: refusing to write ${JSON.stringify(outside.path)}, which is outside ${root}`);

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
