import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { promptOf } from './support/personaFiles.ts';
import { siteUrl, SITES } from './support/sites.ts';

// The pages designed for their two jobs, finding a persona and taking its
// prompt into a tool, measured as a person meets them: at desktop and phone
// sizes, in the four shipped languages.

const PHONE = { width: 375, height: 740 };
const LANGUAGE_PAGES = { en: '/personas/travel-planner/', de: '/de/personas/travel-planner/', ja: '/ja/personas/travel-planner/', ar: '/ar/personas/travel-planner/' };

test('the header is one row from 1024 px up in every language, and at most two on a phone, without a cut placeholder or a keyboard hint', async ({ browser }) => {
  for (const width of [1024, 1280, 1440]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const [lang, path] of Object.entries(LANGUAGE_PAGES)) {
      await page.goto(siteUrl('languages', path));
      const header = (await page.locator('body > header').boundingBox())!;
      expect(header.height, `${lang} at ${width} px`).toBeLessThan(70);
    }
    await page.close();
  }
  const phone = await browser.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
  for (const [lang, path] of Object.entries(LANGUAGE_PAGES)) {
    await phone.goto(siteUrl('languages', path));
    const header = (await phone.locator('body > header').boundingBox())!;
    expect(header.height, lang).toBeLessThan(115);
    const search = phone.getByRole('combobox');
    const cut = await search.evaluate((input: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(input).font;
      return context.measureText(input.placeholder).width > input.clientWidth - 24;
    });
    expect(cut, lang).toBe(false);
    await expect(phone.locator('#site-search-hint')).toBeHidden();
    // The navigation is behind its button.
    const nav = phone.getByRole('navigation', { name: /Browse|Stöbern|閲覧|تصفّح/ });
    await expect(nav).toBeHidden();
    await phone.locator('.site-menu summary').click();
    await expect(nav.getByRole('link').first()).toBeVisible();
  }
  await phone.close();
});

test('on a phone, Copy prompt and Install are on the first screen and stay in reach halfway down the prompt; the Markdown view is what Copy copies', async ({ browser }) => {
  const page = await browser.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  const copy = page.getByRole('button', { name: 'Copy prompt' });
  const install = page.getByRole('button', { name: 'Install', exact: true });
  /** Wholly on the phone's screen, across and down. */
  const onScreen = async (where: string) => {
    for (const control of [page.locator('[data-persona-actions] [data-copy]').first(), page.locator('[data-persona-actions] .install-link')]) {
      const box = (await control.boundingBox())!;
      expect(box.x, where).toBeGreaterThanOrEqual(0);
      expect(box.y, where).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, where).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height, where).toBeLessThanOrEqual(PHONE.height);
    }
  };
  const halfway = async () => {
    const prompt = (await page.locator('[data-prompt]').boundingBox())!;
    await page.evaluate((y) => window.scrollBy(0, y), prompt.y + prompt.height / 2);
  };
  await onScreen('first screen');
  await halfway();
  await onScreen('halfway down the prompt');
  // In every language, the row's order keeps both on the first screen (Arabic's runs right to left).
  for (const [lang, path] of Object.entries(LANGUAGE_PAGES)) {
    await page.goto(siteUrl('languages', path));
    await onScreen(`${lang}, first screen`);
    await halfway();
    await onScreen(`${lang}, halfway down the prompt`);
  }
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  // Install opens its panel on the screen where the reader is.
  await install.click();
  const panel = page.getByRole('dialog', { name: 'Install' });
  await expect(panel.getByLabel('Tool')).toBeInViewport();
  await expect(panel.getByRole('button', { name: /^Copy Claude Code subagent/ })).toBeInViewport();

  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await page.getByRole('button', { name: 'Markdown' }).click();
  const source = page.locator('[data-prompt-source]');
  await expect(source).toBeVisible();
  await expect(page.locator('[data-prompt]')).toBeHidden();
  await expect(source).not.toBeEmpty();
  await copy.click();
  // The text may still be on its way when the click returns: the clipboard takes it as a pending item.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(promptOf('personas/sr-backend.md'));
  expect(await source.textContent()).toBe(promptOf('personas/sr-backend.md'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-prompt]')).toBeVisible();
  await page.close();
});

test('the Install panel and the folded list of every tool pass axe in both themes and in every language, the panel within the screen', async ({ browser }) => {
  // Sixteen axe runs: two sizes, two themes, four languages.
  test.setTimeout(240_000);
  const buttons = { en: 'Install', de: 'Installieren', ja: 'インストール', ar: 'ثبّت' };
  for (const [viewport, touch] of [[{ width: 1280, height: 800 }, false], [PHONE, true]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme, hasTouch: touch, isMobile: touch });
      const page = await context.newPage();
      for (const [lang, path] of Object.entries(LANGUAGE_PAGES)) {
        await page.goto(siteUrl('languages', path));
        await page.locator('details.all-tools > summary').click();
        await expect(page.locator('[data-export-groups] li').first()).toBeVisible();
        await page.locator('[data-persona-actions]').getByRole('button', { name: buttons[lang as keyof typeof buttons], exact: true }).click();
        const panel = page.getByRole('dialog', { name: buttons[lang as keyof typeof buttons] });
        await expect(panel.locator('[data-install-files] [data-file]').first()).toBeVisible();
        const box = (await panel.boundingBox())!;
        expect(box.x, `${lang} ${viewport.width}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${lang} ${viewport.width}`).toBeLessThanOrEqual(viewport.width + 0.5);
        expect(box.y + box.height, `${lang} ${viewport.width}`).toBeLessThanOrEqual(viewport.height + 0.5);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${lang} ${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      await context.close();
    }
  }
});

test('every entry of the language menu is a link: the page in that language, else that language’s home', async ({ page }) => {
  for (const path of ['/personas/code-mentor/', '/ja/', '/de/personas/code-mentor/', '/ar/search/']) {
    await page.goto(siteUrl('languages', path));
    const menu = page.locator('.language-menu');
    await expect(menu.locator('li')).toHaveCount(4);
    await expect(menu.locator('li > a')).toHaveCount(4);
    await expect(menu.locator('li > span')).toHaveCount(0);
  }
});

test('an empty search lists every persona, and a search by filter alone shows descriptions, not index text', async ({ page }) => {
  const count = readdirSync(SITES.catalog.personasDir).filter((file) => file.endsWith('.md')).length;
  await page.goto(siteUrl('catalog', '/search/'));
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText(`${count} personas found`);
  await expect(page.locator('[data-results] > li')).toHaveCount(20);
  // One search field on the search page.
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.locator('[data-search-box]')).toHaveCount(0);

  await page.goto(siteUrl('catalog', '/search/?category=engineering'));
  const first = page.locator('[data-results] > li').first();
  await expect(first).toBeVisible();
  await expect(first.locator('[data-excerpt]')).toHaveCount(0);
  const name = await first.getByRole('link').first().textContent();
  const description = await first.locator('p').first().textContent();
  const response = await page.request.get(siteUrl('catalog', '/api/personas.json'));
  const { personas } = (await response.json()) as { personas: Array<{ name: string; description: string }> };
  expect(personas.find((persona) => persona.name === name)?.description).toBe(description);

  // Words: the description, then where they were found, highlighted without punctuation and marked as cut.
  await page.goto(siteUrl('catalog', '/search/?q=kafka'));
  const excerpt = page.locator('[data-results] > li').first().locator('[data-excerpt]');
  await expect(excerpt).toBeVisible();
  for (const mark of await excerpt.locator('mark').allTextContents()) expect(mark).toMatch(/^[\p{L}\p{N}][^]*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u);
  expect(await excerpt.textContent()).toMatch(/^…|…$/);
});

test('the home page opens on a search field and the categories with their counts, each a jump to its section', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(siteUrl('catalog', '/'));
  const field = page.getByRole('search', { name: 'Search the catalog' }).getByRole('searchbox');
  await expect(field).toBeInViewport();
  const chips = page.getByRole('navigation', { name: 'Jump to a category' }).getByRole('link');
  expect(await chips.count()).toBeGreaterThan(3);
  const first = chips.first();
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page.locator(href)).toBeInViewport();
  await field.fill('kafka');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=kafka$/);
  await expect(page.locator('[data-results] > li').first()).toBeVisible();
});
