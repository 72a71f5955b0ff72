// Runs `npm run build`'s two steps as users do (astro build, then the search
// index) and measures them: wall time, phases, and peak memory of the whole
// process tree and of each tool in it, sampled every 100 ms.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface CommandMeasurement {
  wallMs: number;
  /** Peak of the whole process tree. */
  peakRssBytes: number;
  /** Peak per tool, summed over its processes: 'astro', 'pagefind', 'hugo', 'node'. */
  peakByTool: Record<string, number>;
  /** What the command printed. */
  output: string;
}

export interface BuildMeasurement {
  wallMs: number;
  /** Content loading (checking and storing the persona files). */
  contentMs: number;
  /** Bundling and writing every page and data file. */
  renderMs: number;
  /** Sitemap and hosting files, after the pages exist. */
  finishMs: number;
  /** The search index (Pagefind, part by part), from its start during the build to its end. */
  indexMs: number;
  /** How long the build waited for the search index once the pages were written. */
  indexWaitMs: number;
  /** The tools' install channels after the pages (the Agent Skills index; the Claude Code marketplace on an https site). */
  channelsMs: number;
  /** The whole build, every process, at its fullest moment. */
  peakRssBytes: number;
  peakAstroRssBytes: number;
  peakPagefindRssBytes: number;
  /** Persona files rendered and kept from the last build (src/lib/build/pageReuse.ts). */
  personaFiles: { rendered: number; kept: number };
  /** Search index parts indexed and kept. */
  indexParts: { indexed: number; kept: number };
  /** What the search index step printed (pages and parts per language). */
  indexReport: string;
}

const TOOLS = ['pagefind', 'hugo', 'astro'];

function toolOf(pid: string): string {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return TOOLS.find((tool) => command.includes(tool)) ?? 'node';
  } catch {
    return 'node';
  }
}

/** Resident memory of a process tree, in all and per tool. */
function treeRss(rootPid: number): { total: number; byTool: Record<string, number> } {
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
  const byTool: Record<string, number> = {};
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    const bytes = rss.get(pid) ?? 0;
    total += bytes;
    const tool = toolOf(String(pid));
    byTool[tool] = (byTool[tool] ?? 0) + bytes;
    pending.push(...(children.get(pid) ?? []));
  }
  return { total, byTool };
}

/** Runs a command to completion, sampling its process tree's memory. */
export async function measureCommand(command: string, args: string[], env: Record<string, string>, cwd = process.cwd()): Promise<CommandMeasurement> {
  const started = Date.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peakRssBytes = 0;
  const peakByTool: Record<string, number> = {};
  const sampler = setInterval(() => {
    const { total, byTool } = treeRss(child.pid!);
    peakRssBytes = Math.max(peakRssBytes, total);
    for (const [tool, bytes] of Object.entries(byTool)) peakByTool[tool] = Math.max(peakByTool[tool] ?? 0, bytes);
  }, 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  return { wallMs: Date.now() - started, peakRssBytes, peakByTool, output };
}

/** `npm run build` as users run it, measured; the search index is written during Astro's build (src/integrations/searchIndex.ts). */
export async function runBuild(env: Record<string, string>, timingsFile: string): Promise<BuildMeasurement> {
  rmSync(timingsFile, { force: true });
  const astro = await measureCommand('node_modules/.bin/astro', ['build'], { ASTRO_TELEMETRY_DISABLED: '1', BUILD_TIMINGS_FILE: timingsFile, ...env });
  const marks = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  const [, rendered = '0', kept = '0'] = /Persona files: (\d+) rendered, (\d+) unchanged/.exec(astro.output) ?? [];
  const [, indexed = '0', reused = '0'] = /(\d+) indexed(?:, (\d+) unchanged)?/.exec(astro.output) ?? [];
  const [, indexMs = '0'] = /Search index: (\d+) ms/.exec(astro.output) ?? [];
  const [, waitMs = '0'] = /Waited (\d+) ms for the search index/.exec(astro.output) ?? [];
  const [, channelsMs = '0'] = /Install channels: (\d+) ms/.exec(astro.output) ?? [];
  return {
    wallMs: astro.wallMs,
    contentMs: marks.buildStart - marks.configDone,
    renderMs: marks.buildDone - marks.buildStart,
    finishMs: astro.wallMs - (marks.buildDone - marks.configDone),
    indexMs: Number(indexMs),
    indexWaitMs: Number(waitMs),
    channelsMs: Number(channelsMs),
    peakRssBytes: astro.peakRssBytes,
    peakAstroRssBytes: astro.peakByTool.astro ?? 0,
    peakPagefindRssBytes: astro.peakByTool.pagefind ?? 0,
    personaFiles: { rendered: Number(rendered), kept: Number(kept) },
    indexParts: { indexed: Number(indexed), kept: Number(reused) },
    indexReport: astro.output.split('\n').filter((line) => line.includes('Search index')).join('\n'),
  };
}

export function contentCacheDir(): string {
  return join('node_modules', '.astro');
}

const stale: string[] = [];
process.on('exit', () => {
  for (const folder of stale) rmSync(folder, { recursive: true, force: true });
});

/**
 * Readies a cold build into `outDir`: no content cache, no output. The last
 * output is moved aside and deleted when the bench ends: deleting 42,000
 * files just before a build slowed that build's writing of its own (LobeHub's
 * page rendering 33.6 s after the 10,000 personas' three builds were deleted,
 * 26.2–29.4 s into a new folder). Then the disk is flushed, so no build
 * writes while the last one's files still go out.
 */
export function readyColdBuild(outDir: string): void {
  rmSync(contentCacheDir(), { recursive: true, force: true });
  if (existsSync(outDir)) {
    const aside = `${outDir}.stale-${Date.now()}`;
    renameSync(outDir, aside);
    stale.push(aside);
  }
  execFileSync('sync');
}
