import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { structuredPatch } from 'diff';
import { folderHistory, translationLag, versionsOf, type Commit, type FolderHistory, type PersonaVersion, type TranslationLag } from '../lib/build/gitHistory.ts';
import { readPersona, storedLanguage } from '../loaders/personaLoader.ts';
import type { PersonaEntry } from './catalog.ts';
import { site } from './site.ts';

/**
 * Each persona's history as its page and JSON show it, from the persona
 * folder's git history (src/lib/build/gitHistory.ts): its versions, the diff
 * of its latest change, and, for a translation, whether its original changed
 * after it and how. Worked out once per build for every persona, reading
 * every file content the diffs need in one git process.
 */

/**
 * Diff lines a page shows at most, and characters of each: a rewrite of the
 * whole prompt is summed up, not printed, and a prompt kept on one line of
 * JSON (LobeHub's) is cut. Uncut, LobeHub's latest changes added 31 MB to
 * its 9,090 pages.
 */
const DIFF_LINES_SHOWN = 40;
const DIFF_LINE_LENGTH = 200;

export interface ShownDiff {
  /** Hunks as unified diff lines, each starting with " ", "+" or "-", after a "@@" line. */
  lines: string[];
  /** Lines left out beyond DIFF_LINES_SHOWN. */
  more: number;
}

export interface PersonaHistory {
  versions: PersonaVersion[];
  /** Versions beyond those listed (VERSIONS_KEPT). */
  older: number;
  /**
   * The latest commit's change to the file, on an original's page; `added` when that commit created it. None without
   * history, for a file holding many personas, or on a translation's page: a language's pages are most of a catalog
   * like LobeHub (8,585 of 9,090), and its diffs are the translator's, not the persona's.
   */
  latestChange?: { commit: Commit; diff?: ShownDiff; added?: true };
  /** A translation committed before its original was last: the original's changes since. */
  lag?: TranslationLag & { originalId: string; diff?: ShownDiff };
}

/** A unified diff of two texts, cut to what a page shows. */
function shownDiff(before: string, after: string): ShownDiff {
  const { hunks } = structuredPatch('', '', before, after, '', '', { context: 2 });
  const lines = hunks.flatMap((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))]);
  const cut = (line: string) => (line.length > DIFF_LINE_LENGTH ? `${line.slice(0, DIFF_LINE_LENGTH)}…` : line);
  return { lines: lines.slice(0, DIFF_LINES_SHOWN).map(cut), more: Math.max(0, lines.length - DIFF_LINES_SHOWN) };
}

/** An entry's history before any file content is read: enough for its JSON and for deciding whether its page is kept. */
interface Planned {
  summary: Omit<PersonaHistory, 'latestChange' | 'lag'> & { lag?: Omit<NonNullable<PersonaHistory['lag']>, 'diff'> };
  change?: { commit: Commit; before: number; after: number };
  lagDiff?: { before: number; after: number };
}

let worked: { source: Promise<FolderHistory>; planned: Promise<{ byId: Map<string, Planned>; contents: Promise<Array<string | undefined>> }> } | undefined;

/**
 * Every entry's history, by entry id, worked out again when the folder's
 * history was read again (the development server). The file contents the
 * diffs need are read by git in the background while pages render; each
 * page works out its own diffs, so pages a rebuild keeps cost none.
 */
function planned() {
  const source = folderHistory(site.personasDir);
  if (worked?.source !== source) worked = { source, planned: Promise.all([getCollection('personas'), source]).then(([entries, history]) => plan(entries, history)) };
  return worked.planned;
}

function plan(entries: PersonaEntry[], history: FolderHistory) {
  const fileOf = (entry: PersonaEntry) => resolve(readPersona(entry).file);
  // A file that holds many personas (a CSV, an AGENTS.md) has one history for all; its diff would be every persona's.
  const perFile = new Map<string, number>();
  for (const entry of entries) perFile.set(fileOf(entry), (perFile.get(fileOf(entry)) ?? 0) + 1);
  const originals = new Map(entries.filter((entry) => !storedLanguage(entry)).map((entry) => [entry.data.id, entry]));

  const reads: Array<{ revision: string; file: string }> = [];
  const ask = (revision: string, file: string) => reads.push({ revision, file }) - 1;
  const byId = new Map<string, Planned>();
  for (const entry of entries) {
    const file = fileOf(entry);
    const commits = history.files.get(file) ?? [];
    const versions = versionsOf(history, file);
    const latest = commits[0];
    // A shallow checkout lacks the commit before the latest: no diff rather than a false "added".
    const own = perFile.get(file) === 1 && !history.missing && !storedLanguage(entry);
    const original = storedLanguage(entry) ? originals.get(entry.data.id) : undefined;
    const originalFile = original && fileOf(original);
    const lag = originalFile && translationLag(history, file, originalFile);
    byId.set(entry.id, {
      summary: { versions, older: Math.max(0, commits.length - versions.length), ...(lag && { lag: { ...lag, originalId: original!.data.id } }) },
      ...(latest && own && { change: { commit: latest, before: ask(`${latest.hash}^`, file), after: ask(latest.hash, file) } }),
      ...(lag &&
        lag.translatedFrom &&
        perFile.get(originalFile) === 1 && { lagDiff: { before: ask(lag.translatedFrom.hash, originalFile), after: ask(history.files.get(originalFile)![0].hash, originalFile) } }),
    });
  }
  return { byId, contents: history.read(reads) };
}

/** A persona's history (its translation's, for a translation's entry), with its diffs. */
export async function historyOf(entry: PersonaEntry): Promise<PersonaHistory> {
  const { byId, contents: reading } = await planned();
  const { summary, change, lagDiff } = byId.get(entry.id)!;
  if (!change && !lagDiff) return summary;
  const contents = await reading;
  const diffOf = (pair: { before: number; after: number }) => {
    const [before, after] = [contents[pair.before], contents[pair.after]];
    return before === undefined || after === undefined ? undefined : shownDiff(before, after);
  };
  return {
    ...summary,
    ...(change && { latestChange: contents[change.before] === undefined ? { commit: change.commit, added: true as const } : { commit: change.commit, diff: diffOf(change) } }),
    ...(summary.lag && { lag: { ...summary.lag, ...(lagDiff && { diff: diffOf(lagDiff) }) } }),
  };
}

/** A persona's versions, for its JSON: no file content needed. */
export async function versionsOfEntry(entry: PersonaEntry): Promise<PersonaVersion[]> {
  return (await planned()).byId.get(entry.id)!.summary.versions;
}

/** What of a persona's history its page shows, for deciding whether a kept page is still right (src/data/pageReuse.ts). */
export async function historyInputs(): Promise<Map<string, string>> {
  const { byId } = await planned();
  return new Map([...byId].map(([id, { summary: { versions, older, lag } }]) => [id, JSON.stringify([versions, older, lag && [lag.originalChanged, lag.translatedFrom?.hash]])]));
}

/** A commit's page, when the catalog's repository is known (REPO_URL). */
export const commitUrl = (hash: string) => (site.repoUrl ? `${site.repoUrl}/commit/${hash}` : undefined);
