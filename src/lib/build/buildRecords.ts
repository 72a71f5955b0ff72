import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * What a build keeps about itself between runs (the digests behind page reuse
 * and the search index parts), as small JSON files under a cache folder: one
 * per output folder, so builds into different folders (the tests build two
 * sites side by side) do not mix.
 */
export function recordFileFor(cacheRoot: string, outDir: string): string {
  return join(resolve(cacheRoot), `${createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12)}.json`);
}

export function readRecord<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export function writeRecord(file: string, record: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(record));
}
