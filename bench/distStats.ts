// Sizes of a built site: what a CDN stores and what a visitor downloads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipBytes = (content: Buffer | string) => gzipSync(content, { level: 9 }).length;

export interface DistStats {
  bytes: number;
  files: number;
  /** The largest HTML page after gzip, and which one. */
  largestPage: { path: string; gzipBytes: number };
}

export function distStats(root: string): DistStats {
  let bytes = 0;
  let files = 0;
  let largestPage = { path: '', gzipBytes: 0 };
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = join(root, path);
    const stat = statSync(full);
    if (!stat.isFile()) continue;
    bytes += stat.size;
    files += 1;
    if (path.endsWith('.html')) {
      const size = gzipBytes(readFileSync(full));
      if (size > largestPage.gzipBytes) largestPage = { path, gzipBytes: size };
    }
  }
  return { bytes, files, largestPage };
}

export const pageGzip = (root: string, path: string) => gzipBytes(readFileSync(join(root, path)));
