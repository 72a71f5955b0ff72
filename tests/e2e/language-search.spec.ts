import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SITES, siteUrl } from './support/sites.ts';

// Languages at the price of their translations: a language's search index
// holds its translations only, and its search merges the default index in,
// keeping the pages its lists show.

const entry = (site: keyof typeof SITES, path: string) => JSON.parse(readFileSync(join(SITES[site].outDir, path, 'pagefind-entry.json'), 'utf8'));

async function resultLinks(page: Page, path: string) {
  await page.goto(siteUrl('languages', path));
  await expect(page.locator('[data-search-page] [data-status]')).not.toBeEmpty();
  const hrefs = await page.locator('[data-search-page] [data-results] a[href]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

test('each language’s index holds its own translations only; the default index the originals', () => {
  const pages = (path: string) => Object.values(entry('languages', path).languages as Record<string, { page_count: number }>)[0].page_count;
  expect(pages('pagefind')).toBe(2);
  expect(pages('de/pagefind')).toBe(2);
  expect(pages('ja/pagefind')).toBe(1);
  expect(pages('ar/pagefind')).toBe(1);
});

test('an English-only persona is found from another language’s pages and leads to its English page; a translated one’s English words are not', async ({ page }) => {
  // Code Mentor has no Japanese translation: its English words find its English page from /ja/.
  expect(await resultLinks(page, '/ja/search/?q=predict')).toEqual(['/atlas/personas/code-mentor/']);
  // Travel Planner has a German translation: its English original is not listed on /de/.
  expect(await resultLinks(page, '/de/search/?q=rainy')).toEqual([]);
  expect(await resultLinks(page, '/search/?q=rainy')).toEqual(['/atlas/personas/travel-planner/']);
});

test('a German word is found on /de/ only, and leads to the German page', async ({ page }) => {
  expect(await resultLinks(page, '/de/search/?q=Markthalle')).toEqual(['/atlas/de/personas/travel-planner/']);
  expect(await resultLinks(page, '/search/?q=Markthalle')).toEqual([]);
  expect(await resultLinks(page, '/ja/search/?q=Markthalle')).toEqual([]);
});

test('18 languages: the switcher is one control, on a desktop and on a phone, and the page starts near the top', async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    await page.setViewportSize(viewport);
    await page.goto(siteUrl('manyLanguages', '/'));
    const switcher = page.getByRole('navigation', { name: 'Language' });
    await expect(switcher.locator('summary')).toHaveCount(1);
    await expect(switcher.locator('summary')).toBeVisible();
    await expect(switcher.locator('a')).toHaveCount(18);
    await expect(switcher.locator('a').first()).toBeHidden();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(heading!.y, `${viewport.width} px`).toBeLessThan(viewport.width > 600 ? 160 : 220);
    await switcher.locator('summary').click();
    await switcher.getByRole('link', { name: 'Deutsch (Deutschland)' }).click();
    await expect(page).toHaveURL(siteUrl('manyLanguages', '/de-DE/'));
  }
});

test('the build ends with the output’s size, files and largest file, and warns of each host limit it passes', () => {
  const report = (scale: string) => spawnSync(process.execPath, ['scripts/build-report.ts'], { encoding: 'utf8', env: { ...process.env, PERSONAS_DIR: SITES.languages.personasDir, OUT_DIR: SITES.languages.outDir, HOST_LIMIT_SCALE: scale } });
  const fits = report('1');
  expect(fits.stdout).toMatch(/^Output: [\d.,]+ MB in [\d,]+ files; largest \S+ \([\d.,]+ MB\)\n$/);
  expect(fits.stderr).toBe('');
  const over = report('0.001');
  expect(over.stderr).toContain('warning: the output is over the limit of GitHub Pages (1 GB a site)');
  expect(over.stderr).toContain('warning: the output is over the limit of Cloudflare Pages free plan (20,000 files)');
});
