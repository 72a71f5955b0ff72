import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeDiff3 } from 'node-diff3';
import { MissingTranslation, UnknownPersona, type CatalogSource } from '../catalog/catalogSource.ts';
import { personaVersion } from '../catalog/personaApi.ts';
import { exportSet, exportTarget, isSharedFile } from '../formats/exports.ts';
import type { ExportPersona, ExportTarget } from '../formats/format.ts';
import { fillPrompt } from '../prompt/promptVariables.ts';
import { readBase, type Install } from './lockFile.ts';

/**
 * The installs of a project against their catalogs: what each holds now,
 * what the catalog serves now, and what `update` makes of the two. The
 * command line's outdated, diff and update and the MCP server's
 * installed_personas all read states here.
 */

export type InstallState = 'current' | 'outdated' | 'edited' | 'edited-outdated' | 'missing' | 'removed';

/** States that mean the catalog has something the project lacks: `outdated` exits 1 for them. */
export const BEHIND: readonly InstallState[] = ['outdated', 'edited-outdated', 'removed'];

export interface InstallStatus {
  install: Install;
  state: InstallState;
  /** What the catalog's export gave when this was installed. */
  base: string;
  /** The file's or section's text in the project now; undefined when it was deleted. */
  local?: string;
  /** What the catalog serves now, as add would write it; undefined when the persona is gone from it. */
  latest?: { version: string; text: string };
}

export const readIfPresent = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** An install's text within its file's text: the whole file, or its section. */
export function textOf(install: Install, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const target = exportTarget(install.tool)!;
  return isSharedFile(target) ? target.section(file, install.id)?.text : file;
}

/** A persona with the install's fill-in values in its prompt, as add wrote it. */
export const filledFor = (persona: ExportPersona, vars: Record<string, string> = {}): ExportPersona => ({ ...persona, prompt: fillPrompt(persona.prompt, vars) });

/** The text add writes for one persona at one place: its file's content, or its section as a file of its own holds it. */
export function exportedText(target: ExportTarget, persona: ExportPersona, path: string): string {
  const files = exportSet(target, [persona]);
  if (isSharedFile(target)) return target.section(files[0].content, persona.id)!.text;
  return files.find((file) => file.path === path)!.content;
}

/** The state of one install from its three texts: as installed, here now, in the catalog now. */
export function stateOf(base: string, local: string | undefined, latest: string | undefined): InstallState {
  if (latest === undefined) return 'removed';
  if (local === undefined) return 'missing';
  const edited = local !== base;
  const changed = latest !== base;
  return edited ? (changed ? 'edited-outdated' : 'edited') : changed ? 'outdated' : 'current';
}

/**
 * Every install's state. Each catalog is opened once and each persona read
 * once; a catalog that cannot be read throws (CatalogUnavailable), one
 * that no longer has a persona or its translation makes it `removed`.
 */
export async function installStatuses(root: string, installs: readonly Install[], open: (location: string) => CatalogSource): Promise<InstallStatus[]> {
  const catalogs = new Map<string, CatalogSource>();
  const reads = new Map<string, Promise<ExportPersona | undefined>>();
  const latestPersona = (install: Install) => {
    const key = JSON.stringify([install.catalog, install.id, install.lang ?? '']);
    if (!reads.has(key)) {
      if (!catalogs.has(install.catalog)) catalogs.set(install.catalog, open(install.catalog));
      const read = catalogs
        .get(install.catalog)!
        .get(install.id, install.lang)
        .then(
          ({ persona }) => persona,
          (error: unknown) => {
            if (error instanceof UnknownPersona || error instanceof MissingTranslation) return undefined;
            throw error;
          },
        );
      reads.set(key, read);
    }
    return reads.get(key)!;
  };
  const files = new Map<string, string | undefined>();
  const fileText = (path: string) => {
    if (!files.has(path)) files.set(path, readIfPresent(join(root, path)));
    return files.get(path);
  };
  return Promise.all(
    installs.map(async (install) => {
      const base = readBase(root, install);
      const persona = await latestPersona(install);
      const latest = persona && { version: personaVersion(persona), text: exportedText(exportTarget(install.tool)!, filledFor(persona, install.vars), install.path) };
      const local = textOf(install, fileText(install.path));
      return { install, state: stateOf(base, local, latest?.text), base, local, latest };
    }),
  );
}

/** Lines with their line endings, so joining them gives the text back byte for byte. */
const linesOf = (text: string) => text.split(/(?<=\n)/);

/**
 * git's three-way merge of the user's text and the catalog's, line by line
 * (node-diff3): `merged` keeps both sides' changes; with `conflict`, it
 * carries git's conflict markers, the base between them, and must not go
 * where a tool reads it.
 */
export function mergeTexts(base: string, ours: string, theirs: string, theirsLabel: string): { merged: string; conflict: boolean } {
  // A last line without a newline would merge with the marker after it: merge whole lines, then give the ending back.
  const newline = (text: string) => (text.endsWith('\n') || text === '' ? text : `${text}\n`);
  const { conflict, result } = mergeDiff3(linesOf(newline(ours)), linesOf(newline(base)), linesOf(newline(theirs)), {
    label: { a: 'yours', o: 'as installed', b: theirsLabel },
  });
  const merged = result.map((line: string) => (line.endsWith('\n') ? line : `${line}\n`)).join('');
  const unended = !ours.endsWith('\n') && !theirs.endsWith('\n');
  return { merged: unended ? merged.replace(/\n$/, '') : merged, conflict };
}

/** One install's state as `outdated --json` and the MCP server report it. */
export function statusRow({ install, state, latest }: InstallStatus) {
  return {
    id: install.id,
    tool: install.tool,
    path: install.path,
    ...(install.section && { section: install.section }),
    ...(install.lang && { lang: install.lang }),
    catalog: install.catalog,
    installed: install.version,
    latest: latest?.version ?? null,
    state,
  };
}
