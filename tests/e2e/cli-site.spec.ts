import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SET_NOTICE_FILE } from '../../src/lib/formats/provenance.ts';
import { cli } from './support/cli.ts';
import { siteUrl } from './support/sites.ts';

// The command line and the served site give the same answers: the same
// search results in the same order, the same set through a share link, and
// the command the set page shows works as shown.

const served = siteUrl('fixtures', '/').replace(/\/$/, '');

/** The ids the site's search page lists for a query string, in its order. */
async function siteResults(page: Page, params: string): Promise<string[]> {
  await page.goto(siteUrl('fixtures', `/search/?${params}`));
  await expect(page.getByRole('status').filter({ hasText: /found|No personas match/ })).toBeVisible();
  const hrefs = await page.locator('[data-results] h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.match(/\/personas\/([a-z0-9-]+)\/$/)![1]);
}

const QUERIES: Array<[string, string[]]> = [
  ['q=code', ['code']],
  ['q=write', ['write']],
  ['q=emoji', ['emoji']],
  ['q=the', ['the']],
  ['q=code&category=engineering', ['code', '--category', 'engineering']],
];

for (const [params, args] of QUERIES) {
  test(`search ${params}: the command line lists the site's results in the site's order`, async ({ page }) => {
    const site = await siteResults(page, params);
    expect(site.length).toBeGreaterThan(0);
    const result = cli(['search', ...args, '--catalog', served]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.text.trim().split('\n').map((line) => line.split('\t')[0])).toEqual(site);
  });
}

test('search reads the whole prompt: "kafka" finds the seed persona in a served site, a dist/ and persona files', () => {
  for (const catalog of [served, '.cache/e2e/fixtures', 'tests/fixtures/catalog']) {
    expect(cli(['search', 'kafka', '--catalog', catalog]).text.split('\t')[0], catalog).toBe('sr-backend');
  }
});

test('a share link carries a set to another browser and to persona-atlas add --set', async ({ browser }) => {
  const ids = ['sr-backend', 'emoji-flag'];
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const mine = await sender.newPage();
  await mine.goto(siteUrl('fixtures', '/'));
  await mine.evaluate((chosen) => localStorage.setItem('persona-atlas:set:/atlas/', JSON.stringify(chosen)), ids);
  await mine.goto(siteUrl('fixtures', '/selection/'));
  await mine.getByRole('button', { name: 'Copy share link' }).click();
  await expect(mine.getByText('Share link copied to the clipboard.')).toBeVisible();
  const link = await mine.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${served}/selection/?ids=sr-backend,emoji-flag`);

  // Another browser, with a set of its own, opens the link with an id this catalog lacks.
  const receiver = await browser.newContext();
  const theirs = await receiver.newPage();
  await theirs.goto(siteUrl('fixtures', '/'));
  await theirs.evaluate(() => localStorage.setItem('persona-atlas:set:/atlas/', JSON.stringify(['minimal'])));
  await theirs.goto(`${link},no-such-persona`);
  const shared = theirs.getByRole('region', { name: 'A set shared with you' });
  await expect(shared.getByRole('link', { name: 'Sr. Backend Engineer' })).toBeVisible();
  await expect(shared.getByRole('link', { name: /東京 Guide/ })).toBeVisible();
  await expect(shared.getByText('This catalog has no persona with the id “no-such-persona”; it is left out.')).toBeVisible();
  await shared.getByRole('button', { name: 'Add to my set' }).click();
  await expect(shared).toBeHidden();
  expect(await theirs.evaluate(() => JSON.parse(localStorage.getItem('persona-atlas:set:/atlas/')!))).toEqual(['minimal', ...ids]);
  await expect(theirs.getByRole('heading', { name: '3 personas' })).toBeVisible();

  await theirs.goto(link);
  await theirs.getByRole('button', { name: 'Replace my set' }).click();
  await expect(theirs.getByRole('heading', { name: '2 personas' })).toBeVisible();

  const project = mkdtempSync(join(tmpdir(), 'atlas-share-'));
  const added = cli(['add', '--set', link, '--tool', 'claude-code'], project);
  expect(added.status, added.stderr).toBe(0);
  expect(added.text).toBe('wrote .claude/agents/emoji-flag.md\nwrote .claude/agents/sr-backend.md\n');
  await sender.close();
  await receiver.close();
});

test('the command the set page shows installs the set on Node 20 from the catalog’s own tarball, as the page downloads it', async ({ page }) => {
  const node20 = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout.trim();
  test.skip(!node20.startsWith('v20.'), `needs Node 20 at /usr/bin/node (found ${node20 || 'none'})`);
  await page.goto(siteUrl('fixtures', '/'));
  await page.evaluate(() => localStorage.setItem('persona-atlas:set:/atlas/', JSON.stringify(['tricky-whitespace', 'sr-backend'])));
  await page.goto(siteUrl('fixtures', '/selection/'));
  await page.getByLabel('Tool').selectOption('cursor');
  const command = (await page.getByLabel('Install command').textContent())!;
  expect(command).toBe(`npx -y ${served}/persona-atlas.tgz add tricky-whitespace sr-backend --tool cursor --catalog ${served}`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download for/ }).click();
  // The archive's notice lists where each persona comes from; the tools' files are the rest.
  const { [SET_NOTICE_FILE]: notice, ...zipped } = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
  expect(strFromU8(notice)).toContain('(`sr-backend`)');

  const project = mkdtempSync(join(tmpdir(), 'atlas-npx-'));
  // A shell on Node 20 with npm's own cache in the project: nothing from this repository's node_modules.
  const shell = spawnSync('bash', ['-c', command], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: `/usr/bin:/bin`, HOME: project, npm_config_cache: join(project, '.npm'), npm_config_update_notifier: 'false' },
  });
  expect(shell.status, shell.stderr).toBe(0);
  expect(shell.stdout).toBe('wrote .cursor/rules/sr-backend.mdc\nwrote .cursor/rules/tricky-whitespace.mdc\n');
  expect(readdirSync(join(project, '.cursor/rules')).sort()).toEqual(Object.keys(zipped).map((path) => path.split('/').at(-1)).sort());
  for (const [path, bytes] of Object.entries(zipped)) expect(readFileSync(join(project, path), 'utf8'), path).toBe(strFromU8(bytes));
});
