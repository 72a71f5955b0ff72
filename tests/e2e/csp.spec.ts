import { expect, test, type Page } from '@playwright/test';
import { promptOf } from './support/personaFiles.ts';
import { siteOrigin, siteUrl, SITES, type SiteName, PERSONA_FILE_SITES } from './support/sites.ts';

/** Collects CSP violations and console errors for a page's whole life. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

for (const name of PERSONA_FILE_SITES) {
  test(`${name}: copy, search and theme work with the _headers CSP enforced`, async ({ page }) => {
    const problems = watch(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    const response = await page.goto(siteUrl(name, '/personas/sr-backend/'));
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');

    await page.getByRole('button', { name: 'Copy prompt' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Prompt copied' })).toHaveText('Prompt copied to the clipboard.');
    const personasDir = SITES[name].personasDir;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(promptOf(`${personasDir}/sr-backend.md`));

    await page.getByRole('button', { name: /^System theme/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await page.getByRole('combobox', { name: 'Search personas' }).fill('kafka');
    await expect(page.getByRole('listbox', { name: 'Matching personas' }).getByRole('option').first()).toBeVisible();

    await page.goto(siteUrl(name, '/search/?q=engineer'));
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();

    expect(problems).toEqual([]);
    const base = `${siteOrigin(name)}${SITES[name].base.replace(/\/$/, '')}/`;
    expect(requests.filter((url) => !url.startsWith(base))).toEqual([]);
  });
}

test('hashed assets are cached for a year, HTML is not', async ({ request, page }) => {
  await page.goto(siteUrl('fixtures'));
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const asset = await request.get(`${siteOrigin('fixtures')}${stylesheet}`);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const html = await request.get(siteUrl('fixtures'));
  expect(html.headers()['cache-control']).toBeUndefined();
});
