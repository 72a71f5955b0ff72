// Runs `astro build` as users do and measures it: wall time, phases, peak RSS.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildMeasurement {
  wallMs: number;
  /** Content loading (checking and storing the persona files). */
  contentMs: number;
  /** Bundling and writing every page and data file. */
  renderMs: number;
  /** Search index, sitemap and hosting files, after the pages exist. */
  indexMs: number;
  /** The whole process tree: Astro and, at the end, the Pagefind binary. */
  peakRssBytes: number;
  /** Astro's own process. */
  peakAstroRssBytes: number;
}

/** Resident memory of a process alone and with all its descendants (the Pagefind binary included). */
function treeRss(rootPid: number): { root: number; total: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return { root: rss.get(rootPid) ?? 0, total };
}

export async function runBuild(env: Record<string, string>, timingsFile: string): Promise<BuildMeasurement> {
  rmSync(timingsFile, { force: true });
  const started = Date.now();
  const child = spawn('node_modules/.bin/astro', ['build'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BUILD_TIMINGS_FILE: timingsFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peakRssBytes = 0;
  let peakAstroRssBytes = 0;
  const sampler = setInterval(() => {
    const { root, total } = treeRss(child.pid!);
    peakRssBytes = Math.max(peakRssBytes, total);
    peakAstroRssBytes = Math.max(peakAstroRssBytes, root);
  }, 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const finished = Date.now();
  if (status !== 0) throw new Error(`astro build failed:\n${output}`);
  const marks = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  return {
    wallMs: finished - started,
    contentMs: marks.buildStart - marks.configDone,
    renderMs: marks.buildDone - marks.buildStart,
    indexMs: finished - marks.buildDone,
    peakRssBytes,
    peakAstroRssBytes,
  };
}

export function contentCacheDir(): string {
  return join('node_modules', '.astro');
}
