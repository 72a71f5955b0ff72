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

/** Diff lines a page shows at most: a rewrite of the whole prompt is summed up, not printed. */
const DIFF_LINES_SHOWN = 80;

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
  /** The latest commit's change to the file; `added` when that commit created it; none without history or for a file holding many personas. */
  latestChange?: { commit: Commit; diff?: ShownDiff; added?: true };
  /** A translation committed before its original was last: the original's changes since. */
  lag?: TranslationLag & { originalId: string; diff?: ShownDiff };
}

/** A unified diff of two texts, cut to what a page shows. */
function shownDiff(before: string, after: string): ShownDiff {
  const { hunks } = structuredPatch('', '', before, after, '', '', { context: 2 });
  const lines = hunks.flatMap((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))]);
  return { lines: lines.slice(0, DIFF_LINES_SHOWN), more: Math.max(0, lines.length - DIFF_LINES_SHOWN) };
}

let worked: { source: Promise<FolderHistory>; histories: Promise<Map<string, PersonaHistory>> } | undefined;

/** Every entry's history, by entry id: worked out again when the folder's history was read again (the development server). */
function allHistories(): Promise<Map<string, PersonaHistory>> {
  const source = folderHistory(site.personasDir);
  if (worked?.source !== source) worked = { source, histories: Promise.all([getCollection('personas'), source]).then(([entries, history]) => historiesOf(entries, history)) };
  return worked.histories;
}

async function historiesOf(entries: PersonaEntry[], history: FolderHistory): Promise<Map<string, PersonaHistory>> {
  const fileOf = (entry: PersonaEntry) => resolve(readPersona(entry).file);
  // A file that holds many personas (a CSV, an AGENTS.md) has one history for all; its diff would be every persona's.
  const perFile = new Map<string, number>();
  for (const entry of entries) perFile.set(fileOf(entry), (perFile.get(fileOf(entry)) ?? 0) + 1);
  const originals = new Map(entries.filter((entry) => !storedLanguage(entry)).map((entry) => [entry.data.id, entry]));

  const reads: Array<{ revision: string; file: string }> = [];
  const ask = (revision: string, file: string) => reads.push({ revision, file }) - 1;
  const planned = entries.map((entry) => {
    const file = fileOf(entry);
    const commits = history.files.get(file) ?? [];
    const versions = versionsOf(history, file);
    const latest = commits[0];
    // A shallow checkout lacks the commit before the latest: no diff rather than a false "added".
    const own = perFile.get(file) === 1 && !history.missing;
    const change = latest && own ? { commit: latest, before: ask(`${latest.hash}^`, file), after: ask(latest.hash, file) } : undefined;
    const original = storedLanguage(entry) ? originals.get(entry.data.id) : undefined;
    const lag = original && translationLag(history, file, fileOf(original));
    const lagDiff =
      lag?.translatedFrom && perFile.get(fileOf(original!)) === 1
        ? { before: ask(lag.translatedFrom.hash, fileOf(original!)), after: ask(history.files.get(fileOf(original!))![0].hash, fileOf(original!)) }
        : undefined;
    return { entry, versions, older: Math.max(0, commits.length - versions.length), change, lag: lag && { ...lag, originalId: original!.data.id }, lagDiff };
  });
  const contents = await history.read(reads);
  const diffOf = (pair: { before: number; after: number }) => {
    const [before, after] = [contents[pair.before], contents[pair.after]];
    return before === undefined || after === undefined ? undefined : shownDiff(before, after);
  };
  return new Map(
    planned.map(({ entry, versions, older, change, lag, lagDiff }) => [
      entry.id,
      {
        versions,
        older,
        ...(change && { latestChange: contents[change.before] === undefined ? { commit: change.commit, added: true as const } : { commit: change.commit, diff: diffOf(change) } }),
        ...(lag && { lag: { ...lag, ...(lagDiff && { diff: diffOf(lagDiff) }) } }),
      },
    ]),
  );
}

/** A persona's history (its translation's, for a translation's entry). */
export async function historyOf(entry: PersonaEntry): Promise<PersonaHistory> {
  return (await allHistories()).get(entry.id)!;
}

/** What of a persona's history its page shows, for deciding whether a kept page is still right (src/data/pageReuse.ts). */
export async function historyInputs(): Promise<Map<string, string>> {
  const all = await allHistories();
  return new Map([...all].map(([id, { versions, older, lag }]) => [id, JSON.stringify([versions, older, lag && [lag.originalChanged, lag.translatedFrom?.hash]])]));
}

/** A commit's page, when the catalog's repository is known (REPO_URL). */
export const commitUrl = (hash: string) => (site.repoUrl ? `${site.repoUrl}/commit/${hash}` : undefined);
