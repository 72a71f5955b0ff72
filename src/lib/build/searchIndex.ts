import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pagefindCli, pagefindVersion } from '../catalog/pagefindClient.ts';
import { readRecord, recordFileFor, writeRecord } from './buildRecords.ts';
import { searchPartCount, searchPartOf, searchPartPath } from './searchParts.ts';

/**
 * Builds the Pagefind index of a built site, in parts (see searchParts.ts),
 * one Pagefind run after another so memory holds one part at a time. A
 * rebuild re-indexes only the parts whose pages changed.
 *
 * Each language has an index of its own (Pagefind's stemming is per
 * language): the default language's at pagefind/ holding the originals,
 * another's at <lang>/pagefind/ holding its translations only, none when it
 * has none. A language's search merges the default index into its own and
 * keeps the pages its lists show (the `shown` filter, searchFilters.ts), so
 * no page is indexed twice and a language costs what its translations cost.
 *
 * It runs Pagefind's command line rather than its Node API: on the same
 * 10,000 persona pages the CLI took 34–41 s and the Node API's service mode
 * 51 s, for identical output.
 */
const pagefindArgs = (lang: string, glob = 'personas/*/index.html') => ['--glob', glob, '--force-language', lang];
/** A staged part holds personas/ and, for another language, <lang>/personas/ too. */
const STAGED_GLOB = '{personas,*/personas}/*/index.html';

export interface SearchIndexReport {
  pages: number;
  parts: number;
  rebuilt: number[];
  reused: number[];
}

/** A page to index: where it is in the output folder, and its path (and so URL) in the index. */
interface IndexedPage {
  file: string;
  path: string;
}

interface Manifest {
  digests: string[];
}

const BODY_MARK = Buffer.from(' data-pagefind-body');
const BODY_END = Buffer.from('</article>');
const TITLE = [Buffer.from('<title>'), Buffer.from('</title>')] as const;

/**
 * What Pagefind reads of a persona page: its title and the element marked
 * data-pagefind-body. The rest of a page (related personas' cards, say)
 * changes when another persona is edited, and must not make a part look
 * changed. Sliced as bytes: decoding 10,000 pages to text took seconds.
 */
function indexedText(html: Buffer): Buffer[] {
  const mark = html.indexOf(BODY_MARK);
  const end = html.indexOf(BODY_END, mark);
  if (mark < 0 || end < 0) return [html];
  const title = html.indexOf(TITLE[0]);
  return [html.subarray(title, html.indexOf(TITLE[1], title)), html.subarray(html.lastIndexOf('<', mark), end)];
}

/**
 * Reads each file into one reused buffer. Reading 10,000 pages into fresh
 * buffers left this step about 60 MB larger while Pagefind ran beside it.
 */
function fileReader(): (path: string) => Buffer {
  let buffer = Buffer.alloc(2 ** 20);
  return (path) => {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > buffer.length) buffer = Buffer.alloc(size);
      return buffer.subarray(0, readSync(fd, buffer, 0, size, 0));
    } finally {
      closeSync(fd);
    }
  };
}

async function runPagefind(site: string, output: string, options: string[]): Promise<void> {
  const args = [pagefindCli(), '--site', site, ...options, '--output-path', output];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 2 ** 20 }).catch(
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

/** Swaps a freshly indexed part into place: its old files go, the new ones are moved in (a rename, not a copy). */
function replacePart(fresh: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of partFiles(target)) rmSync(join(target, name), { recursive: true, force: true });
  for (const name of readdirSync(fresh)) renameSync(join(fresh, name), join(target, name));
  rmSync(fresh, { recursive: true, force: true });
}

/** The ids of the persona pages in a folder of the output (personas/ or <lang>/personas/). */
function pageIds(personasDir: string): string[] {
  if (!existsSync(personasDir)) return [];
  return readdirSync(personasDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(personasDir, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Indexes `outDir`'s persona pages into `outDir/pagefind/`, and each other
 * language's into `outDir/<lang>/pagefind/`. The parts stay in the output
 * folder between builds (the site build leaves them alone, see
 * src/integrations/staleOutput.ts); `cacheRoot` keeps each part's digest, and
 * a part whose pages did not change is left as it is.
 */
export async function buildSearchIndex(outDir: string, cacheRoot: string, pagesPerPart: number, languages: readonly string[]): Promise<Map<string, SearchIndexReport>> {
  const site = resolve(outDir);
  const ids = pageIds(join(site, 'personas'));
  if (ids.length === 0) throw new Error(`No persona pages to index in ${outDir}/personas/`);
  const reports = new Map<string, SearchIndexReport>();
  for (const [index, lang] of languages.entries()) {
    const other = index > 0 ? lang : undefined;
    const path = (id: string) => (other ? `${other}/personas/${id}/index.html` : `personas/${id}/index.html`);
    const pages = (other ? pageIds(join(site, other, 'personas')) : ids).map((id) => ({ id, page: { file: join(site, path(id)), path: path(id) } }));
    if (pages.length === 0) {
      // A language without translations searches the default index alone.
      for (let part = 0; existsSync(join(site, searchPartPath(part, other))); part++) rmSync(join(site, searchPartPath(part, other)), { recursive: true });
      reports.set(lang, { pages: 0, parts: 0, rebuilt: [], reused: [] });
      continue;
    }
    reports.set(lang, await indexLanguage(site, recordFileFor(cacheRoot, join(site, other ?? '')), pagesPerPart, pages, lang, other));
  }
  return reports;
}

async function indexLanguage(
  site: string,
  manifestFile: string,
  pagesPerPart: number,
  pages: Array<{ id: string; page: IndexedPage }>,
  lang: string,
  folder: string | undefined,
): Promise<SearchIndexReport> {
  const previous = readRecord<Manifest>(manifestFile) ?? { digests: [] };
  const parts = searchPartCount(pages.length, pagesPerPart);
  const members = Array.from({ length: parts }, () => [] as IndexedPage[]);
  for (const { id, page } of pages) members[searchPartOf(id, parts)].push(page);

  const report: SearchIndexReport = { pages: pages.length, parts, rebuilt: [], reused: [] };
  const digests: string[] = [];
  const version = pagefindVersion();
  const read = fileReader();
  for (const [part, partPages] of members.entries()) {
    const digest = createHash('sha1').update(`${version} ${pagefindArgs(lang).join(' ')} ${parts}\n`);
    for (const page of partPages) {
      digest.update(`${page.path}\0`);
      for (const text of indexedText(read(page.file))) digest.update(text);
    }
    digests.push(digest.digest('hex'));
    const target = join(site, searchPartPath(part, folder));
    if (previous.digests[part] === digests[part] && existsSync(join(target, 'pagefind-entry.json'))) {
      report.reused.push(part);
      continue;
    }
    const fresh = join(site, `.pagefind-part-${part}`);
    rmSync(fresh, { recursive: true, force: true });
    if (parts === 1 && !folder) {
      await runPagefind(site, fresh, pagefindArgs(lang));
    } else {
      // Pagefind takes a folder and a glob, so a part's pages are linked into a
      // folder of their own, inside the output folder so the links never cross file systems.
      const stage = join(site, `.pagefind-stage-${part}`);
      rmSync(stage, { recursive: true, force: true });
      try {
        for (const page of partPages) {
          mkdirSync(join(stage, page.path, '..'), { recursive: true });
          linkSync(page.file, join(stage, page.path));
        }
        await runPagefind(stage, fresh, pagefindArgs(lang, STAGED_GLOB));
      } finally {
        rmSync(stage, { recursive: true, force: true });
      }
    }
    replacePart(fresh, target);
    report.rebuilt.push(part);
  }
  for (let stale = parts; existsSync(join(site, searchPartPath(stale, folder))); stale++) rmSync(join(site, searchPartPath(stale, folder)), { recursive: true });

  writeRecord(manifestFile, { digests } satisfies Manifest);
  return report;
}
