import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { exportPaths, exportTarget, isSharedFile } from '../formats/exports.ts';
import { LANGUAGE_PATTERN, SLUG_PATTERN } from '../persona/slug.ts';
import { sortedJson } from '../site/json.ts';

/**
 * persona-atlas.lock: what `add` wrote into a project, one entry per file
 * (or, in a file that holds many personas, per section), so `outdated`,
 * `diff`, `update` and `verify` can tell the user's edits from the catalog's
 * changes. JSON with sorted keys and no timestamps, so git merges it and the
 * same `add` twice changes nothing. The text each install wrote from the
 * catalog is kept beside it, in `.persona-atlas/base/<sha256>` (no tool loads
 * personas from there): it is the base of a three-way merge even when the
 * catalog no longer serves that version.
 */

export const LOCK_FILE = 'persona-atlas.lock';
/** The project's own folder for what the lock needs beside it: installed texts, merges with conflicts, backups. */
export const STATE_FOLDER = '.persona-atlas';
const LOCKFILE_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

/** One install: the catalog, the persona and how it was written, where, and the hashes that tell who changed it since. */
const installSchema = z
  .strictObject({
    /** The catalog as it was given to add (a URL, a dist/ folder, a folder of persona files). */
    catalog: z.string().min(1),
    id: z.string().regex(SLUG_PATTERN, 'must be a slug'),
    lang: z.string().regex(LANGUAGE_PATTERN, 'must be a language code').optional(),
    tool: z.string().refine((tool) => exportTarget(tool) !== undefined, 'is not a tool persona-atlas writes for'),
    /** The fill-in values given with --var. */
    vars: z.record(z.string(), z.string()).optional(),
    /** The persona version installed: the catalog's content hash of it. */
    version: sha256Hex,
    path: z.string(),
    /** In a file that holds many personas: the persona's section (its id). */
    section: z.string().optional(),
    /** The text the catalog's export gave when this was installed (kept under .persona-atlas/base/). */
    base: sha256Hex,
    /** What was written: the base, or a merge of it with the user's edits. */
    sha256: sha256Hex,
  })
  .superRefine((install, ctx) => {
    const target = exportTarget(install.tool);
    if (!target) return;
    // A lock is a file anyone can commit: its paths must be ones the tool's export writes for the id, so nothing is read or written elsewhere.
    const paths = isSharedFile(target) ? [target.paths[0]] : exportPaths(target, install.id);
    if (!paths.includes(install.path)) ctx.addIssue({ code: 'custom', path: ['path'], message: `is not where ${install.tool} puts ${install.id} (${paths.join(', ')})` });
    if (isSharedFile(target) ? install.section !== install.id : install.section !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['section'], message: isSharedFile(target) ? `must be the persona's id, ${install.id}` : `is only for files that hold many personas` });
    }
  });

export type Install = z.infer<typeof installSchema>;

const lockSchema = z.strictObject({ lockfileVersion: z.literal(LOCKFILE_VERSION), installs: z.array(installSchema) });

/** The lock or its folder cannot be used: exit code 2, as for a catalog that cannot be read. */
export class LockUnreadable extends Error {}

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where an install sits in a project: its file, and its section in a shared file. */
export const installPlace = (install: Pick<Install, 'path' | 'section'>) => (install.section ? `${install.path}#${install.section}` : install.path);

/** The project's installs, none when it has no lock yet. */
export function readLock(root: string): Install[] {
  const file = join(root, LOCK_FILE);
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LockUnreadable(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LockUnreadable(`${file}: ${issue.path.join('.') || 'the file'} ${issue.message}`);
  }
  const places = new Set<string>();
  for (const install of parsed.data.installs) {
    if (places.has(installPlace(install))) throw new LockUnreadable(`${file} lists ${installPlace(install)} twice`);
    places.add(installPlace(install));
  }
  return parsed.data.installs;
}

const byPlace = (a: Install, b: Install) => (installPlace(a) < installPlace(b) ? -1 : installPlace(a) > installPlace(b) ? 1 : 0);

/** Writes the lock (sorted by place) and drops kept texts no install needs any more. */
export function writeLock(root: string, installs: Install[]): void {
  const text = `${sortedJson({ installs: [...installs].sort(byPlace), lockfileVersion: LOCKFILE_VERSION }, 2)}\n`;
  const file = join(root, LOCK_FILE);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  const folder = join(root, STATE_FOLDER, 'base');
  if (!existsSync(folder)) return;
  const needed = new Set(installs.map((install) => install.base));
  for (const name of readdirSync(folder)) if (!needed.has(name)) rmSync(join(folder, name));
}

/** Keeps the text an install wrote from the catalog, by its hash. */
export function keepBase(root: string, text: string): string {
  const hash = sha256Of(text);
  const folder = join(root, STATE_FOLDER, 'base');
  const file = join(folder, hash);
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, text);
  }
  return hash;
}

/** The text an install wrote from the catalog, checked against its hash. */
export function readBase(root: string, install: Install): string {
  const file = join(root, STATE_FOLDER, 'base', install.base);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (text === undefined || sha256Of(text) !== install.base) {
    throw new LockUnreadable(`${file}, the text ${installPlace(install)} was installed with, is ${text === undefined ? 'missing' : 'not what the lock recorded'}; run add --force for it to install afresh`);
  }
  return text;
}

/** A file beside the lock for one install (a merge with conflicts, a backup): flat names, so no tool takes it for one of its own. */
export function besideLock(root: string, kind: 'conflicts' | 'backups', install: Pick<Install, 'path' | 'section'>): string {
  // Not hidden: a leading dot would hide a conflict from ls.
  const name = installPlace(install).replaceAll('/', '__').replace('#', '--').replace(/^\./, '');
  return join(root, STATE_FOLDER, kind, name);
}
