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
 * searchRecords.ts), in parts (see searchParts.ts), two Pagefind runs at a
 * time where memory allows (partsAtOnce). A rebuild re-indexes only the
 * parts whose records changed.
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

/** Pagefind's peak memory per page it indexes: 3.2 GB for 10,000 pages, 1.7 GB for 5,000 records. */
const PAGEFIND_BYTES_PER_PAGE = 350 * 1024;

/**
 * Pagefind runs at a time, of any languages' parts: two when the memory
 * available to the process (its container's limit included) holds two runs
 * of the largest part with as much again to spare (Astro renders beside
 * them), else one. Pagefind spends about half of a part's run writing its
 * files on one thread, so one part after another left a core idle once the
 * pages were written: 10,000 personas (two parts)
 * built in 47.4, 44.2, 38.7 and 41.3 s with one part at a time (the index
 * finished 6.1–10.9 s after the pages) and in 38.9, 41.1, 39.3 and 41.9 s
 * with two (2.6–5.6 s after), runs alternated; the build's peak went from
 * 3.5 to 4.5 GB (1.35× the peer's Pagefind). At 10,000 personas two at a
 * time need 7 GB available; a machine with less, or a part of 10,000 pages
 * (30,000 personas) with less than 14 GB, indexes one part at a time.
 */
export function partsAtOnce(largestPartPages: number, availableBytes = process.availableMemory()): number {
  return availableBytes >= 4 * largestPartPages * PAGEFIND_BYTES_PER_PAGE ? 2 : 1;
}

interface Manifest {
  digests: string[];
}

async function runPagefind(site: string, output: string, options: string[]): Promise<void> {
  const args = ['--site', site, ...options, '--output-path', output];
  const { stdout } = await promisify(execFile)(await pagefindBinary(), args, { maxBuffer: 64 * 2 ** 20 }).catch(
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
  pages: number;
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
        language.jobs.push({ lang, part, pages: partPages.length, stage, target });
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
 * Indexes the staged parts, partsAtOnce() at a time, into `outDir/pagefind/`
 * (the default language) or `outDir/<lang>/pagefind/`, and removes the
 * temporary folder. The parts stay in the output folder between builds (the
 * site build leaves them alone, see src/integrations/staleOutput.ts).
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
    const queue = [...languages.values()].flatMap((language) => language.jobs);
    const runner = async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await indexPart(job, work, ready, languages.get(job.lang)!.report);
    };
    await Promise.all(Array.from({ length: partsAtOnce(Math.max(0, ...queue.map((job) => job.pages))) }, runner));

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
