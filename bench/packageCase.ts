// npm run bench -- --case package: the package as a maintainer meets it. Packs
// the project, installs the tarball into a fresh folder holding the shipped
// catalog (from the npm cache, then with an empty cache: every dependency
// downloaded), builds the site there, and times how long an edit takes to show
// on a page open in the dev preview.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { measureCommand } from './buildRun.ts';

export interface PackageRun {
  tarballBytes: number;
  unpackedBytes: number;
  files: number;
  installWarmMs: number;
  installColdMs: number;
  installedBytes: number;
  buildMs: number;
  reloadMs: number[];
}

const folderBytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);

/** A project holding the shipped catalog, with the package installed into it. */
async function installInto(project: string, tarball: string, cache?: string): Promise<number> {
  mkdirSync(project, { recursive: true });
  cpSync('personas', join(project, 'personas'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  const args = ['install', '-D', '--no-audit', '--no-fund', ...(cache ? ['--cache', cache] : ['--prefer-offline']), tarball];
  const run = await measureCommand('npm', args, {}, project);
  if (!/added \d+ packages/.test(run.output)) throw new Error(`npm install failed:\n${run.output}`);
  return run.wallMs;
}

/** Milliseconds from saving an edit to the open page showing it, for a few edits. */
async function reloadTimes(project: string, port: number): Promise<number[]> {
  const server = spawn('npx', ['persona-atlas', 'dev', '--port', String(port)], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    while (!log.includes('Previewing at')) {
      if (server.exitCode !== null) throw new Error(`persona-atlas dev stopped:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const page = await browser.newPage();
    const origin = /Previewing at (http:\/\/\S+?)\/? /.exec(log)![1];
    await page.goto(`${origin}/personas/sr-backend/`);
    await page.waitForLoadState('networkidle');
    const file = join(project, 'personas/sr-backend.md');
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (const edit of ['Edited Once', 'Edited Twice', 'Edited Thrice']) {
      await page.waitForTimeout(1000);
      const started = performance.now();
      writeFileSync(file, original.replace(/^name: .*$/m, `name: ${edit}`));
      await page.getByRole('heading', { level: 1, name: edit }).waitFor({ timeout: 30_000 });
      times.push(Math.round(performance.now() - started));
    }
    return times;
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}

export async function packageCase(): Promise<PackageRun> {
  const dir = mkdtempSync(join(tmpdir(), 'persona-atlas-bench-package-'));
  try {
    console.log('package: npm pack…');
    await measureCommand('npm', ['pack', '--pack-destination', dir], {});
    const tarball = join(dir, readdirSync(dir).find((name) => name.endsWith('.tgz'))!);
    const listing = await measureCommand('tar', ['tzvf', tarball], {});
    const entries = listing.output.trim().split('\n');
    const unpackedBytes = entries.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] ?? 0), 0);

    console.log('package: install with an empty npm cache…');
    const installColdMs = await installInto(join(dir, 'cold'), tarball, join(dir, 'empty-cache'));
    console.log('package: install from the npm cache…');
    const project = join(dir, 'warm');
    const installWarmMs = await installInto(project, tarball);
    console.log('package: persona-atlas build of the shipped catalog…');
    const build = await measureCommand('npx', ['persona-atlas', 'build'], {}, project);
    if (!build.output.includes('Output:')) throw new Error(`persona-atlas build failed:\n${build.output}`);
    console.log('package: persona-atlas dev, edits to sr-backend.md…');
    const reloadMs = await reloadTimes(project, 4414);
    return {
      tarballBytes: statSync(tarball).size,
      unpackedBytes,
      files: entries.length,
      installWarmMs,
      installColdMs,
      installedBytes: folderBytes(join(project, 'node_modules')),
      buildMs: build.wallMs,
      reloadMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
