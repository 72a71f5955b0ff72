import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Pagefind search client the command line and the MCP server run: the
 * `pagefind.js` of the Pagefind version this project builds with, and the
 * SHA-256 of every `wasm.<language>.pagefind` that version writes. A catalog
 * supplies index data only; its own pagefind.js never runs, and its wasm runs
 * only when it is byte for byte one of these (see pagefindSearch.ts).
 *
 * Pagefind writes both only while indexing a site, so they are taken from an
 * index of a tiny page per stemming language.
 */
export interface PagefindClient {
  /** The Pagefind version, as catalogs record it in pagefind-entry.json. */
  version: string;
  /** Path of the client's pagefind.js. */
  module: string;
  /** wasm file name → SHA-256 (hex). */
  wasmDigests: Record<string, string>;
}

/** Pagefind's stemming languages (and one without), so every wasm it can write is known. */
const LANGUAGES = ['ar', 'ca', 'da', 'de', 'el', 'en', 'es', 'eu', 'fi', 'fr', 'ga', 'hi', 'hu', 'hy', 'id', 'it', 'ja', 'lt', 'ne', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sr', 'sv', 'ta', 'tr', 'yi'];

const MANIFEST = 'pagefind-client.json';

/** Writes the client into `dir` (pagefind.js and its manifest), running Pagefind's own command line. */
export function writePagefindClient(dir: string): PagefindClient {
  const work = mkdtempSync(join(tmpdir(), 'pagefind-client-'));
  try {
    mkdirSync(join(work, 'site'));
    for (const lang of LANGUAGES) {
      writeFileSync(join(work, 'site', `${lang}.html`), `<html lang="${lang}"><head><title>${lang}</title></head><body><main>text</main></body></html>`);
    }
    runPagefindSync(join(work, 'site'), join(work, 'index'));
    const files = readdirSync(join(work, 'index'));
    const wasmDigests = Object.fromEntries(
      files.filter((file) => /^wasm\.[a-z-]+\.pagefind$/.test(file)).map((file) => [file, createHash('sha256').update(readFileSync(join(work, 'index', file))).digest('hex')]),
    );
    const { version } = JSON.parse(readFileSync(join(work, 'index', 'pagefind-entry.json'), 'utf8')) as { version: string };
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(work, 'index', 'pagefind.js'), join(dir, 'pagefind.js'));
    writeFileSync(join(dir, MANIFEST), JSON.stringify({ version, wasmDigests }, null, 2));
    return { version, module: join(dir, 'pagefind.js'), wasmDigests };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The client written into `dir` earlier, or undefined when there is none. */
export function readPagefindClient(dir: string): PagefindClient | undefined {
  try {
    const { version, wasmDigests } = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Omit<PagefindClient, 'module'>;
    return { version, wasmDigests, module: join(dir, 'pagefind.js') };
  } catch {
    return undefined;
  }
}

/** The installed `pagefind` package's command line (a devDependency: the repository and the build have it). */
const pagefindCli = () => fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));

/**
 * Pagefind's own executable, found as its command line's runner finds it
 * (the package's resolveBinary.js). Started directly it spares a Node process
 * of about 45 MB per run, two of them beside the build (see searchIndex.ts).
 */
export async function pagefindBinary(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath(names: string[]): string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** The installed `pagefind` package's version. */
export function pagefindVersion(): string {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')).version;
}

/** Runs Pagefind's command line over a folder of pages. */
export function runPagefindSync(site: string, output: string): void {
  execFileSync(process.execPath, [pagefindCli(), '--site', site, '--output-path', output], { stdio: 'ignore' });
}
