import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pagefindBinary, pagefindVersion } from '../catalog/pagefindClient.ts';
import { readRecord, recordFileFor, writeRecord } from './buildRecords.ts';
import { searchPartCount, searchPartOf, searchPartPath } from './searchParts.ts';
import type { SearchRecord } from './searchRecords.ts';

/**
 * Builds the Pagefind index of a site from its search records (see
 * searchRecords.ts), in parts (see searchParts.ts), one Pagefind run at a
 * time (see writeSearchIndex). A rebuild re-indexes only the parts whose
 * records changed.
 *
 * Each language has an index of its own (Pagefind's stemming is per
 * language): the default language's at pagefind/ holding the originals,
 * another's at <lang>/pagefind/ holding its translations only, none when it
 * has none. A language's search merges the default index into its own and
 * keeps the pages its lists show (the `shown` filter, searchFilters.ts), so
 * no page is indexed twice and a language costs what its translations cost.
 *
 * It runs Pagefind's command line on the records written out as files rather
 * than its Node API: on the same 10,000 pages the command line took 24 s and
 * the Node API's service mode 42 s (16.8 s adding the pages, 25.2 s writing
 * the index), for identical output.
 */
const pagefindArgs = (lang: string) => ['--glob', '{personas,*/personas}/*/index.html', '--force-language', lang];

export interface SearchIndexReport {
  pages: number;
  parts: number;
  rebuilt: number[];
  reused: number[];
}

interface Manifest {
  digests: string[];
}

/**
 * Pagefind's allocator (jemalloc, read from `_RJEM_MALLOC_CONF` in its Rust
 * build), told to back its heap with huge pages, to keep what it frees, and
 * to use one arena (Pagefind does most of its work on one thread): by
 * default it hands freed memory back within seconds and faults it in again
 * 4 KB at a time, a million page faults for 10,000 records. Indexing the
 * bench's 10,000 records alone, the same output byte for byte: 34.2 s
 * (36.0 s user, 12.0 s system) by default, 31.6 s keeping freed memory,
 * 33.4 s with huge pages, 20.2 s (22.8 s, 3.6 s) with both. A part of
 * 5,000: 15.7 s and 1.86 GB by default, 11.0–12.4 s and 2.05 GB with both,
 * 9.9–12.8 s and 1.72 GB with one arena as well. On Linux only (huge
 * pages are Linux's; elsewhere jemalloc would print a warning for the
 * setting); a value set in the environment wins.
 */
const PAGEFIND_ALLOCATOR = process.platform === 'linux' ? 'thp:always,metadata_thp:auto,dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1' : undefined;

async function runPagefind(site: string, output: string, options: string[]): Promise<void> {
  const args = ['--site', site, ...options, '--output-path', output];
  const allocator = process.env._RJEM_MALLOC_CONF ?? PAGEFIND_ALLOCATOR;
  const env = allocator ? { ...process.env, _RJEM_MALLOC_CONF: allocator } : process.env;
  const { stdout } = await promisify(execFile)(await pagefindBinary(), args, { env, maxBuffer: 64 * 2 ** 20 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`Pagefind failed: ${error.stderr || error.stdout || error.message}`);
    },
  );
  if (!/Indexed [1-9]\d* pages?/.test(stdout)) throw new Error(`Pagefind indexed no persona pages:\n${stdout}`);
}

/** Pagefind's files of one part, without the folders of the parts nested in the first. */
function partFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => !/^part-\d+$/.test(name));
}

/** Moves a file or folder; across file systems (the temporary folder may be on another), by copying. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Swaps a freshly indexed part into place: its old files go, the new ones are moved in. */
function replacePart(fresh: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of partFiles(target)) rmSync(join(target, name), { recursive: true, force: true });
  for (const name of readdirSync(fresh)) move(join(fresh, name), join(target, name));
}

/** Removes a language's parts from `first` on. */
function removeParts(site: string, first: number, folder: string | undefined): void {
  for (let part = first; existsSync(join(site, searchPartPath(part, folder))); part++) rmSync(join(site, searchPartPath(part, folder)), { recursive: true });
}

/** Linux's memory-backed folder for temporary files. */
const MEMORY_FOLDER = '/dev/shm';

/**
 * Where Pagefind's input and output wait: in memory when it has room for
 * twice the records (the records of a part, and the index, smaller than
 * they are), else the OS temporary folder. Creating files is the costly part
 * of staging: 10,000 records are 20,000 files and folders, and on a disk
 * just emptied of a previous build's output (ext4 without a journal skips
 * inodes freed in the last minutes, one by one) the index took 38.6 s with
 * them on disk against 32.2 s in memory.
 */
export function temporaryFolder(records: Map<string, SearchRecord[]>, owner: number, memoryFolder = MEMORY_FOLDER): string {
  let bytes = 0;
  for (const pages of records.values()) for (const page of pages) bytes += page.html.length * 3;
  try {
    removeOrphans(memoryFolder);
    const { bavail, bsize } = statfsSync(memoryFolder);
    if (bavail * bsize > 2 * bytes) return mkdtempSync(join(memoryFolder, `${TEMPORARY_PREFIX}${owner}-`));
  } catch {
    // No such folder, or not ours to write in.
  }
  removeOrphans(tmpdir());
  return mkdtempSync(join(tmpdir(), `${TEMPORARY_PREFIX}${owner}-`));
}

/** A temporary folder's name: this prefix, the index process's id, a dash. */
const TEMPORARY_PREFIX = 'persona-atlas-search-';

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temporary folders of index processes that have ended: a build
 * stopped or killed leaves its folder (in memory, held until the machine
 * restarts; ten killed builds had left 408 MB there).
 */
function removeOrphans(parent: string): void {
  for (const name of readdirSync(parent)) {
    const owner = name.startsWith(TEMPORARY_PREFIX) ? /^(\d+)-/.exec(name.slice(TEMPORARY_PREFIX.length))?.[1] : undefined;
    if (!owner || isRunning(Number(owner))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another user's: theirs to remove.
    }
  }
}

/** One part of one language's index: its records staged as the pages they stand for, for Pagefind to index. */
interface PartJob {
  lang: string;
  part: number;
  stage: string;
  target: string;
}

/** A language's index: its parts, and which of them need indexing. */
interface LanguageIndex {
  folder: string | undefined;
  manifestFile: string;
  digests: string[];
  report: SearchIndexReport;
  jobs: PartJob[];
}

/** What stageSearchIndex leaves for writeSearchIndex: plain data, sent from the staging process (searchIndexProcess.ts). */
export interface StagedSearchIndex {
  site: string;
  /** The temporary folder the records wait in. */
  work: string;
  languages: Map<string, LanguageIndex>;
}

/**
 * Writes out each language's records of the parts to index (see
 * writeSearchIndex) into a temporary folder, as the pages they stand for:
 * Pagefind takes a folder and a glob. A part whose records did not change
 * since the last build (`cacheRoot` keeps each part's digest) is left as it is.
 */
export function stageSearchIndex(outDir: string, cacheRoot: string, pagesPerPart: number, records: Map<string, SearchRecord[]>, owner: number): StagedSearchIndex {
  const site = resolve(outDir);
  const work = temporaryFolder(records, owner);
  try {
    const languages = new Map<string, LanguageIndex>();
    const version = pagefindVersion();
    for (const [index, [lang, pages]] of [...records].entries()) {
      const folder = index > 0 ? lang : undefined;
      if (index === 0 && pages.length === 0) throw new Error('No persona pages to index');
      const manifestFile = recordFileFor(cacheRoot, join(site, folder ?? ''));
      const previous = readRecord<Manifest>(manifestFile) ?? { digests: [] };
      // A language without translations has no parts: it searches the default index alone.
      const parts = pages.length === 0 ? 0 : searchPartCount(pages.length, pagesPerPart);
      const members = Array.from({ length: parts }, () => [] as SearchRecord[]);
      for (const page of [...pages].sort((a, b) => (a.id < b.id ? -1 : 1))) members[searchPartOf(page.id, parts)].push(page);

      const language: LanguageIndex = { folder, manifestFile, digests: [], report: { pages: pages.length, parts, rebuilt: [], reused: [] }, jobs: [] };
      for (const [part, partPages] of members.entries()) {
        const digest = createHash('sha1').update(`${version} ${pagefindArgs(lang).join(' ')} ${parts}\n`);
        for (const page of partPages) digest.update(`${page.path}\0${page.html}\0`);
        language.digests.push(digest.digest('hex'));
        const target = join(site, searchPartPath(part, folder));
        if (previous.digests[part] === language.digests[part] && existsSync(join(target, 'pagefind-entry.json'))) {
          language.report.reused.push(part);
          continue;
        }
        const stage = join(work, `${lang}-${part}-pages`);
        for (const page of partPages) {
          mkdirSync(join(stage, page.path, '..'), { recursive: true });
          writeFileSync(join(stage, page.path), page.html);
        }
        language.jobs.push({ lang, part, stage, target });
      }
      languages.set(lang, language);
    }
    return { site, work, languages };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Indexes the staged parts one after another into `outDir/pagefind/` (the
 * default language) or `outDir/<lang>/pagefind/`, and removes the temporary
 * folder. One run at a time since Pagefind's allocator keeps its memory
 * (PAGEFIND_ALLOCATOR): two at a time had filled the core a run's
 * single-threaded writing leaves idle, and now cost more CPU than that
 * saves. 10,000 personas, builds alternated: 55.2, 55.7 and 57.8 s one at a
 * time against 57.2, 58.4 and 54.0 s two at a time, CPU 97 against 111 s
 * (medians), the whole build's peak 3.3–3.9 GB against 4.9–5.1 GB.
 * LobeHub's 18 languages (18 parts of 505 pages), before the one arena:
 * 52.3 against 60.1 s (medians of two, CPU 0.91×). The parts stay in the output folder between
 * builds (the site build leaves them alone, see src/integrations/staleOutput.ts).
 *
 * Nothing is written into the output or cache folders before `ready`
 * resolves: they may sit inside the collection, which the build is still
 * reading when indexing starts. Pagefind works in the temporary folder meanwhile.
 */
export async function writeSearchIndex({ site, work, languages }: StagedSearchIndex, ready: Promise<unknown> = Promise.resolve()): Promise<Map<string, SearchIndexReport>> {
  // Also when the process is ended early (the build failed and closed the channel, see searchIndexProcess.ts).
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork);
  try {
    for (const language of languages.values()) for (const job of language.jobs) await indexPart(job, work, ready, language.report);

    await ready;
    const reports = new Map<string, SearchIndexReport>();
    for (const [lang, { folder, manifestFile, digests, report }] of languages) {
      removeParts(site, report.parts, folder);
      if (report.parts > 0) writeRecord(manifestFile, { digests } satisfies Manifest);
      report.rebuilt.sort((a, b) => a - b);
      reports.set(lang, report);
    }
    return reports;
  } finally {
    removeWork();
    process.off('exit', removeWork);
  }
}

async function indexPart({ lang, part, stage, target }: PartJob, work: string, ready: Promise<unknown>, report: SearchIndexReport): Promise<void> {
  const fresh = join(work, `${lang}-${part}-index`);
  await runPagefind(stage, fresh, pagefindArgs(lang));
  rmSync(stage, { recursive: true, force: true });
  await ready;
  replacePart(fresh, target);
  report.rebuilt.push(part);
}
