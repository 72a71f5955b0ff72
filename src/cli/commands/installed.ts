import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { exportTarget, isSharedFile } from '../../lib/formats/exports.ts';
import { replaceSection } from '../../lib/formats/shared.ts';
import { BEHIND, installStatuses, mergeTexts, readIfPresent, statusRow, textOf, type InstallStatus } from '../../lib/install/installs.ts';
import { besideLock, installPlace, keepBase, LOCK_FILE, readBase, readLock, sha256Of, STATE_FOLDER, writeLock, type Install } from '../../lib/install/lockFile.ts';
import { UsageError, type Command, type CommandInput } from '../command.ts';

/**
 * The commands that follow installed personas after add: outdated, diff,
 * update and verify, over the project's persona-atlas.lock. Each catalog is
 * read as add reads it (its --catalog is the one the lock names).
 */

const DIR_OPTION = { dir: { type: 'string', short: 'd' } } as const;

const projectRoot = (input: CommandInput) => resolve((input.values.dir as string | undefined) ?? '.');
const short = (version: string | undefined) => (version ? version.slice(0, 12) : '-');
const shown = (root: string, install: Install) => {
  const path = relative(process.cwd(), join(root, install.path)) || install.path;
  return install.section ? `${path}#${install.section}` : path;
};

/** The lock's installs, those of the ids named when any are (each must be installed). */
function lockedInstalls(root: string, ids: readonly string[], tool?: string): Install[] {
  const installs = readLock(root).filter((install) => (ids.length === 0 || ids.includes(install.id)) && (!tool || install.tool === tool));
  const missing = ids.filter((id) => !installs.some((install) => install.id === id));
  if (missing.length) throw new UsageError(`${join(root, LOCK_FILE)} records no install of ${missing.join(', ')}${tool ? ` for ${tool}` : ''}`);
  return installs;
}

const statusesOf = (input: CommandInput, root: string, installs: Install[]) => installStatuses(root, installs, (location) => input.catalog(location));

export const outdated: Command = {
  name: 'outdated',
  usage: '[--dir <project>] [--json]',
  summary: 'Tell which installed personas the catalog has changed, and which were edited here',
  details: `Reads persona-atlas.lock under --dir (default: the current folder) and each catalog it names, and prints a row per install: id, tool, path, installed and latest version, and its state: current, outdated (changed in the catalog only), edited (changed here only), edited-outdated (changed on both sides), missing (deleted here) or removed (no longer in the catalog). --json prints the rows as an array. Exit codes as npm outdated's: 0 when nothing is behind, 1 when anything is outdated, edited-outdated or removed, 2 when a catalog or the lock cannot be read.`,
  options: { ...DIR_OPTION, json: { type: 'boolean' } },
  async run(input) {
    const root = projectRoot(input);
    const statuses = await statusesOf(input, root, lockedInstalls(root, input.positionals));
    const rows = statuses.map(statusRow);
    if (input.values.json) input.out(`${JSON.stringify(rows, null, 2)}\n`);
    else if (rows.length === 0) input.out(`no installs recorded in ${join(root, LOCK_FILE)}\n`);
    else {
      const table = [['id', 'tool', 'path', 'installed', 'latest', 'state'], ...statuses.map(({ install, state, latest }) => [install.id, install.tool, shown(root, install), short(install.version), short(latest?.version), state])];
      const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
      input.out(table.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n') + '\n');
    }
    return statuses.some(({ state }) => BEHIND.includes(state)) ? 1 : 0;
  },
};

export const diff: Command = {
  name: 'diff',
  usage: '<id> [--tool <target>] [--dir <project>] [--local]',
  summary: 'Show what the catalog changed in an installed persona since it was installed (--local: your edits)',
  details:
    'Prints a unified diff per install of the persona (of one tool with --tool): from the text installed to the catalog’s latest, as the tool’s file (or its section of a shared file) would change. --local diffs the text installed against the project’s file as it is now: your own edits.',
  options: { ...DIR_OPTION, tool: { type: 'string', short: 't' }, local: { type: 'boolean' } },
  async run(input) {
    if (input.positionals.length !== 1) throw new UsageError('diff takes one persona id, e.g. persona-atlas diff sr-backend');
    const root = projectRoot(input);
    const installs = lockedInstalls(root, input.positionals, input.values.tool as string | undefined);
    const statuses = input.values.local ? installs.map((install) => localStatus(root, install)) : await statusesOf(input, root, installs);
    for (const { install, base, local, latest } of statuses) {
      const place = installPlace(install);
      const after = input.values.local ? local : latest?.text;
      if (after === undefined) {
        input.out(`${shown(root, install)}: ${input.values.local ? 'deleted here' : `no longer in ${install.catalog}`}\n`);
        continue;
      }
      const label = input.values.local ? 'here now' : `latest ${short(latest?.version)}`;
      if (after === base) input.out(`${shown(root, install)}: no changes ${input.values.local ? 'here' : 'in the catalog'}\n`);
      else input.out(createTwoFilesPatch(`a/${place}`, `b/${place}`, base, after, `installed ${short(install.version)}`, label));
    }
  },
};

/** An install with what the project holds, read without its catalog (for --local and verify). */
function localStatus(root: string, install: Install): Pick<InstallStatus, 'install' | 'base' | 'local' | 'latest'> {
  return { install, base: readBase(root, install), local: textOf(install, readIfPresent(join(root, install.path))) };
}

export const verify: Command = {
  name: 'verify',
  usage: '[--dir <project>]',
  summary: 'Check, offline, that every installed file and section is as add or update wrote it (for CI)',
  details: 'Compares each file or section persona-atlas.lock records with the hash of what was written; reads no catalog. Exit 1 listing each that differs or is gone, else 0.',
  options: DIR_OPTION,
  async run(input) {
    const root = projectRoot(input);
    const installs = readLock(root);
    const differing = installs.flatMap((install) => {
      const local = textOf(install, readIfPresent(join(root, install.path)));
      if (local === undefined) return [`${shown(root, install)}: missing`];
      return sha256Of(local) === install.sha256 ? [] : [`${shown(root, install)}: differs from what was written`];
    });
    if (differing.length) {
      process.stderr.write(`${differing.length} of ${installs.length} installs differ from ${LOCK_FILE}:\n${differing.map((line) => `  ${line}\n`).join('')}`);
      return 1;
    }
    input.out(`${installs.length} installs as ${LOCK_FILE} records them\n`);
    return 0;
  },
};

export const update: Command = {
  name: 'update',
  usage: '[<id…>] [--dir <project>] [--dry-run] [--theirs]',
  summary: 'Bring installed personas up to the catalog’s latest, keeping your edits',
  details: `Rewrites each outdated file or section that was not edited here with the catalog's latest export, and merges an edited one three ways (the text installed, yours, the catalog's), keeping both sides' changes. When both changed the same lines, the file stays exactly as it is, and the merge with git's conflict markers is written under .persona-atlas/conflicts/ (exit 1): resolve it into the file, or run update --theirs, which takes the catalog's version after backing yours up under .persona-atlas/backups/. A persona the catalog no longer has and a file deleted here are left alone and reported. Shared files keep everything outside the personas' sections. --dry-run says what would happen and writes nothing. The lock changes only for what was written.`,
  options: { ...DIR_OPTION, 'dry-run': { type: 'boolean' }, theirs: { type: 'boolean' } },
  async run(input) {
    const root = projectRoot(input);
    const dryRun = Boolean(input.values['dry-run']);
    const installs = readLock(root);
    const chosen = lockedInstalls(root, input.positionals);
    const statuses = await statusesOf(input, root, chosen);
    const files = new Map<string, string | undefined>();
    const fileText = (path: string) => (files.has(path) ? files.get(path) : readIfPresent(join(root, path)));
    const writes = new Map<string, string>();
    const besides: Array<{ path: string; text: string }> = [];
    const cleared: string[] = [];
    /** The catalog's texts the updated installs now rest on, kept as their bases. */
    const updated: string[] = [];
    const locked = new Map(installs.map((install) => [installPlace(install), install]));
    let conflicts = 0;
    const say = (text: string) => input.out(`${dryRun ? 'would: ' : ''}${text}\n`);

    /** The install's new text into its file (or its section of a shared file), and the lock's record of it. */
    const put = (status: InstallStatus, text: string) => {
      const { install, latest } = status;
      const target = exportTarget(install.tool)!;
      const current = fileText(install.path)!;
      const next = isSharedFile(target) ? replaceSection(current, target.section(current, install.id)!, text) : text;
      files.set(install.path, next);
      writes.set(install.path, next);
      locked.set(installPlace(install), { ...install, version: latest!.version, base: sha256Of(latest!.text), sha256: sha256Of(text) });
      updated.push(latest!.text);
      cleared.push(besideLock(root, 'conflicts', install));
    };

    for (const status of statuses) {
      const { install, state, base, local, latest } = status;
      const where = shown(root, install);
      if (state === 'current') say(`${where}: current`);
      else if (state === 'edited') say(`${where}: kept your edits (nothing new in the catalog)`);
      else if (state === 'missing') say(`${where}: deleted here, left alone (add it again to restore it)`);
      else if (state === 'removed') say(`${where}: no longer in ${install.catalog}, left alone`);
      else if (state === 'outdated') {
        put(status, latest!.text);
        say(`updated ${where} (${short(install.version)} → ${short(latest!.version)})`);
      } else if (input.values.theirs) {
        besides.push({ path: besideLock(root, 'backups', install), text: local! });
        put(status, latest!.text);
        say(`updated ${where} to the catalog's version; yours backed up to ${relative(process.cwd(), besideLock(root, 'backups', install))}`);
      } else {
        const { merged, conflict } = mergeTexts(base, local!, latest!.text, `catalog ${short(latest!.version)}`);
        if (conflict) {
          conflicts += 1;
          besides.push({ path: besideLock(root, 'conflicts', install), text: merged });
          say(`${where}: your edits and the catalog's change the same lines; left as it is, the merge with conflict markers is in ${relative(process.cwd(), besideLock(root, 'conflicts', install))}`);
        } else {
          put(status, merged);
          say(`merged ${where}: your edits kept with the catalog's changes (${short(install.version)} → ${short(latest!.version)})`);
        }
      }
    }
    if (!dryRun) {
      for (const [path, text] of writes) writeFileSync(join(root, path), text);
      for (const { path, text } of besides) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
      for (const path of cleared) if (existsSync(path)) rmSync(path);
      for (const text of updated) keepBase(root, text);
      writeLock(root, [...locked.values()]);
    }
    if (conflicts) process.stderr.write(`persona-atlas: ${conflicts} install${conflicts === 1 ? '' : 's'} with conflicts: resolve them from ${relative(process.cwd(), join(root, STATE_FOLDER, 'conflicts')) || '.'}, or run update --theirs\n`);
    return conflicts ? 1 : 0;
  },
};
