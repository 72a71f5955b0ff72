import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { searchPartCount, searchPartOf, searchPartPath } from './searchParts.ts';

/**
 * Builds the Pagefind index of a built site, in parts (see searchParts.ts),
 * one Pagefind run after another so memory holds one part at a time. Each
 * part is kept in a cache with a digest of its pages; a rebuild re-indexes
 * only the parts whose pages changed and links the others back into place.
 *
 * It runs Pagefind's command line rather than its Node API: on the same
 * 10,000 persona pages the CLI took 34–41 s and the Node API's service mode
 * 51 s, for identical output.
 */
const PAGEFIND_CLI = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
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

/** Hard-links a folder's files into another (same file system): no copying, and the cache keeps its own names. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkSync(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * What Pagefind reads of a persona page: its title and the element marked
 * data-pagefind-body. The rest of a page (related personas' cards, say)
 * changes when another persona is edited, and must not make a part look changed.
 */
function indexedText(html: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  const start = html.search(/<[a-z]+[^>]*\sdata-pagefind-body/);
  const end = html.indexOf('</article>', start);
  return start < 0 || end < 0 ? html : `${title}${html.slice(start, end)}`;
}

function pagefindVersion(): string {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')).version;
}

async function runPagefind(site: string, output: string): Promise<void> {
  const args = [PAGEFIND_CLI, '--site', site, ...PAGEFIND_ARGS, '--output-path', output];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 2 ** 20 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`Pagefind failed: ${error.stderr || error.stdout || error.message}`);
    },
  );
  if (!/Indexed [1-9]\d* pages?/.test(stdout)) throw new Error(`Pagefind indexed no persona pages:\n${stdout}`);
}

/** Indexes `outDir`'s persona pages into `outDir/pagefind/`, reusing unchanged parts from `cacheRoot`. */
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

  // One cache per output folder: the tests build two sites side by side.
  const cache = join(resolve(cacheRoot), createHash('sha1').update(site).digest('hex').slice(0, 12));
  const manifestFile = join(cache, 'manifest.json');
  const previous: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { digests: [] };
  const parts = searchPartCount(ids.length, pagesPerPart);
  const members = Array.from({ length: parts }, () => [] as string[]);
  for (const id of ids) members[searchPartOf(id, parts)].push(id);

  const report: SearchIndexReport = { pages: ids.length, parts, rebuilt: [], reused: [] };
  const digests: string[] = [];
  const version = pagefindVersion();
  for (const [part, partIds] of members.entries()) {
    const digest = createHash('sha1').update(`${version} ${PAGEFIND_ARGS.join(' ')} ${parts}\n`);
    for (const id of partIds) digest.update(`${id}\0`).update(indexedText(readFileSync(join(personasDir, id, 'index.html'), 'utf8')));
    digests.push(digest.digest('hex'));
    const output = join(cache, `part-${part}`);
    if (previous.digests[part] === digests[part] && existsSync(output)) {
      report.reused.push(part);
      continue;
    }
    const stage = join(cache, `stage-${part}`);
    rmSync(stage, { recursive: true, force: true });
    rmSync(output, { recursive: true, force: true });
    for (const id of partIds) {
      mkdirSync(join(stage, 'personas', id), { recursive: true });
      linkSync(join(personasDir, id, 'index.html'), join(stage, 'personas', id, 'index.html'));
    }
    await runPagefind(stage, output);
    rmSync(stage, { recursive: true, force: true });
    report.rebuilt.push(part);
  }
  for (let stale = parts; existsSync(join(cache, `part-${stale}`)); stale++) rmSync(join(cache, `part-${stale}`), { recursive: true });

  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  for (let part = 0; part < parts; part++) linkTree(join(cache, `part-${part}`), join(site, searchPartPath(part)));
  writeFileSync(manifestFile, JSON.stringify({ digests } satisfies Manifest));
  return report;
}
