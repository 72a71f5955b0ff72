import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { mapInBatches } from '../../lib/catalog/batches.ts';
import { parseShareLink } from '../../lib/catalog/catalogLinks.ts';
import { CatalogUnavailable, closestIds, type CatalogSource } from '../../lib/catalog/catalogSource.ts';
import { personaVersion } from '../../lib/catalog/personaApi.ts';
import { byId, EXPORT_TARGETS, exportSet, exportTarget, isSharedFile } from '../../lib/formats/exports.ts';
import type { ExportFile, ExportPersona, ExportTarget } from '../../lib/formats/format.ts';
import { filledFor, readIfPresent } from '../../lib/install/installs.ts';
import { besideLock, installPlace, keepBase, readLock, sha256Of, STATE_FOLDER, writeLock } from '../../lib/install/lockFile.ts';
import { searchPersonas } from '../../lib/catalog/personaSearch.ts';
import { fillInValues, LANG_OPTION, languageOf, UsageError, VAR_OPTION, type Command, type CommandInput } from '../command.ts';

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
    .join(', ')}) are merged: each persona in a section of its own, everything else kept. Every install is recorded in persona-atlas.lock at the root of --dir, and the text written kept under .persona-atlas/, so outdated, diff and update can follow the catalog's changes without losing an edit (commit both). A file that exists already is adopted when it equals the export, else left alone unless --force, which backs it up under .persona-atlas/backups/ first. --set installs a set from its share link (the link's site is the catalog); --category and --tag install a whole group. --lang <code> writes the personas' translations to that language. Nothing is written when any persona of the set cannot be read or checked. Prompts go in as written unless --var name=value fills their {{name}} placeholders. Run persona-atlas formats for the tools.`,
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
    const vars = fillInValues(values);
    const lang = languageOf(values);
    const personas = await mapInBatches(ids, 8, async (id) => (await source.get(id, lang)).persona);

    const root = resolve((values.dir as string | undefined) ?? '.');
    const locked = readLock(root);
    const shown = (place: { path: string; section?: string }) => {
      const path = relative(process.cwd(), join(root, place.path)) || place.path;
      return place.section ? `${path} (section ${place.section})` : path;
    };
    let planned: PlannedInstall[];
    let files: ExportFile[];
    try {
      ({ planned, files } = plannedInstalls(target, personas.map((persona) => filledFor(persona, vars)), root));
    } catch (error) {
      throw new UsageError(`${join(root, target.paths[0])} ${(error as Error).message}; fix or move it, then run add again`);
    }

    // The ids passed the persona schema already; this keeps every write inside --dir whatever a target's paths do.
    const outside = files.find((file) => !resolve(root, file.path).startsWith(root + sep));
    if (outside) throw new CatalogUnavailable(`${source.location}: refusing to write ${JSON.stringify(outside.path)}, which is outside ${root}`);

    // Text here that add did not write, or that was edited since: never replaced without --force, and then backed up first.
    const edited = planned.filter(({ place, current, text }) => {
      if (current === undefined || current === text) return false;
      const known = locked.find((install) => installPlace(install) === installPlace(place));
      return !(known && sha256Of(current) === known.base);
    });
    if (edited.length > 0 && !values.force) {
      const what = edited.some(({ place }) => place.section) ? 'text' : edited.length === 1 ? 'a file' : 'files';
      throw new UsageError(
        `not overwriting ${what} that ${edited.length === 1 ? 'differs' : 'differ'} (add --force to replace, keeping a backup under ${STATE_FOLDER}/backups/; persona-atlas update merges the catalog's changes into edits instead):\n${edited.map(({ place }) => `  ${shown(place)}`).join('\n')}`,
      );
    }
    for (const { place, current } of edited) {
      const backup = besideLock(root, 'backups', place);
      mkdirSync(dirname(backup), { recursive: true });
      writeFileSync(backup, current!);
      out(`backed up ${shown(place)} to ${relative(process.cwd(), backup)}\n`);
    }

    const installs = new Map(locked.map((install) => [installPlace(install), install]));
    for (const file of files) {
      const path = join(root, file.path);
      const unlocked = !installs.has(file.path);
      if (readIfPresent(path) === file.content) {
        out(`${unlocked && !isSharedFile(target) ? 'adopted' : 'unchanged'} ${shown(file)}\n`);
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      out(`wrote ${shown(file)}\n`);
    }
    const versions = new Map(personas.map((persona) => [persona.id, personaVersion(persona)]));
    for (const { place, id, text } of planned) {
      installs.set(installPlace(place), {
        catalog: source.location,
        id,
        ...(lang && { lang }),
        tool: target.id,
        ...(Object.keys(vars).length > 0 && { vars }),
        version: versions.get(id)!,
        ...place,
        base: keepBase(root, text),
        sha256: sha256Of(text),
      });
    }
    writeLock(root, [...installs.values()]);
  },
};

interface PlannedInstall {
  place: { path: string; section?: string };
  id: string;
  /** What add writes there. */
  text: string;
  /** What is there now. */
  current?: string;
}

/** The files add writes and the installs they hold: one per file, or one per persona's section of a shared file. */
function plannedInstalls(target: ExportTarget, personas: readonly ExportPersona[], root: string): { planned: PlannedInstall[]; files: ExportFile[] } {
  if (isSharedFile(target)) {
    const path = target.paths[0];
    const existing = readIfPresent(join(root, path));
    const files = exportSet(target, personas, existing);
    const planned = personas.map(({ id }) => ({
      place: { path, section: id },
      id,
      text: target.section(files[0].content, id)!.text,
      current: existing === undefined ? undefined : target.section(existing, id)?.text,
    }));
    return { planned, files };
  }
  const written = byId(personas).flatMap((persona) => exportSet(target, [persona]).map((file) => ({ file, id: persona.id })));
  return {
    planned: written.map(({ file, id }) => ({ place: { path: file.path }, id, text: file.content, current: readIfPresent(join(root, file.path)) })),
    files: written.map(({ file }) => file),
  };
}
