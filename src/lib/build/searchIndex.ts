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
 * It runs Pagefind's command line rather than its Node API: on the same
 * 10,000 persona pages the CLI took 34–41 s and the Node API's service mode
 * 51 s, for identical output.
 */
const PAGEFIND_ARGS = ['--glob', 'personas/*/index.html', '--force-language', 'en'];

export interface SearchIndexReport {
  pages: number;
  parts: number;
  rebuilt: number[];
  reused: number[];
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

async function runPagefind(site: string, output: string): Promise<void> {
  const args = [pagefindCli(), '--site', site, ...PAGEFIND_ARGS, '--output-path', output];
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

/**
 * Indexes `outDir`'s persona pages into `outDir/pagefind/`. The parts stay in
 * the output folder between builds (the site build leaves pagefind/ alone,
 * see src/integrations/staleOutput.ts); `cacheRoot` keeps each part's digest,
 * and a part whose pages did not change is left as it is.
 */
export async function buildSearchIndex(outDir: string, cacheRoot: string, pagesPerPart: number): Promise<SearchIndexReport> {
  const site = resolve(outDir);
  const personasDir = join(site, 'personas');
  const ids = existsSync(personasDir)
    ? readdirSync(personasDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(personasDir, entry.name, 'index.html')))
        .map((entry) => entry.name)
        .sort()
    : [];
  if (ids.length === 0) throw new Error(`No persona pages to index in ${outDir}/personas/`);

  const manifestFile = recordFileFor(cacheRoot, site);
  const previous = readRecord<Manifest>(manifestFile) ?? { digests: [] };
  const parts = searchPartCount(ids.length, pagesPerPart);
  const members = Array.from({ length: parts }, () => [] as string[]);
  for (const id of ids) members[searchPartOf(id, parts)].push(id);

  const report: SearchIndexReport = { pages: ids.length, parts, rebuilt: [], reused: [] };
  const digests: string[] = [];
  const version = pagefindVersion();
  const read = fileReader();
  for (const [part, partIds] of members.entries()) {
    const digest = createHash('sha1').update(`${version} ${PAGEFIND_ARGS.join(' ')} ${parts}\n`);
    for (const id of partIds) {
      digest.update(`${id}\0`);
      for (const text of indexedText(read(join(personasDir, id, 'index.html')))) digest.update(text);
    }
    digests.push(digest.digest('hex'));
    const target = join(site, searchPartPath(part));
    if (previous.digests[part] === digests[part] && existsSync(join(target, 'pagefind-entry.json'))) {
      report.reused.push(part);
      continue;
    }
    const fresh = join(site, `.pagefind-part-${part}`);
    rmSync(fresh, { recursive: true, force: true });
    if (parts === 1) {
      await runPagefind(site, fresh);
    } else {
      // Pagefind takes a folder and a glob, so a part's pages are linked into a
      // folder of their own, inside the output folder so the links never cross file systems.
      const stage = join(site, `.pagefind-stage-${part}`);
      rmSync(stage, { recursive: true, force: true });
      try {
        for (const id of partIds) {
          mkdirSync(join(stage, 'personas', id), { recursive: true });
          linkSync(join(personasDir, id, 'index.html'), join(stage, 'personas', id, 'index.html'));
        }
        await runPagefind(stage, fresh);
      } finally {
        rmSync(stage, { recursive: true, force: true });
      }
    }
    replacePart(fresh, target);
    report.rebuilt.push(part);
  }
  for (let stale = parts; existsSync(join(site, searchPartPath(stale))); stale++) rmSync(join(site, searchPartPath(stale)), { recursive: true });

  writeRecord(manifestFile, { digests } satisfies Manifest);
  return report;
}
