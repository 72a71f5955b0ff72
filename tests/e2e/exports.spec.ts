import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { noticeText, SET_NOTICE_FILE } from '../../src/lib/formats/provenance.ts';
import { EXPORT_TARGETS, exportSet, exportTarget } from '../../src/lib/formats/exports.ts';
import type { ExportFile, ExportTarget } from '../../src/lib/formats/format.ts';
import { markdownSections } from '../../src/lib/formats/sharedMarkdown.ts';
import { exportPersonaFromFile } from './support/personaFiles.ts';
import { SITES, siteUrl, type SiteName, PERSONA_FILE_SITES } from './support/sites.ts';

const saved = async (download: Promise<Download>) => readFileSync((await (await download).path())!);

/** Each of a target's files shown in `rows` by its path, copied by its own button exactly as the registry writes it, and said so in `area`'s status line. */
async function copiesEachFile(page: Page, rows: Locator, area: Locator, target: ExportTarget, files: ExportFile[]) {
  for (const file of files) {
    await expect(rows.getByText(file.path, { exact: true })).toBeVisible();
    const subject = files.length > 1 ? `${target.label} ${file.path.split('/').at(-1)}` : target.label;
    await rows.getByRole('button', { name: `Copy ${subject}`, exact: true }).click();
    await expect(area.getByRole('status')).toHaveText(`${subject} copied to the clipboard.`);
    expect(await page.evaluate(() => navigator.clipboard.readText()), target.id).toBe(file.content);
  }
}

test('Install is one control: the tool picked, its files copied and downloaded exactly as the registry writes them, the command for that tool, remembered on the next page', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  const persona = exportPersonaFromFile('personas/sr-backend.md');
  const panel = page.getByRole('dialog', { name: 'Install' });
  await expect(panel).toBeHidden();
  await page.locator('[data-persona-actions]').getByRole('button', { name: 'Install', exact: true }).click();
  await expect(panel.getByLabel('Tool')).toHaveValue('claude-code');
  // Every tool through the one picker; one file row per file the tool reads, not a wall of buttons.
  for (const target of EXPORT_TARGETS) {
    await panel.getByLabel('Tool').selectOption(target.id);
    const files = exportSet(target, [persona]);
    await expect(panel.locator('[data-file]')).toHaveCount(files.length);
    await expect(panel.getByLabel('Install command')).toContainText(`add sr-backend --tool ${target.id} `);
    await copiesEachFile(page, panel, panel, target, files);
  }
  await panel.getByLabel('Tool').selectOption('cursor');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download Cursor project rule' }).click();
  expect((await download).suggestedFilename()).toBe('sr-backend.mdc');
  const command = (await panel.getByLabel('Install command').textContent())!;
  await panel.locator('[data-tool-command]').getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The next page offers the tool picked last.
  await page.goto(siteUrl('catalog', '/personas/bookkeeper/'));
  await page.locator('[data-persona-actions]').getByRole('button', { name: 'Install', exact: true }).click();
  await expect(panel.getByLabel('Tool')).toHaveValue('cursor');
  await expect(panel.getByText('.cursor/rules/bookkeeper.mdc', { exact: true })).toBeVisible();
  await expect(panel.getByLabel('Install command')).toContainText('add bookkeeper --tool cursor ');
});

test('every tool stays available, folded under the prompt, grouped, each file copied exactly as the registry writes it', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  const persona = exportPersonaFromFile('personas/sr-backend.md');
  const exports = page.getByRole('region', { name: 'Use it in your tools' });
  await expect(exports.getByRole('button', { name: /Copy/ })).toHaveCount(0);
  await exports.getByText(`All ${EXPORT_TARGETS.length} tools`).click();
  for (const group of ['Coding agents', 'IDE assistants', 'API formats']) {
    await expect(exports.getByRole('heading', { name: group, level: 3 })).toBeVisible();
  }
  for (const target of EXPORT_TARGETS) {
    const files = exportSet(target, [persona]);
    const item = exports.getByRole('listitem').filter({ has: page.getByRole('heading', { name: target.label, exact: true }) });
    await copiesEachFile(page, item, exports, target, files);
  }
});

async function addFromCards(page: Page, count: number): Promise<string[]> {
  const toggles = page.locator('main [data-select-toggle][aria-pressed="false"]:not([data-select-toggle="sr-backend"])');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const toggle = toggles.first();
    ids.push((await toggle.getAttribute('data-select-toggle'))!);
    await toggle.click();
  }
  return ids;
}

for (const name of PERSONA_FILE_SITES) {
  test(`${name}: a set picked across pages survives a reload and downloads for Claude Code and Codex`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(siteUrl(name, '/'));
    const chosen = await addFromCards(page, 2);
    await page.goto(siteUrl(name, '/personas/sr-backend/'));
    await page.locator('[data-persona-actions]').getByRole('button', { name: /Add to set/ }).click();
    chosen.push('sr-backend');
    await page.reload();
    await expect(page.locator('[data-selection-count]')).toHaveText('3');
    await expect(page.locator('[data-persona-actions] [data-select-toggle]')).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('link', { name: /^Set 3/ }).click();
    await expect(page.getByRole('heading', { name: '3 personas' })).toBeVisible();
    const origin = new URL(siteUrl(name, '/')).href.replace(/\/$/, '');
    await expect(page.getByLabel('Install command')).toHaveText(
      `npx -y ${origin}/persona-atlas.tgz add ${chosen.join(' ')} --tool claude-code --catalog ${origin}`,
    );
    const personas = chosen.map((id) => exportPersonaFromFile(`${SITES[name].personasDir}/${id}.md`));

    const zip = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download for Claude Code subagent' }).click();
    expect((await zip).suggestedFilename()).toBe('personas-claude-code.zip');
    const entries = unzipSync(new Uint8Array(await saved(zip)));
    const expected = exportSet(exportTarget('claude-code')!, personas);
    expect(Object.keys(entries).sort()).toEqual([...expected.map((f) => f.path), SET_NOTICE_FILE].sort());
    for (const file of expected) expect(strFromU8(entries[file.path])).toBe(file.content);
    expect(strFromU8(entries[SET_NOTICE_FILE])).toBe(noticeText(personas));

    await page.getByLabel('Tool').selectOption('codex');
    await expect(page.getByLabel('Install command')).toContainText('--tool codex');
    const agents = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download for OpenAI Codex (AGENTS.md)' }).click();
    expect((await agents).suggestedFilename()).toBe('AGENTS.md');
    const text = (await saved(agents)).toString('utf8');
    expect([...markdownSections(text).keys()]).toEqual([...chosen].sort());
    expect(text).toBe(exportSet(exportTarget('codex')!, personas)[0].content);

    // The zip's entry is the very file the persona page downloads on its own.
    await page.goto(siteUrl(name, '/personas/sr-backend/'));
    await page.locator('[data-persona-actions]').getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByRole('dialog', { name: 'Install' }).getByLabel('Tool').selectOption('claude-code');
    const single = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Claude Code subagent' }).click();
    expect(Buffer.compare(await saved(single), Buffer.from(entries['.claude/agents/sr-backend.md']))).toBe(0);

    await page.goto(siteUrl(name, '/selection/'));
    await page.getByRole('button', { name: 'Remove' }).first().click();
    await expect(page.locator('[data-selection-count]')).toHaveText('2');
    await page.getByRole('button', { name: 'Clear the set' }).click();
    await expect(page.getByText('Your set is empty.')).toBeVisible();
    await expect(page.locator('[data-selection-count]')).toHaveText('0');
    // Pages, set data, the zip library: everything came from this site, under its base path.
    expect(requests.filter((url) => !url.startsWith(siteUrl(name, '/')) && !url.startsWith('blob:'))).toEqual([]);
  });
}

test('a category page downloads the whole category for a tool', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/categories/engineering/'));
  const count = Number((await page.locator('main header p').first().textContent())!.match(/\d+/)![0]);
  const download = page.waitForEvent('download');
  await page.getByLabel('Tool').selectOption('cursor');
  await page.getByRole('button', { name: 'Download for Cursor project rule' }).click();
  const { [SET_NOTICE_FILE]: notice, ...files } = unzipSync(new Uint8Array(await saved(download)));
  expect(strFromU8(notice)).toContain('- License:');
  const entries = Object.keys(files);
  expect(entries).toHaveLength(count);
  expect(entries.every((path) => /^\.cursor\/rules\/[a-z0-9-]+\.mdc$/.test(path))).toBe(true);
});

test('search results can be added to the set', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/search/?q=backend'));
  const first = page.locator('[data-results] li').first();
  await first.getByRole('button', { name: /Add to set/ }).click();
  await expect(first.locator('[data-select-toggle]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-selection-count]')).toHaveText('1');
});
