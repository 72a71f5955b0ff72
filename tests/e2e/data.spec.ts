import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkPersonaFolder } from '../../src/lib/persona/personaCheck.ts';
import { promptOf } from './support/personaFiles.ts';
import { SITES, siteUrl, type SiteName } from './support/sites.ts';

for (const [name, id] of [['catalog', 'sr-backend'], ['fixtures', 'tricky-whitespace']] as [SiteName, string][]) {
  test(`${name}: /personas/${id}.md is the source file byte for byte, offered for download`, async ({ page, request }) => {
    const response = await request.get(siteUrl(name, `/personas/${id}.md`));
    expect(response.ok()).toBe(true);
    expect(Buffer.compare(await response.body(), readFileSync(`${SITES[name].personasDir}/${id}.md`))).toBe(0);
    await page.goto(siteUrl(name, `/personas/${id}/`));
    await expect(page.getByRole('link', { name: `Download ${id}.md` })).toHaveAttribute('download', `${id}.md`);
  });

  test(`${name}: the JSON API lists every persona and serves each with its prompt`, async ({ request }) => {
    const expected = checkPersonaFolder(SITES[name].personasDir).personas.map((p) => p.data.id).sort();
    const index = await (await request.get(siteUrl(name, '/api/personas.json'))).json();
    expect(index.schemaVersion).toBe(1);
    expect(index.personas.map((p: { id: string }) => p.id)).toEqual(expected);
    expect(index.personas.every((p: object) => !('prompt' in p))).toBe(true);
    const detail = await (await request.get(index.personas.find((p: { id: string }) => p.id === id).urls.json)).json();
    expect(detail.prompt).toBe(promptOf(`${SITES[name].personasDir}/${id}.md`));
    expect(detail.tokens).toBeGreaterThan(0);
  });
}

test('persona pages and cards show words, tokens and reading time', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await expect(page.getByText(/^[\d,]+ words$/)).toBeVisible();
  await expect(page.getByText(/^~[\d,]+ tokens \(o200k_base\)$/)).toBeVisible();
  await expect(page.getByText(/^\d+ min read$/)).toBeVisible();
  await page.goto(siteUrl('catalog'));
  await expect(page.getByRole('article').first()).toContainText(/~[\d.]+K? tokens · \d+ min read/);
});

test('the home page orders by name or by prompt size', async ({ page }) => {
  await page.goto(siteUrl('catalog'));
  await page.getByRole('link', { name: 'Longest prompts first' }).click();
  await expect(page.getByRole('link', { name: 'Longest prompts first' })).toHaveAttribute('aria-current', 'page');
  const engineering = page.getByRole('region', { name: 'Engineering' });
  await expect(engineering.getByRole('article').first()).toContainText('Sr. Backend Engineer');
});

test('edit links appear only when REPO_URL is set', async ({ page }) => {
  await page.goto(siteUrl('fixtures', '/personas/minimal/'));
  await expect(page.getByRole('link', { name: 'Edit this persona' })).toHaveAttribute(
    'href',
    'https://github.com/example/persona-atlas/edit/main/tests/fixtures/catalog/minimal.md',
  );
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await expect(page.getByRole('link', { name: 'Edit this persona' })).toHaveCount(0);
});

test('the feed lists personas with links under the base path and is linked from every page', async ({ page, request }) => {
  await page.goto(siteUrl('fixtures'));
  const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
  expect(href).toBe('/atlas/feed.xml');
  const feed = await (await request.get(siteUrl('fixtures', '/feed.xml'))).text();
  expect(feed).toContain('<rss version="2.0"');
  expect(feed).toContain(`<link>${siteUrl('fixtures', '/personas/minimal/')}</link>`);
  expect(feed.match(/<item>/g)?.length).toBe(readdirSync(SITES.fixtures.personasDir).filter((f) => f.endsWith('.md')).length);
});
