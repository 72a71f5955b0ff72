import { expect, test } from '@playwright/test';
import { readPersonaSources } from '../../src/lib/formats/collectionFiles.ts';
import { checkPersonas } from '../../src/lib/persona/personaCheck.ts';
import { SITES, siteUrl, type SiteName } from './support/sites.ts';

test('home groups personas by category with counts and emoji', async ({ page }) => {
  await page.goto(siteUrl('catalog'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const engineering = page.getByRole('region', { name: 'Engineering' });
  await expect(engineering).toContainText(/\d+ personas?/);
  await expect(engineering.getByRole('link', { name: 'Sr. Backend Engineer' })).toBeVisible();
});

test('a persona page shows its details, prompt and links', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await expect(page).toHaveTitle(/Sr\. Backend Engineer/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sr. Backend Engineer');
  await expect(page.getByText('🔧').first()).toBeAttached();
  await expect(page.getByRole('link', { name: 'Engineering' }).first()).toHaveAttribute('href', '/categories/engineering/');
  // Every tag leads to one kind of page, the search filtered by it, whether this persona has it alone or shares it.
  await expect(page.getByRole('link', { name: '#databases' })).toHaveAttribute('href', '/search/?tag=databases');
  await expect(page.getByRole('link', { name: '#python' })).toHaveAttribute('href', '/search/?tag=python');
  await expect(page.getByRole('link', { name: 'Coding' })).toHaveAttribute('href', '/affinities/coding/');
  await expect(page.getByRole('heading', { level: 2, name: 'Expertise' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Key Principles' })).toBeVisible();
});

for (const kind of ['categories', 'tags', 'affinities']) {
  test(`the ${kind} index links to listings with counts`, async ({ page }) => {
    await page.goto(siteUrl('catalog', `/${kind}/`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The first value with a page of its own (a tag of one persona links to the search).
    const first = page.getByRole('main').getByRole('listitem').getByRole('link').and(page.locator(`[href^="/${kind}/"]`)).first();
    await expect(first).toContainText(/\d+/);
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  });
}

test('unknown addresses get a helpful 404 page', async ({ page }) => {
  const response = await page.goto(siteUrl('catalog', '/personas/no-such-persona/'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that page");
  await expect(page.getByRole('link', { name: 'Browse all personas' })).toBeVisible();
});

test('every fixture persona gets a page under the subpath, with emoji decoded', async ({ page }) => {
  for (const [id, emoji] of [['emoji-zwj', '👩‍💻'], ['emoji-flag', '🇯🇵'], ['escaped-emoji', '🧭'], ['extra-fields', '🧺'], ['minimal', '✏️'], ['long-body', '📜']]) {
    const response = await page.goto(siteUrl('fixtures', `/personas/${id}/`));
    expect(response?.status(), id).toBe(200);
    await expect(page.locator('header span[aria-hidden]', { hasText: emoji }).first()).toBeAttached();
  }
  await page.goto(siteUrl('fixtures', '/categories/astronomy-lab/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Astronomy Lab');
});

test('the theme control names the theme and what a click does, goes system → light → dark → system and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(siteUrl('catalog'));
  const toggle = page.locator('[data-theme-toggle]');
  const html = page.locator('html');
  await expect(toggle).toHaveAccessibleName(/^System theme \(a click: Light theme\)$/);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName(/^Light theme \(a click: Dark theme\)$/);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName(/^Dark theme \(a click: System theme\)$/);
  await page.goto(siteUrl('catalog', '/tags/'));
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName(/^Dark theme/);
  await toggle.click();
  await expect(html).not.toHaveAttribute('data-theme', /./);
  await expect(toggle).toHaveAccessibleName(/^System theme/);
  await page.reload();
  await expect(html).not.toHaveAttribute('data-theme', /./);
});

test('the frontmatter JSON Schema is published', async ({ request }) => {
  const response = await request.get(siteUrl('catalog', '/schema/persona.schema.json'));
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.required).toEqual(['id', 'name', 'emoji', 'category', 'description']);
  expect(schema.$id).toMatch(/\/schema\/persona\.schema\.json$/);
});

test('pages carry absolute canonical URLs, share tags, a manifest and a sitemap under the subpath', async ({ page, request }) => {
  await page.goto(siteUrl('fixtures', '/personas/minimal/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', siteUrl('fixtures', '/personas/minimal/'));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'Fixture with no optional fields at all.');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', siteUrl('fixtures', '/og-default.png'));
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const manifest = await request.get(siteUrl('fixtures', '/manifest.webmanifest'));
  expect((await manifest.json()).name).toBe('Persona Atlas');
  const robots = await (await request.get(siteUrl('fixtures', '/robots.txt'))).text();
  expect(robots).toContain(`Sitemap: ${siteUrl('fixtures', '/sitemap-index.xml')}`);
  const sitemap = await (await request.get(siteUrl('fixtures', '/sitemap-0.xml'))).text();
  expect(sitemap).toContain(`<loc>${siteUrl('fixtures', '/personas/minimal/')}</loc>`);
});

for (const name of Object.keys(SITES) as SiteName[]) {
  test(`${name}: every persona page and the other page types fit a 320 px wide phone without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const ids = checkPersonas(readPersonaSources(SITES[name].personasDir)).personas.map((persona) => persona.data.id);
    const paths = [...ids.map((id) => `/personas/${id}/`), '/', '/search/?q=engineer', '/tags/', '/categories/engineering/', '/selection/'];
    test.setTimeout(30_000 + paths.length * 1_000);
    for (const path of paths) {
      await page.goto(siteUrl(name, path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

test('this project’s site carries its documentation under /docs/, grouped for readers, hosts and contributors; other catalogs do not', async ({ page, request }) => {
  await page.goto(siteUrl('catalog'));
  await page.getByRole('contentinfo').getByRole('link', { name: 'Documentation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documentation');
  const article = page.getByRole('article');
  for (const group of ['Browse and install personas', 'Host a catalog', 'Contribute']) await expect(article.getByRole('heading', { level: 2, name: group })).toBeVisible();
  await article.getByRole('link', { name: 'A catalog without a fork' }).click();
  await expect(page).toHaveURL(siteUrl('catalog', '/docs/quick-start/'));
  await expect(page.getByRole('main').getByText('npx persona-atlas init').first()).toBeVisible();
  for (const slug of ['settings', 'deploying', 'languages', 'import', 'performance', 'command-line', 'mcp-server', 'contributing']) {
    expect((await request.get(siteUrl('catalog', `/docs/${slug}/`))).status(), slug).toBe(200);
  }
  expect((await request.get(siteUrl('fixtures', '/docs/'))).status()).toBe(404);
  await page.goto(siteUrl('fixtures'));
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Documentation' })).toHaveCount(0);
});
