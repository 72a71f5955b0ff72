import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from './support/build.ts';
import { cliAsync } from './support/cli.ts';
import { serveStatic } from './support/staticServer.ts';

// A catalog in a git repository of its own, built, installed from (over HTTP
// and as a built folder), edited on both sides, committed and built again:
// outdated, diff, update and verify follow it, and its pages and JSON show
// each persona's history.

const PORT = 4414;
const SERVED = `http://127.0.0.1:${PORT}/atlas`;

const BODY = ['You review pull requests for a payments team.', '', '## Checks', '', '- Money is integer cents.', '- Retries are idempotent.', '- Logs hold no card numbers.', '', '## Tone', '', 'Short, kind, specific.', ''];
const edited = (from: string, to: string) => BODY.map((line) => (line === from ? to : line));
const personaFile = (id: string, name: string, description: string, body: string[]) => `---\nid: ${id}\nname: ${name}\nemoji: "🧾"\ncategory: engineering\ndescription: ${description}\n---\n\n${body.join('\n')}`;

test('a catalog built twice from its git repository: installs follow it over HTTP and as a folder, and its pages and API show each persona’s history', async ({ page }) => {
  test.setTimeout(360_000);
  const work = mkdtempSync(join(tmpdir(), 'atlas-installs-'));
  const repo = join(work, 'repo');
  const personas = join(repo, 'personas');
  const out = join(work, 'site');
  mkdirSync(join(personas, 'de'), { recursive: true });
  const git = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=Atlas Test', '-c', 'user.email=atlas@example.org', ...args], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  const write = (path: string, text: string) => writeFileSync(join(personas, path), text);
  git(['init', '-q', '-b', 'main'], '2026-01-10T10:00:00Z');
  write('persona-atlas.json', JSON.stringify({ title: 'Installs', languages: ['en', 'de'], lint: { recommendedSections: false } }));
  write('pay-review.md', personaFile('pay-review', 'Pay Review', 'Reviews payment code.', BODY));
  write('ledger-check.md', personaFile('ledger-check', 'Ledger Check', 'Checks ledger code.', BODY));
  write('gone-soon.md', personaFile('gone-soon', 'Gone Soon', 'Leaves the catalog.', BODY));
  write('de/pay-review.md', '---\nid: pay-review\nname: Zahlungsprüfung\ndescription: Prüft Zahlungscode.\n---\n\nDu prüfst Pull Requests eines Zahlungsteams.\n');
  git(['add', '-A'], '2026-01-10T10:00:00Z');
  git(['commit', '-q', '-m', 'First personas'], '2026-01-10T10:00:00Z');

  const build = () => {
    const result = buildSite({ PERSONAS_DIR: personas, OUT_DIR: out, CACHE_DIR: join(work, 'cache'), BASE_PATH: '/atlas', SITE_URL: 'http://127.0.0.1', REPO_URL: 'https://github.com/example/installs' });
    expect(result.status, result.output).toBe(0);
    return result.output;
  };
  build();
  let server: Server | undefined;
  try {
    server = await serveStatic(out, PORT, '/atlas');
    const overHttp = join(work, 'http-project');
    const asFolder = join(work, 'folder-project');
    mkdirSync(overHttp);
    mkdirSync(asFolder);
    writeFileSync(join(overHttp, 'AGENTS.md'), '# Our project\n\nRun the tests first.\n');
    // Not spawnSync: the catalog is served from this process.
    const run = cliAsync;
    for (const tool of ['claude-code', 'codex']) {
      const added = await run(['add', 'pay-review', 'ledger-check', 'gone-soon', '--tool', tool, '--catalog', SERVED], overHttp);
      expect(added.status, added.stderr).toBe(0);
    }
    expect((await run(['add', 'pay-review', 'ledger-check', '--tool', 'cursor', '--catalog', out], asFolder)).status).toBe(0);
    expect((await run(['outdated'], overHttp)).status).toBe(0);

    // Edits here: ledger-check's tone line (the catalog changes another), pay-review's section in AGENTS.md.
    const replaceIn = (path: string, from: string, to: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    replaceIn(join(overHttp, '.claude/agents/ledger-check.md'), 'Short, kind, specific.', 'Short, kind, specific, and in British English.');
    replaceIn(join(overHttp, 'AGENTS.md'), 'Short, kind, specific.\n<!-- persona-atlas:end pay-review -->', 'Short and kind.\n<!-- persona-atlas:end pay-review -->');
    writeFileSync(join(overHttp, 'AGENTS.md'), `${readFileSync(join(overHttp, 'AGENTS.md'), 'utf8')}\n## After the personas\n\nOur own closing words.\n`);

    // The catalog's second commit: pay-review and ledger-check change, gone-soon leaves; the German translation stays behind.
    write('pay-review.md', personaFile('pay-review', 'Pay Review', 'Reviews payment code.', edited('- Money is integer cents.', '- Money is integer minor units, never floats.')));
    write('ledger-check.md', personaFile('ledger-check', 'Ledger Check', 'Checks ledger code.', edited('- Retries are idempotent.', '- Retries carry an idempotency key.')));
    rmSync(join(personas, 'gone-soon.md'));
    git(['add', '-A'], '2026-02-20T10:00:00Z');
    git(['commit', '-q', '-m', 'Minor units and idempotency keys'], '2026-02-20T10:00:00Z');
    build();

    const states = async (cwd: string) => {
      const result = await run(['outdated', '--json'], cwd);
      return { status: result.status, states: Object.fromEntries((JSON.parse(result.text) as Array<{ id: string; tool: string; state: string }>).map((row) => [`${row.id}/${row.tool}`, row.state])) };
    };
    expect(await states(overHttp)).toEqual({
      status: 1,
      states: {
        'gone-soon/claude-code': 'removed',
        'gone-soon/codex': 'removed',
        'ledger-check/claude-code': 'edited-outdated',
        'ledger-check/codex': 'outdated',
        'pay-review/claude-code': 'outdated',
        'pay-review/codex': 'edited-outdated',
      },
    });
    expect(await states(asFolder)).toEqual({ status: 1, states: { 'ledger-check/cursor': 'outdated', 'pay-review/cursor': 'outdated' } });
    const change = await run(['diff', 'pay-review', '--tool', 'claude-code'], overHttp);
    expect(change.text).toContain('\n-- Money is integer cents.\n+- Money is integer minor units, never floats.\n');

    const agentsBefore = readFileSync(join(overHttp, 'AGENTS.md'), 'utf8');
    const updated = await run(['update'], overHttp);
    expect(updated.status, updated.text + updated.stderr).toBe(0);
    expect(updated.text).toContain('no longer in');
    const ledger = readFileSync(join(overHttp, '.claude/agents/ledger-check.md'), 'utf8');
    expect(ledger).toContain('idempotency key');
    expect(ledger).toContain('in British English');
    const agents = readFileSync(join(overHttp, 'AGENTS.md'), 'utf8');
    expect(agents).toMatch(/<!-- persona-atlas:begin pay-review -->[^]*minor units, never floats[^]*Short and kind\.\n<!-- persona-atlas:end pay-review -->/);
    const outsideSections = (text: string) => text.replace(/<!-- persona-atlas:begin ([a-z-]+) -->[^]*?<!-- persona-atlas:end \1 -->/g, '');
    expect(outsideSections(agents)).toBe(outsideSections(agentsBefore));
    expect((await run(['verify'], overHttp)).status).toBe(0);
    expect((await states(overHttp)).states['pay-review/claude-code']).toBe('current');
    expect((await run(['update'], asFolder)).status).toBe(0);
    expect(await states(asFolder)).toEqual({ status: 0, states: { 'ledger-check/cursor': 'current', 'pay-review/cursor': 'current' } });

    // The API's versions, newest first; the page's history with its latest change as a diff.
    const detail = JSON.parse(readFileSync(join(out, 'api/personas/pay-review.json'), 'utf8'));
    expect(detail.versions.map((v: { subject: string; date: string }) => [v.subject, v.date.slice(0, 10)])).toEqual([
      ['Minor units and idempotency keys', '2026-02-20'],
      ['First personas', '2026-01-10'],
    ]);
    await page.goto(`${SERVED}/personas/pay-review/`);
    const history = page.locator('[data-history]');
    await expect(history.locator('li')).toHaveCount(2);
    await expect(history.locator('li').first()).toContainText('Minor units and idempotency keys');
    await expect(history.locator('li a').first()).toHaveAttribute('href', /^https:\/\/github\.com\/example\/installs\/commit\/[0-9a-f]{40}$/);
    await history.locator('[data-latest-change] summary').click();
    await expect(history.locator('.diff .removed')).toHaveText(['-- Money is integer cents.']);
    await expect(history.locator('.diff .added')).toHaveText(['+- Money is integer minor units, never floats.']);

    // The German translation was made before its original's change: its page says so, with the original's diff since.
    await page.goto(`${SERVED}/de/personas/pay-review/`);
    const lag = page.locator('[data-translation-lag]');
    await expect(lag).toContainText('20.02.2026');
    await lag.locator('summary').click();
    await expect(lag.locator('.diff .added')).toHaveText(['+- Money is integer minor units, never floats.']);
    const checked = await run(['check', personas]);
    expect(checked.text).toMatch(/de\/pay-review\.md:1:1 {2}translation {2}was last changed 2026-01-10, before its original .*pay-review\.md \(changed 2026-02-20\)/);

    // A plain folder, without git: one version, and the build says why once.
    const plain = join(work, 'plain');
    cpSync(personas, plain, { recursive: true });
    rmSync(join(plain, 'de'), { recursive: true });
    const plainBuild = buildSite({ PERSONAS_DIR: plain, OUT_DIR: join(work, 'plain-site'), CACHE_DIR: join(work, 'plain-cache'), BASE_PATH: '/' });
    expect(plainBuild.status, plainBuild.output).toBe(0);
    expect(plainBuild.output.match(/History: the persona folder is not in a git checkout/g)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(work, 'plain-site/api/personas/pay-review.json'), 'utf8')).versions).toHaveLength(1);
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }
});
