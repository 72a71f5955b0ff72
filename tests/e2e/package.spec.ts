import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { serveStatic } from './support/staticServer.ts';

// The package as a registry would ship it (npm pack), installed into folders
// that hold only a collection: built, previewed with live reload, and set up
// for GitHub Pages by init, whose workflow steps then make the site.

const FIXTURE = 'tests/fixtures/branded';
const BUILT_PORT = 4411;
// The preview asks for this port and says which it got (another when this one is taken).
const DEV_PORT = 4412;
test.describe.configure({ mode: 'serial' });

let work = '';
let tarball = '';
let collection = '';
let server: Server | undefined;
let devServer: ChildProcess | undefined;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Installs the packed package as a user would, from the npm cache where it can. */
const install = (cwd: string) => run('npm', ['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', tarball], cwd);

test.beforeAll(async () => {
  test.setTimeout(600_000);
  work = mkdtempSync(join(tmpdir(), 'persona-atlas-package-'));
  const packed = run('npm', ['pack', '--pack-destination', work], process.cwd());
  expect(packed.status, packed.output).toBe(0);
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
  collection = join(work, 'harbor-prompts');
  cpSync(FIXTURE, collection, { recursive: true });
  const installed = install(collection);
  expect(installed.status, installed.output).toBe(0);
  const built = run('npx', ['persona-atlas', 'build'], collection);
  expect(built.status, built.output).toBe(0);
  expect(built.output).toMatch(/read 2 files: 2 personas, 0 translations; left out \d+ files: .* project files; 0 errors/);
  server = await serveStatic(join(collection, 'dist'), BUILT_PORT, '/');
});

const stopDevServer = () => {
  try {
    if (devServer?.pid) process.kill(-devServer.pid);
  } catch {
    // Stopped already.
  }
  devServer = undefined;
};

test.afterAll(async () => {
  stopDevServer();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

const built = (path: string) => `http://127.0.0.1:${BUILT_PORT}${path}`;

test('the installed package builds the collection with its title, logo, accent colour, links and about page', async ({ page }) => {
  await page.goto(built('/'));
  await expect(page).toHaveTitle(/Harbor Prompts/);
  const home = page.getByRole('banner').getByRole('link', { name: 'Harbor Prompts' });
  await expect(home.locator('img')).toHaveAttribute('src', '/brand/logo.svg');
  expect((await page.request.get(built('/brand/logo.svg'))).ok()).toBe(true);
  // The accent in the light theme: a link's colour is the settings' #0f766e.
  await page.emulateMedia({ colorScheme: 'light' });
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  expect(accent).toMatch(/#0f766e|rgb\(15, 118, 110\)/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://example.org/harbor/prompts');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://example.org/harbor/prompts');

  await page.getByRole('banner').getByRole('link', { name: 'About Harbor Prompts' }).click();
  await expect(page).toHaveURL(built('/about/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Harbor Prompts');
  await expect(page.getByText('berth planning, tide notes and crew briefings')).toBeVisible();

  // A page without frontmatter is named by the heading it opens with, shown once.
  await page.getByRole('banner').getByRole('link', { name: 'How to contribute' }).click();
  await expect(page).toHaveURL(built('/contributing/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['How to contribute']);
});

test('a persona of the installed build copies byte for byte, edits at the settings’ editUrl, and is found by search', async ({ page }) => {
  await page.goto(built('/personas/tide-note-writer/'));
  await expect(page.getByRole('link', { name: 'Edit this persona' })).toHaveAttribute('href', 'https://example.org/harbor/prompts/edit/main/tide-note-writer.md');
  await page.getByRole('button', { name: 'Copy prompt' }).click();
  const source = readFileSync(join(FIXTURE, 'tide-note-writer.md'), 'utf8');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(source.slice(source.indexOf('\n---\n', 4) + 5));

  await page.goto(built('/search/?q=draught'));
  await expect(page.getByRole('link', { name: /Berth Planner/ }).first()).toBeVisible();
});

test('a rebuild keeps the unchanged pages and search index parts, from a cache in the collection’s folder, not in node_modules', () => {
  const rebuilt = run('npx', ['persona-atlas', 'build'], collection);
  expect(rebuilt.status, rebuilt.output).toBe(0);
  expect(rebuilt.output).toContain('Persona files: 0 rendered, 2 unchanged since the last build and kept');
  expect(rebuilt.output).toContain('0 indexed, 1 unchanged part reused');
  expect(readdirSync(join(collection, '.cache/persona-atlas'))).toEqual(expect.arrayContaining(['page-reuse', 'search-index']));
});

test('the installed package ships the thread that renders prompts ahead of larger collections’ pages', () => {
  // Two personas are too few for the thread: run it as the build does, on a prompt of its own.
  const thread = join(collection, 'node_modules/persona-atlas/dist-cli/persona-atlas-prompt-thread.mjs');
  const script = "new (require('node:worker_threads').Worker)(process.argv[1], { workerData: ['# Steward\\n\\n```sh\\nls -la\\n```'] }).on('message', (html) => console.log(html))";
  const rendered = run(process.execPath, ['-e', script, thread], collection);
  expect(rendered.status, rendered.output).toBe(0);
  expect(rendered.output).toMatch(/^<h2>Steward<\/h2>\n<section class="code-block"/);
});

test('persona-atlas dev shows an edit without a restart, reports a bad file in the terminal and the browser, and keeps serving', async ({ page }) => {
  test.setTimeout(180_000);
  let log = '';
  // A process group of its own, so stopping it stops npx's child too.
  devServer = spawn('npx', ['persona-atlas', 'dev', '--port', String(DEV_PORT)], { cwd: collection, env: process.env, detached: true });
  devServer.stdout!.on('data', (chunk) => (log += chunk));
  devServer.stderr!.on('data', (chunk) => (log += chunk));
  await expect.poll(() => log, { timeout: 120_000 }).toContain('Previewing at');
  const origin = /Previewing at (http:\/\/\S+?)\/? /.exec(log)![1];
  const dev = (path: string) => `${origin}${path}`;

  // The first visit may meet Vite optimising dependencies, which reloads the page once.
  await expect(async () => {
    await page.goto(dev('/personas/berth-planner/'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Berth Planner');
  }).toPass({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const file = join(collection, 'berth-planner.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('name: Berth Planner', 'name: Berth Allocator'));
  // The open page reloads by itself.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Berth Allocator', { timeout: 15_000 });
  // A build writes each persona's raw file and JSON itself (src/data/personaFiles.ts); the preview serves them as routes.
  expect(await (await page.request.get(dev('/personas/berth-planner.md'))).text()).toBe(readFileSync(file, 'utf8'));
  expect(await (await page.request.get(dev('/api/personas/berth-planner.json'))).json()).toMatchObject({ id: 'berth-planner', name: 'Berth Allocator' });

  writeFileSync(join(collection, 'broken.md'), '---\nid: Broken Id\nname: Broken\n---\n\nA prompt.\n');
  await expect.poll(() => log, { timeout: 15_000 }).toMatch(/broken\.md:\d+:\d+\s+id\s/);
  await expect(page.locator('vite-error-overlay')).toContainText('broken.md', { timeout: 15_000 });
  const other = await page.request.get(dev('/personas/tide-note-writer/'));
  expect(other.status()).toBe(200);
  expect(await other.text()).toContain('Tide Note Writer');
  // Pages served while a file is broken name it above the site, for readers without the overlay.
  expect(await other.text()).toMatch(/role="alert"[^]*broken\.md:2:5/);

  rmSync(join(collection, 'broken.md'));
  await page.goto(dev('/'));
  await expect(page.getByRole('link', { name: /Berth Allocator/ }).first()).toBeVisible({ timeout: 15_000 });
  stopDevServer();
});

test('the building commands need Node 22.12 and say so in one line on Node 20, where the reading commands and check keep working', () => {
  const node20 = '/usr/bin/node';
  test.skip(!run(node20, ['--version'], collection).output.startsWith('v20'), 'no Node 20 at /usr/bin/node');
  const bin = join(collection, 'node_modules/persona-atlas/bin/persona-atlas.mjs');
  for (const command of ['build', 'dev']) {
    const result = spawnSync(node20, [bin, command], { cwd: collection, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/needs Node 22\.12 or newer.*this is Node 20/)]);
  }
  const listed = run(node20, [bin, 'list', '--catalog', join(collection, 'dist')], collection);
  expect(listed.status, listed.output).toBe(0);
  expect(listed.output).toContain('berth-planner');
  const checked = run(node20, [bin, 'check'], collection);
  expect(checked.status, checked.output).toBe(0);
});

test('persona-atlas init sets an empty git repository up, and its workflow’s run steps, in order, make the site', async () => {
  test.setTimeout(600_000);
  const repo = join(work, 'new-catalog');
  mkdirSync(repo);
  expect(run('git', ['init', '-q', '-b', 'main'], repo).status).toBe(0);
  const init = run(process.execPath, [join(collection, 'node_modules/persona-atlas/bin/persona-atlas.mjs'), 'init'], repo);
  expect(init.status, init.output).toBe(0);
  expect(init.output).toContain('wrote .github/workflows/persona-atlas.yml');
  expect(init.output).toContain('wrote personas/meeting-facilitator.md');
  expect(JSON.parse(readFileSync(join(repo, 'personas/persona-atlas.json'), 'utf8'))).toMatchObject({ title: 'New Catalog' });

  const again = run(process.execPath, [join(collection, 'node_modules/persona-atlas/bin/persona-atlas.mjs'), 'init'], repo);
  expect(again.output).toContain('left personas/persona-atlas.json: it exists');

  const workflow = parse(readFileSync(join(repo, '.github/workflows/persona-atlas.yml'), 'utf8'));
  const steps: Array<{ uses?: string; run?: string }> = workflow.jobs.build.steps;
  expect(steps.map((step) => step.uses ?? 'run').join(' ')).toMatch(/actions\/checkout.*actions\/setup-node.*actions\/configure-pages.*run.*actions\/upload-pages-artifact/);
  expect(workflow.jobs.deploy.steps.some((step: { uses?: string }) => step.uses?.startsWith('actions/deploy-pages'))).toBe(true);
  for (const step of steps.filter((step) => step.run)) {
    const result = run('bash', ['-c', step.run!], repo);
    expect(result.status, `${step.run}\n${result.output}`).toBe(0);
  }
  const api = JSON.parse(readFileSync(join(repo, 'dist/api/personas.json'), 'utf8'));
  expect(api.personas.map((persona: { id: string }) => persona.id)).toEqual(['meeting-facilitator']);
  expect(readdirSync(join(repo, 'dist/personas/meeting-facilitator'))).toContain('index.html');
});
