import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * What a built site costs a static host: its size, its file count, its
 * largest file, by kind of file; and the common hosts whose limits it passes
 * (their own documentation, as of 2026-11):
 * - GitHub Pages: a published site at most 1 GB
 *   (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits)
 * - Cloudflare Pages: 20,000 files on the free plan, 100,000 on paid plans, 25 MiB a file
 *   (https://developers.cloudflare.com/pages/platform/limits/)
 * - GitLab Pages: 1 GB (https://docs.gitlab.com/administration/pages/)
 */

export interface HostLimit {
  host: string;
  what: 'bytes' | 'files' | 'file bytes';
  limit: number;
}

const GB = 1000 ** 3;
const MIB = 1024 ** 2;

export const HOST_LIMITS: readonly HostLimit[] = [
  { host: 'GitHub Pages (1 GB a site)', what: 'bytes', limit: GB },
  { host: 'GitLab Pages (1 GB a site)', what: 'bytes', limit: GB },
  { host: 'Cloudflare Pages free plan (20,000 files)', what: 'files', limit: 20_000 },
  { host: 'Cloudflare Pages paid plans (100,000 files)', what: 'files', limit: 100_000 },
  { host: 'Cloudflare Pages (25 MiB a file)', what: 'file bytes', limit: 25 * MIB },
];

export interface OutputSize {
  bytes: number;
  files: number;
  largest: { path: string; bytes: number };
  /** Bytes and files by kind of file (persona pages, tag pages, search index…). */
  byKind: Record<string, { bytes: number; files: number }>;
}

/** The kind of a file of the output, its language folder set aside. */
export function kindOf(path: string, languages: readonly string[]): string {
  const parts = path.split('/');
  const rest = languages.includes(parts[0]) && parts.length > 1 ? parts.slice(1) : parts;
  const [top, second] = rest;
  if (top === 'pagefind') return 'search index';
  if (top === 'personas') return second?.endsWith('.md') ? 'persona files (.md)' : 'persona pages';
  if (top === 'api') return 'API (JSON)';
  if (top === 'tags' || top === 'categories' || top === 'affinities') return `${top.replace(/ies$/, 'y').replace(/s$/, '')} pages`;
  if (top === '_astro') return 'scripts and styles';
  return 'other pages and files';
}

export function measureOutput(dir: string, languages: readonly string[] = []): OutputSize {
  const size: OutputSize = { bytes: 0, files: 0, largest: { path: '', bytes: 0 }, byKind: {} };
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (!stat.isFile()) continue;
    const path = name.split(sep).join('/');
    size.bytes += stat.size;
    size.files += 1;
    if (stat.size > size.largest.bytes) size.largest = { path, bytes: stat.size };
    const kind = (size.byKind[kindOf(path, languages)] ??= { bytes: 0, files: 0 });
    kind.bytes += stat.size;
    kind.files += 1;
  }
  return size;
}

/** The limits the output passes, each scaled by `scale` (tests lower them to try a small site). */
export function exceededLimits(size: OutputSize, scale = 1): HostLimit[] {
  const measured = { bytes: size.bytes, files: size.files, 'file bytes': size.largest.bytes };
  return HOST_LIMITS.filter(({ what, limit }) => measured[what] > limit * scale);
}

const megabytes = (bytes: number) => `${(bytes / 1000 ** 2).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** The line a build ends with, and a warning line per host limit passed. */
export function outputReport(size: OutputSize, scale = 1): string[] {
  const line = `Output: ${megabytes(size.bytes)} in ${size.files.toLocaleString('en')} files; largest ${size.largest.path} (${megabytes(size.largest.bytes)})`;
  return [line, ...exceededLimits(size, scale).map(({ host }) => `warning: the output is over the limit of ${host}; see Hosting limits in the deploy guide (/docs/deploying/ on Persona Atlas’s site)`)];
}
