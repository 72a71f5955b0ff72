import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { promptOf } from './support/personaFiles.ts';
import { SITES, siteUrl, type SiteName } from './support/sites.ts';

// The pages of a catalog in four languages (English, German, Japanese and
// Arabic, right to left), at the domain root and under /atlas: every page in
// its language and direction, linked to its other versions, copying and
// searching in its own language.

const DIR = SITES.languages.personasDir;
const LANGUAGE_SITES: SiteName[] = ['languages', 'languagesAtRoot'];
const OTHER_LANGUAGES = ['de', 'ja', 'ar'];

/** The site path of every page a build wrote, from its output folder. */
function builtPages(name: SiteName): string[] {
  return readdirSync(SITES[name].outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.includes('pagefind'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

const languageOfPath = (path: string) => (OTHER_LANGUAGES.includes(path.split('/')[1]) ? path.split('/')[1] : 'en');

for (const name of LANGUAGE_SITES) {
  test(`${name}: every page of every language loads with its lang, dir and hreflang links to the versions that exist`, async ({ request }) => {
    const pages = builtPages(name);
    for (const lang of OTHER_LANGUAGES) expect(pages).toContain(`/${lang}/personas/travel-planner/`);
    expect(pages).toContain('/de/personas/code-mentor/');
    expect(pages).not.toContain('/ja/personas/code-mentor/');
    for (const path of pages) {
      const response = await request.get(siteUrl(name, path));
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      const lang = languageOfPath(path);
      expect(html, path).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(([, hreflang, href]) => [hreflang, href]);
      const own = alternates.find(([hreflang]) => hreflang === lang);
      expect(own && new URL(own[1]).pathname, path).toBe(new URL(siteUrl(name, path)).pathname);
      for (const [, href] of alternates) expect(pages, `${path} → ${href}`).toContain(new URL(href).pathname.slice(SITES[name].base.replace(/\/$/, '').length));
      expect(alternates.some(([hreflang]) => hreflang === 'x-default'), path).toBe(true);
    }
  });

  test(`${name}: the language switcher opens the same page in the other language; a persona without a translation is listed in its own language, marked`, async ({ page }) => {
    await page.goto(siteUrl(name, '/personas/travel-planner/'));
    // One control: a menu that opens the list of languages.
    const switcher = page.getByRole('navigation', { name: 'Language' });
    await expect(switcher.locator('a')).toHaveCount(4);
    await expect(switcher.locator('a[hreflang="de"]')).toBeHidden();
    await switcher.locator('summary').click();
    await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'page');
    await switcher.getByRole('link', { name: 'Deutsch' }).click();
    await expect(page).toHaveURL(siteUrl(name, '/de/personas/travel-planner/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reiseplaner');
    await page.getByRole('navigation', { name: 'Sprache' }).locator('summary').click();
    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL(siteUrl(name, '/ar/personas/travel-planner/'));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    // Code Mentor has no Japanese translation: the Japanese home lists it in English, linking to its English page.
    await page.goto(siteUrl(name, '/ja/'));
    const card = page.getByRole('article').filter({ hasText: 'Code Mentor' });
    // Its link says it leads to the English page, the card is marked EN, and the page says once what the mark means.
    const link = card.getByRole('link', { name: 'Code Mentor (英語のページ)' });
    await expect(link).toHaveAttribute('lang', 'en');
    await expect(card.locator('.original-mark')).toHaveText('EN');
    await expect(page.locator('[data-untranslated-note]')).toHaveCount(1);
    await expect(page.locator('[data-untranslated-note]')).toHaveText('ENの付いたペルソナはまだ日本語に翻訳されていません。ページは英語です。');
    await link.click();
    await expect(page).toHaveURL(siteUrl(name, '/personas/code-mentor/?from=ja'));
    // At the top, the way back to Japanese: the list the reader came from.
    const wayBack = page.locator('[data-way-back]');
    await expect(wayBack).toContainText('This persona is not translated into Japanese yet.');
    await expect(wayBack.getByRole('link', { name: '日本語' })).toHaveAttribute('href', siteUrl(name, '/ja/'));
    // On its page, the switcher offers the German version it has, and the others' homes.
    const languages = page.getByRole('navigation', { name: 'Language' }).locator('a');
    await page.getByRole('navigation', { name: 'Language' }).locator('summary').click();
    await expect(languages).toHaveText(['English', 'Deutsch', /^日本語/, /^العربية/]);
    await expect(languages.nth(2)).toHaveAttribute('href', siteUrl(name, '/ja/').replace(/^http:\/\/[^/]+/, ''));
    await expect(languages.nth(2)).toHaveAccessibleName(/^日本語 ?: This page has no Japanese version yet: to the Japanese home page$/);
  });

  test(`${name}: copy gives each language’s prompt byte for byte, and exports use the page’s language, with the CSP enforced`, async ({ page }) => {
    // Every page is served with the site's _headers, Content-Security-Policy included: nothing may break it.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const buttons: Record<string, string> = { de: 'Prompt kopieren', ja: 'プロンプトをコピー', ar: 'انسخ الموجّه' };
    for (const lang of OTHER_LANGUAGES) {
      await page.goto(siteUrl(name, `/${lang}/personas/travel-planner/`));
      await page.getByRole('button', { name: buttons[lang], exact: true }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(promptOf(`${DIR}/${lang}/travel-planner.md`));
    }
    await page.goto(siteUrl(name, '/de/personas/travel-planner/'));
    await page.locator('[data-persona-actions]').getByRole('button', { name: 'Installieren', exact: true }).click();
    await page.getByRole('dialog', { name: 'Installieren' }).getByLabel('Werkzeug').selectOption('text');
    await page.locator('#install-panel [data-export="text"] button[data-action="copy"]').click();
    await expect(page.getByRole('status').filter({ hasText: 'Zwischenablage' }).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Du bist ein Reiseplaner');
    await expect(page.getByLabel('Installationsbefehl')).toContainText('--lang de');
    expect(problems).toEqual([]);
  });

  test(`${name}: the search box searches the page’s language: German words with German stemming on /de/, never a German page on /`, async ({ page }) => {
    await page.goto(siteUrl(name, '/de/'));
    // "Markthallen" is only in the German translation, which says "Markthalle".
    await page.getByRole('combobox', { name: 'Personas suchen' }).fill('Markthallen');
    const options = page.getByRole('listbox', { name: 'Passende Personas' }).getByRole('option');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toHaveAttribute('href', siteUrl(name, '/de/personas/travel-planner/').replace(/^http:\/\/[^/]+/, ''));

    await page.goto(siteUrl(name, '/'));
    const box = page.getByRole('combobox', { name: 'Search personas' });
    await box.fill('Markthallen');
    await expect(page.locator('[data-search-box] [data-status]')).toHaveText('0 personas found');
    await expect(page.getByRole('listbox', { name: 'Matching personas' }).getByRole('option')).toHaveCount(0);
    await box.fill('mentor');
    const english = page.getByRole('listbox', { name: 'Matching personas' }).getByRole('option');
    await expect(english.first()).toBeVisible();
    for (const href of await english.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) expect(href).not.toMatch(/\/(de|ja|ar)\//);

    // The search page on /ja/ lists the untranslated Code Mentor from the Japanese index, in English.
    await page.goto(siteUrl(name, '/ja/search/?q=mentor'));
    await expect(page.getByRole('main').getByRole('link', { name: 'Code Mentor' })).toHaveAttribute('lang', 'en');
  });

  test(`${name}: no Arabic page scrolls sideways at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of builtPages(name).filter((path) => path.startsWith('/ar/'))) {
      await page.goto(siteUrl(name, path));
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
  });
}

test('the sitemap lists every language’s pages with xhtml:link alternates, and the feed every language’s personas', async ({ request }) => {
  const sitemap = await (await request.get(siteUrl('languages', '/sitemap-0.xml'))).text();
  expect(sitemap).toContain('/atlas/de/personas/travel-planner/');
  expect(sitemap).toMatch(/<xhtml:link rel="alternate" hreflang="ar" href="[^"]*\/atlas\/ar\/personas\/travel-planner\/"/);
  const feed = async (path: string) => (await request.get(siteUrl('languages', path))).text();
  expect(await feed('/de/feed.xml')).toContain('<title>🧳 Reiseplaner</title>');
  expect(await feed('/de/feed.xml')).toContain('<language>de</language>');
  expect(await feed('/ja/feed.xml')).toContain('旅行プランナー');
  expect(await feed('/feed.xml')).not.toContain('Reiseplaner');
  expect(readFileSync(`${SITES.languages.outDir}/robots.txt`, 'utf8')).toContain('Sitemap:');
});

test('the guide to using personas in tools is MDX in every language, its tool lists and commands fed by the export registry', async ({ page }) => {
  for (const [lang, heading] of [['', 'Personas in coding agents'], ['/de', 'Personas in Coding-Agenten'], ['/ja', 'コーディングエージェントでペルソナを使う'], ['/ar', 'الشخصيات في وكلاء البرمجة']]) {
    await page.goto(siteUrl('languages', `${lang}/guide/coding-agents/`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('#tool-claude-code')).toHaveText('Claude Code subagent');
    const command = page.locator('.guide-tools pre').first();
    await expect(command).toContainText(`add code-mentor --tool claude-code${lang ? ` --lang ${lang.slice(1)}` : ''} --catalog ${siteUrl('languages', '/').replace(/\/$/, '')}`);
  }
  await page.goto(siteUrl('languages', '/de/personas/travel-planner/'));
  await page.getByRole('link', { name: 'Personas in deinen Werkzeugen nutzen' }).first().click();
  await expect(page).toHaveURL(siteUrl('languages', '/de/guide/'));
  await expect(page.getByRole('navigation', { name: 'Werkzeuggruppen' }).getByRole('link')).toHaveCount(3);
});

test('the shipped catalog has translations: six in German and Japanese, three in Arabic, each page in its language', async ({ request }) => {
  const index = await (await request.get(siteUrl('catalog', '/api/personas.json'))).json();
  expect(index.languages).toEqual(['en', 'de', 'ja', 'ar']);
  const counts = Object.fromEntries(['de', 'ja', 'ar'].map((lang) => [lang, index.personas.filter((p: { translations: { lang: string }[] }) => p.translations.some((t) => t.lang === lang)).length]));
  expect(counts.de).toBeGreaterThanOrEqual(6);
  expect(counts.ja).toBeGreaterThanOrEqual(6);
  expect(counts.ar).toBeGreaterThanOrEqual(3);
  const page = await (await request.get(siteUrl('catalog', '/ar/personas/incident-commander/'))).text();
  expect(page).toContain('<html lang="ar" dir="rtl"');
  expect(page).toContain('قائد الاستجابة للحوادث');
});

test('the catalog’s own pages: in each language they are written in, linked in its words elsewhere, MDX rendered, never read as personas', async ({ page, request }) => {
  await page.goto(siteUrl('languages', '/de/'));
  // The settings' logo, an emoji, stands beside the title.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Atlas in Four Languages' })).toContainText('🗺️');
  await page.getByRole('banner').getByRole('link', { name: 'Über diesen Atlas' }).click();
  await expect(page).toHaveURL(siteUrl('languages', '/de/about/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Über diesen Atlas');
  // Japanese has no version of its own: its link opens the English page, and no Japanese copy is made.
  await page.goto(siteUrl('languages', '/ja/'));
  await expect(page.getByRole('banner').getByRole('link', { name: 'About this atlas' })).toHaveAttribute('href', '/atlas/about/');
  expect((await request.get(siteUrl('languages', '/ja/about/'))).status()).toBe(404);
  // A footer-only MDX page: its expression evaluated, its link in the footer and not the header.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Licence' })).toHaveCount(0);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Licence' }).click();
  await expect(page.getByText('Written in 2026.')).toBeVisible();
  const index = await (await request.get(siteUrl('languages', '/api/personas.json'))).json();
  expect(index.personas.map((persona: { id: string }) => persona.id)).not.toContain('about');
});
