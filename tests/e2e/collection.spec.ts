import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import matter from 'gray-matter';
import { checkPersonaFolder, checkPersonas } from '../../src/lib/persona/personaCheck.ts';
import { cli } from './support/cli.ts';
import { SITES, siteUrl } from './support/sites.ts';

// A collection as other catalogs publish theirs, built with PERSONAS_DIR as it
// is: a Claude Code subagent in a numbered folder beside its README, an
// agency-style persona, a Cursor rule, a LobeHub agent and a prompts CSV.

const DIR = SITES.collection.personasDir;
const file = (path: string) => readFileSync(join(DIR, path), 'utf8');
const csvRows = () => parse(file('prompts.csv'), { columns: true }) as Array<{ act: string; prompt: string }>;

/** One persona of each format, and its prompt as that format defines it, read here without the site's readers. */
const ONE_OF_EACH: Record<string, () => string> = {
  'api-reviewer': () => matter(file('01-core-development/api-reviewer.md'), {}).content,
  'brand-voice-keeper': () => matter(file('marketing/brand-voice-keeper.md'), {}).content,
  'release-checklist': () => matter(file('rules/release-checklist.mdc'), {}).content,
  'tea-sommelier': () => JSON.parse(file('agents-json/tea-sommelier.json')).config.systemRole,
  'regex-explainer': () => csvRows()[0].prompt,
};

test('every persona of the collection has a page, under the id the derivation rules give', async ({ page }) => {
  const ids = checkPersonaFolder(DIR).personas.map((persona) => persona.data.id).sort();
  expect(ids).toEqual(['api-reviewer', 'brand-voice-keeper', 'haiku-coach', 'haiku-coach-2', 'regex-explainer', 'release-checklist', 'tea-sommelier']);
  for (const id of ids) {
    const response = await page.goto(siteUrl('collection', `/personas/${id}/`));
    expect(response?.status(), id).toBe(200);
  }
  await page.goto(siteUrl('collection', '/personas/brand-voice-keeper/'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Brand Voice Keeper');
  await expect(page.locator('main header')).toContainText('🛠️');
  await page.goto(siteUrl('collection', '/categories/core-development/'));
  await expect(page.getByRole('link', { name: /Api Reviewer/ })).toBeVisible();
});

test('the collection’s persona-atlas.json names the site, and labels, describes, orders and gives emoji to categories', async ({ page }) => {
  await page.goto(siteUrl('collection', '/'));
  await expect(page).toHaveTitle(/Mixed Collection/);
  await expect(page.getByRole('contentinfo')).toContainText('Mixed Collection: Five formats, one catalog.');
  await page.goto(siteUrl('collection', '/categories/'));
  await expect(page.getByRole('main').getByRole('link', { name: /^Prompt Library/ }).first()).toBeVisible();
  await page.goto(siteUrl('collection', '/categories/prompt-library/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prompt Library');
  await expect(page.getByText('Rows of a prompts CSV, each a persona of its own.')).toBeVisible();
  await page.goto(siteUrl('collection', '/personas/haiku-coach/'));
  await expect(page.locator('main header')).toContainText('💬');
  const schema = await (await page.request.get(siteUrl('collection', '/schema/persona-atlas.schema.json'))).json();
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['title', 'tagline', 'defaultCategory', 'categories', 'lint']));
});

for (const [id, prompt] of Object.entries(ONE_OF_EACH)) {
  test(`${id}: "Copy prompt" is byte-exact, and /personas/${id}.md is a valid persona file with the same prompt`, async ({ page, request }) => {
    await page.goto(siteUrl('collection', `/personas/${id}/`));
    await page.getByRole('button', { name: 'Copy prompt' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Prompt copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(prompt());

    const raw = await (await request.get(siteUrl('collection', `/personas/${id}.md`))).body();
    const checked = checkPersonas([{ file: `${id}.md`, bytes: raw }]);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.personas[0].body).toBe(prompt());
  });
}

test('persona-atlas import writes the collection as persona files that pass the check, and says what it skipped', () => {
  const out = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const imported = cli(['import', DIR, '--out', out]);
  expect(imported.status, imported.stderr).toBe(0);
  const lines = imported.text.trim().split('\n');
  expect(lines).toContain(`wrote ${relative(process.cwd(), join(out, 'api-reviewer.md'))} ← ${DIR}/01-core-development/api-reviewer.md (claude-code)`);
  expect(lines.filter((line) => line.startsWith('wrote '))).toHaveLength(7);
  expect(lines).toContain(`skipped ${DIR}/01-core-development/README.md: documentation, not a persona`);
  expect(lines.find((line) => line.includes('prompts.csv row 3'))).toMatch(/haiku-coach-2\.md ← .*prompts\.csv row 3 \(line \d+\) \(prompts-csv\)$/);

  const check = checkPersonaFolder(out);
  expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(check.personas.find((p) => p.data.id === 'regex-explainer')?.body).toBe(csvRows()[0].prompt);

  // Again: nothing changes. A file edited by hand is not overwritten without --force.
  expect(cli(['import', DIR, '--out', out]).text.split('\n').filter((line) => line.startsWith('unchanged '))).toHaveLength(7);
  writeFileSync(join(out, 'tea-sommelier.md'), 'edited\n');
  const refused = cli(['import', DIR, '--out', out]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('not overwriting a file that differs (add --force to replace)');
  expect(readFileSync(join(out, 'tea-sommelier.md'), 'utf8')).toBe('edited\n');
  expect(cli(['import', DIR, '--out', out, '--force']).status).toBe(0);
  expect(readFileSync(join(out, 'tea-sommelier.md'), 'utf8')).not.toBe('edited\n');
});

test('import --from reads a file in the format named, --category and --emoji set what the source lacks', () => {
  const out = mkdtempSync(join(tmpdir(), 'atlas-import-from-'));
  const imported = cli(['import', join(DIR, 'prompts.csv'), '--from', 'prompts-csv', '--out', out, '--category', 'writing', '--emoji', '✍️', '--dry-run']);
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.text.split('\n').filter((line) => line.startsWith('would write '))).toHaveLength(3);
  const written = cli(['import', join(DIR, 'prompts.csv'), '--from', 'prompts-csv', '--out', out, '--category', 'writing', '--emoji', '✍️']);
  expect(written.status).toBe(0);
  const persona = matter(readFileSync(join(out, 'haiku-coach.md'), 'utf8'), {});
  expect(persona.data).toMatchObject({ id: 'haiku-coach', category: 'writing', emoji: '✍️', for_devs: 'FALSE', contributor: 'fixtures' });
  const wrongCall = cli(['import', DIR, '--from', 'nope']);
  expect(wrongCall.status).toBe(1);
  expect(wrongCall.stderr).toContain('unknown format "nope"');
});

test('add then import: eight tools give back the personas (id, prompt, and the description and name where the format holds them)', () => {
  const catalog = join(process.cwd(), 'tests/fixtures/catalog');
  const ids = ['emoji-flag', 'sr-backend', 'tricky-whitespace'];
  const originals = new Map(checkPersonaFolder(catalog).personas.map((p) => [p.data.id, p]));
  const trimmed = (prompt: string) => prompt.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const holds: Record<string, Array<'name' | 'description'>> = {
    'claude-code': ['description'],
    cursor: ['description'],
    copilot: ['name', 'description'],
    codex: ['name', 'description'],
    'roo-code': ['name', 'description'],
    continue: ['name', 'description'],
    windsurf: ['description'],
    'gemini-cli': ['description'],
  };
  for (const [tool, fields] of Object.entries(holds)) {
    const project = mkdtempSync(join(tmpdir(), `atlas-roundtrip-${tool}-`));
    expect(cli(['add', ...ids, '--tool', tool, '--catalog', catalog], project).status).toBe(0);
    const out = join(project, 'imported');
    const imported = cli(['import', project, '--from', tool, '--out', out]);
    expect(imported.status, `${tool}: ${imported.stderr}`).toBe(0);
    const back = new Map(checkPersonaFolder(out).personas.map((p) => [p.data.id, p]));
    for (const id of ids) {
      const [before, after] = [originals.get(id)!, back.get(id)];
      expect(after, `${tool} ${id}`).toBeDefined();
      expect(trimmed(after!.body), `${tool} ${id} prompt`).toBe(trimmed(before.body));
      for (const field of fields) expect(after!.data[field], `${tool} ${id} ${field}`).toBe(before.data[field]);
    }
  }
});
