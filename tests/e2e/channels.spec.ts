import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { categoryPluginName } from '../../src/lib/catalog/catalogLinks.ts';
import { skillName } from '../../src/lib/formats/agentSkills.ts';
import { exportPersonaOf, exportSet, exportTarget } from '../../src/lib/formats/exports.ts';
import { buildSite } from './support/build.ts';
import { promptOf } from './support/personaFiles.ts';
import { siteUrl, type SiteName } from './support/sites.ts';
import { serveStatic } from './support/staticServer.ts';

// Every catalog is a Claude Code plugin marketplace and an Agent Skills
// index: each plugin's archive holds the claude-code export byte for byte,
// each indexed SKILL.md is the agent-skills export, both pinned by SHA-256;
// Claude Code's own validator and the real `skills` command line accept them.

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const TOOLS = 'node_modules/.bin';

interface Plugin {
  name: string;
  category: string;
  source: { source: string; url: string; sha256: string };
}

async function personasOf(request: APIRequestContext, name: SiteName) {
  const index = await (await request.get(siteUrl(name, '/api/personas.json'))).json();
  return Promise.all(
    index.personas.map(async ({ id }: { id: string }) => {
      const detail = await (await request.get(siteUrl(name, `/api/personas/${id}.json`))).json();
      return exportPersonaOf(detail, detail.prompt, detail.extra ?? {});
    }),
  );
}

for (const name of ['fixtures', 'catalog'] as const) {
  test(`${name}: the Agent Skills index lists every persona; each SKILL.md is the agent-skills export, its digest right`, async ({ request }) => {
    const personas = await personasOf(request, name);
    // Served over http, the site publishes no marketplace: Claude Code takes archives over https only.
    expect((await request.get(siteUrl(name, '/.claude-plugin/marketplace.json'))).status()).toBe(404);
    const index = await (await request.get(siteUrl(name, '/.well-known/agent-skills/index.json'))).json();
    expect(index.$schema).toBe('https://schemas.agentskills.io/discovery/0.2.0/schema.json');
    expect(index.skills.map((skill: { name: string }) => skill.name).sort()).toEqual(personas.map((p) => skillName(p.id)).sort());
    for (const skill of index.skills) {
      const persona = personas.find((p) => skillName(p.id) === skill.name)!;
      const text = await (await request.get(siteUrl(name, `/.well-known/agent-skills/${skill.url}`))).text();
      expect(text, skill.name).toBe(exportSet(exportTarget('agent-skills')!, [persona])[0].content);
      expect(skill.digest).toBe(`sha256:${sha256(text)}`);
      expect(skill.type).toBe('skill-md');
    }
  });
}

/** Runs a command without blocking this worker, whose event loop serves the site the command reads. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

const validate = (path: string) => spawnSync(join(TOOLS, 'claude'), ['plugin', 'validate', path], { encoding: 'utf8', env: { ...process.env, DISABLE_AUTOUPDATER: '1' } });

test('two builds for https://example.org: Claude Code’s validator accepts the marketplace and its plugins; a changed persona gets a new archive and `skills update` brings it; an unchanged one keeps its URL', async () => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'atlas-channels-'));
  const personas = join(work, 'personas');
  const out = join(work, 'site');
  mkdirSync(personas);
  for (const id of ['minimal', 'emoji-flag', 'with-licence']) cpSync(`tests/fixtures/catalog/${id}.md`, join(personas, `${id}.md`));
  writeFileSync(join(personas, 'persona-lint.json'), '{ "recommendedSections": false }');
  const build = (env: Record<string, string> = {}) => {
    // Claude Code takes archives over https from public hosts only: the marketplace names the site it will be deployed at.
    const result = buildSite({ PERSONAS_DIR: personas, OUT_DIR: out, CACHE_DIR: join(work, 'cache'), BASE_PATH: '/atlas', SITE_URL: 'https://example.org', ...env });
    expect(result.status, result.output).toBe(0);
    return result.output;
  };
  const marketplace = () => JSON.parse(readFileSync(join(out, '.claude-plugin/marketplace.json'), 'utf8')) as { plugins: Plugin[] };
  const plugin = (name: string) => marketplace().plugins.find((entry) => entry.name === name)!;
  const archiveOf = (name: string) => readFileSync(join(out, new URL(plugin(name).source.url).pathname.replace(/^\/atlas\//, '')));
  build();
  const before = { minimal: plugin('minimal').source.url, flag: plugin('emoji-flag').source.url };

  // Every persona and category, each archive under the base path, its SHA-256 right, its agents the claude-code export.
  const personasNow = ['emoji-flag', 'minimal', 'with-licence'].map((id) => {
    const detail = JSON.parse(readFileSync(join(out, 'api/personas', `${id}.json`), 'utf8'));
    return exportPersonaOf(detail, detail.prompt, detail.extra ?? {});
  });
  const ids = new Set(personasNow.map((p) => p.id));
  const categories = [...new Set(personasNow.map((p) => p.category))];
  expect(marketplace().plugins.map((p) => p.name).sort()).toEqual([...ids, ...categories.map((slug) => categoryPluginName(slug, ids))].sort());
  expect(marketplace().plugins.some((p) => 'version' in p)).toBe(false);
  for (const entry of marketplace().plugins) {
    expect(entry.source.source).toBe('archive');
    expect(entry.source.url.startsWith('https://example.org/atlas/claude-plugins/')).toBe(true);
    const bytes = archiveOf(entry.name);
    expect(sha256(bytes), entry.name).toBe(entry.source.sha256);
    const files = unzipSync(new Uint8Array(bytes));
    const members = ids.has(entry.name) ? [entry.name] : personasNow.filter((p) => categoryPluginName(p.category, ids) === entry.name).map((p) => p.id);
    expect(Object.keys(files).filter((path) => path.startsWith('agents/')).sort(), entry.name).toEqual(members.map((id) => `agents/${id}.md`).sort());
    for (const id of members) expect(strFromU8(files[`agents/${id}.md`]), id).toBe(exportSet(exportTarget('claude-code')!, [personasNow.find((p) => p.id === id)!])[0].content);
    expect(strFromU8(files.NOTICE)).toContain('- License:');
  }

  const checked = validate(out);
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  expect(checked.stdout).toContain('Validation passed');
  for (const [name, agent] of [['with-licence', 'with-licence:with-licence'], ['writing-collection', 'writing-collection:minimal']]) {
    expect(sha256(archiveOf(name))).toBe(plugin(name).source.sha256);
    const folder = mkdtempSync(join(tmpdir(), `atlas-plugin-${name}-`));
    for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(archiveOf(name))))) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), bytes);
    }
    const unpacked = validate(folder);
    expect(unpacked.status, unpacked.stdout + unpacked.stderr).toBe(0);
    expect(unpacked.stdout).toContain(`agents: ${agent}`);
  }
  expect(JSON.parse(strFromU8(unzipSync(new Uint8Array(archiveOf('with-licence')))['.claude-plugin/plugin.json'])).license).toBe('CC-BY-4.0');

  const port = 4431;
  const origin = `http://127.0.0.1:${port}`;
  const server = await serveStatic(out, port, '/atlas');
  try {
    const project = join(work, 'project');
    mkdirSync(project);
    const skills = (...args: string[]) => run(process.execPath, [join(process.cwd(), TOOLS, 'skills'), ...args], project, { DO_NOT_TRACK: '1', DISABLE_TELEMETRY: '1', CI: '1' });
    const added = await skills('add', `${origin}/atlas`, '--skill', 'minimal', '-a', 'claude-code', '-y');
    expect(added.status, added.output).toBe(0);
    const installed = join(project, '.claude/skills/minimal/SKILL.md');
    expect(readFileSync(installed, 'utf8')).toBe(readFileSync(join(out, '.well-known/agent-skills/minimal/SKILL.md'), 'utf8'));

    writeFileSync(join(personas, 'minimal.md'), `${readFileSync(join(personas, 'minimal.md'), 'utf8')}\nOne more line, from the catalog's second build.\n`);
    build();
    expect(plugin('minimal').source.url).not.toBe(before.minimal);
    expect(plugin('emoji-flag').source.url).toBe(before.flag);
    const updated = await skills('update', '-y');
    expect(updated.status, updated.output).toBe(0);
    expect(readFileSync(installed, 'utf8')).toContain("One more line, from the catalog's second build.");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }

  // Without a site URL the archives could not be fetched: no marketplace, said so; the skills index needs none.
  rmSync(out, { recursive: true });
  expect(build({ SITE_URL: '' })).toContain('Claude Code marketplace: left out, as this build has no https site URL');
  expect(existsSync(join(out, '.claude-plugin'))).toBe(false);
  expect(existsSync(join(out, '.well-known/agent-skills/index.json'))).toBe(true);
  // "marketplace": false turns both off.
  writeFileSync(join(personas, 'persona-atlas.json'), '{ "marketplace": false }');
  rmSync(out, { recursive: true });
  build();
  expect(existsSync(join(out, '.claude-plugin'))).toBe(false);
  expect(existsSync(join(out, '.well-known'))).toBe(false);
});

test('the persona page shows the tools’ install commands, each with its copy button, and opens the prompt in Claude and Cursor', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string[] }).opened.push(String(url));
      return null;
    };
  });
  await page.goto(siteUrl('fixtures', '/personas/sr-backend/'));
  // Served over http, the site has no marketplace, so the page offers the skills command line only.
  await page.locator('[data-persona-actions]').getByRole('button', { name: 'Install', exact: true }).click();
  const channels = page.getByRole('dialog', { name: 'Install' }).locator('[data-install-channels]');
  await expect(channels.locator('code')).toHaveText([`npx skills add ${siteUrl('fixtures', '')} --skill sr-backend`]);
  await channels.locator('[data-command-line]').getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`npx skills add ${siteUrl('fixtures', '')} --skill sr-backend`);

  const prompt = promptOf('tests/fixtures/catalog/sr-backend.md');
  await page.getByRole('button', { name: 'Open in Claude' }).click();
  await expect(page.getByText('Opened in Claude; nothing is sent until you send it.')).toBeVisible();
  await page.getByRole('button', { name: 'Open in Cursor' }).click();
  const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  expect(opened).toEqual([`claude://claude.ai/new?q=${encodeURIComponent(prompt)}`, `https://cursor.com/link/prompt?text=${encodeURIComponent(prompt)}`]);

  // A prompt longer than a link carries is copied instead, and the page says so.
  await page.goto(siteUrl('fixtures', '/personas/long-body/'));
  await page.getByRole('button', { name: 'Open in Claude' }).click();
  await expect(page.getByText('Too long for a link to Claude (14,000 characters): copied instead, paste it there.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(promptOf('tests/fixtures/catalog/long-body.md'));
  expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([]);
});
