import { execFile, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { processShared } from '../processShared.ts';

const run = promisify(execFile);

/** A commit that changed a file. */
export interface Commit {
  hash: string;
  /** The committer's date, ISO 8601. */
  date: string;
  subject: string;
}

/**
 * A persona folder's git history, read once per build: every commit that
 * changed each file, newest first (one `git log` for the folder: 0.3 s for
 * LobeHub's 1,526 commits and 9,648 files; one process per file would take
 * minutes), and file contents at any commit, read in one `git cat-file`
 * process however many are asked for.
 */
export interface FolderHistory {
  /** Commits by absolute file path, newest first. */
  files: Map<string, Commit[]>;
  /** Why the history is absent or partial, when it is: said once by the build. */
  missing?: string;
  /** Files' contents at commits (`<hash>^` for the one before), in order; undefined where the file was not in that commit. */
  read(blobs: ReadonlyArray<{ revision: string; file: string }>): Promise<Array<string | undefined>>;
}

const histories = processShared('git-histories', () => new Map<string, Promise<FolderHistory>>());

/** The history of the files under `dir`, shared by everything that asks in one process. */
export function folderHistory(dir: string): Promise<FolderHistory> {
  const folder = resolve(dir);
  let history = histories.get(folder);
  if (!history) {
    history = readHistory(folder);
    histories.set(folder, history);
  }
  return history;
}

/** When each file under `dir` was last committed; empty without a history. */
export async function lastCommitDates(dir: string): Promise<Map<string, Date>> {
  const { files } = await folderHistory(dir);
  return new Map([...files].map(([file, commits]) => [file, new Date(commits[0].date)]));
}

const none = (missing: string): FolderHistory => ({ files: new Map(), missing, read: async (blobs) => blobs.map(() => undefined) });

async function readHistory(dir: string): Promise<FolderHistory> {
  const git = (args: string[]) => run('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
  } catch {
    return none('the persona folder is not in a git checkout');
  }
  const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  let log: string;
  try {
    // Fields split by NUL and tabs: a subject may hold anything else. No renames, so a file's history is its own path's.
    log = (await git(['-c', 'core.quotePath=false', 'log', '--no-renames', '--format=%x00%H%x09%cI%x09%s', '--name-only', '--', '.'])).stdout;
  } catch {
    return none('the persona folder has no commits yet');
  }
  const files = new Map<string, Commit[]>();
  let current: Commit | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) {
      const [hash, date, ...subject] = line.slice(1).split('\t');
      current = { hash, date, subject: subject.join('\t') };
    } else if (line && current) {
      const path = resolve(top, line);
      const commits = files.get(path);
      if (commits) commits.push(current);
      else files.set(path, [current]);
    }
  }
  return {
    files,
    ...(files.size === 0 && { missing: 'the persona files have no commits yet' }),
    ...(shallow && { missing: 'the checkout is shallow (a clone with --depth), so each file shows its last commit only; a full clone gives every version' }),
    read: (blobs) => readBlobs(top, blobs),
  };
}

/** Contents at commits through one `git cat-file --batch`: its answers come in the order asked. */
function readBlobs(top: string, blobs: ReadonlyArray<{ revision: string; file: string }>): Promise<Array<string | undefined>> {
  if (blobs.length === 0) return Promise.resolve([]);
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', fail);
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const contents: Array<string | undefined> = [];
      let at = 0;
      for (let index = 0; index < blobs.length && at < output.length; index++) {
        const headerEnd = output.indexOf(10, at);
        const header = output.subarray(at, headerEnd).toString('utf8');
        at = headerEnd + 1;
        const match = / blob (\d+)$/.exec(header);
        if (!match) {
          contents.push(undefined);
          continue;
        }
        const size = Number(match[1]);
        contents.push(output.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
      done(contents);
    });
    const relativePath = (file: string) => (file.startsWith(`${top}/`) ? file.slice(top.length + 1) : file);
    child.stdin.end(blobs.map(({ revision, file }) => `${revision}:${relativePath(file)}\n`).join(''));
  });
}

/** Reads the folder's history again (the development server, after a change in the folder). */
export function refreshHistory(dir: string): void {
  histories.delete(resolve(dir));
  void folderHistory(dir);
}

/** A version as a persona's page and JSON list it: newest first. */
export interface PersonaVersion {
  date: string;
  subject: string;
  commit?: string;
}

/** Versions listed per persona, at most: older ones are counted on the page, never sent. */
export const VERSIONS_KEPT = 100;

/**
 * A file's versions from its commits; without any (no git, a file not yet
 * committed) the one version there is, dated by the file.
 */
export function versionsOf(history: FolderHistory, file: string): PersonaVersion[] {
  const commits = history.files.get(resolve(file));
  if (!commits) return [{ date: statSync(file).mtime.toISOString(), subject: 'This version (its file has no git history here)' }];
  return commits.slice(0, VERSIONS_KEPT).map(({ hash, date, subject }) => ({ date, subject, commit: hash }));
}

/** A translation last committed before its original was: the dates, and the original's commit the translation was made against, when there is one. */
export interface TranslationLag {
  translated: string;
  originalChanged: string;
  /** The original's newest commit no later than the translation's: the version it translates. */
  translatedFrom?: Commit;
}

export function translationLag(history: FolderHistory, translation: string, original: string): TranslationLag | undefined {
  const translated = history.files.get(resolve(translation))?.[0];
  const originals = history.files.get(resolve(original));
  if (!translated || !originals || Date.parse(originals[0].date) <= Date.parse(translated.date)) return undefined;
  return { translated: translated.date, originalChanged: originals[0].date, translatedFrom: originals.find((commit) => Date.parse(commit.date) <= Date.parse(translated.date)) };
}
