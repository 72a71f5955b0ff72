import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites.ts';

const firstOption = (page: Page) => page.getByRole('listbox', { name: 'Matching personas' }).getByRole('option').first();

async function typeInHeader(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Search personas' });
  await box.fill(text);
  await expect(page.getByRole('listbox', { name: 'Matching personas' })).toBeVisible();
  return box;
}

for (const term of ['kafka', 'idempotency']) {
  test(`searching "${term}" lists the seed persona first`, async ({ page }) => {
    await page.goto(siteUrl('fixtures'));
    await typeInHeader(page, term);
    await expect(firstOption(page)).toContainText('Sr. Backend Engineer');
  });
}

test("searching a persona's exact name lists it first", async ({ page }) => {
  await page.goto(siteUrl('catalog'));
  await typeInHeader(page, 'Threat Modeler');
  await expect(firstOption(page)).toContainText('Threat Modeler');
  await expect(firstOption(page)).toContainText('Security');
});

test('the header search is keyboard driven: slash, arrows, Escape, Enter', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/tags/'));
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search personas' });
  await expect(box).toBeFocused();
  await page.keyboard.type('engineer');
  await expect(firstOption(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /personas? found/ })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(firstOption(page)).toHaveAttribute('aria-selected', 'true');
  const name = await firstOption(page).locator('.font-medium').textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);
});

test('Control+K focuses the search box from anywhere', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await page.getByRole('button', { name: 'Copy prompt' }).focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search personas' })).toBeFocused();
});

test('a persona page loads no search files until the user searches', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => url.includes('/pagefind/'))).toEqual([]);
  await typeInHeader(page, 'kafka');
  expect(requested.some((url) => url.includes('/pagefind/'))).toBe(true);
});

test('the search page keeps query and filters in the URL, across reload and back', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/search/'));
  // An empty search lists every persona; the words then narrow it.
  const status = page.getByRole('status').filter({ hasText: 'found' });
  await expect(status).toHaveText(/^\d+ personas found$/);
  const everyone = await status.textContent();
  await page.getByLabel('Words to find').fill('security');
  await expect(status).not.toHaveText(everyone!);
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  const unfiltered = await page.getByRole('main').getByRole('listitem').count();
  await page.getByLabel('Category').selectOption('legal');
  await expect(page).toHaveURL(/[?&]category=legal/);
  await expect(page).toHaveURL(/[?&]q=security/);
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('Legal');
  const filtered = await page.getByRole('main').getByRole('listitem').count();
  expect(filtered).toBeLessThan(unfiltered);

  await page.reload();
  await expect(page.getByLabel('Words to find')).toHaveValue('security');
  await expect(page.getByLabel('Category')).toHaveValue('legal');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(filtered);

  await page.goBack();
  await expect(page.getByLabel('Category')).toHaveValue('');
});

test('filters alone browse the catalog without any words', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/search/?affinity=teaching'));
  const items = page.getByRole('main').getByRole('listitem');
  await expect(items.first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText(/^3 personas found$/);
  await page.getByLabel('Category').selectOption('education');
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText(/^3 personas found$/);
  await page.getByLabel('Tag').selectOption('calculus');
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText('1 persona found');
  await expect(items.first()).toContainText('Math Tutor');
});

test('search works under a subpath and never runs a hostile body', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(siteUrl('fixtures', '/search/?q=alert'));
  const first = page.getByRole('main').getByRole('listitem').first();
  await expect(first).toContainText('Hostile Body');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(siteUrl('fixtures', '/personas/hostile/'));
  expect(dialogs).toEqual([]);
});

test('without JavaScript the search page says so and links to browsing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl('catalog', '/search/'));
  await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'category' })).toBeVisible();
  await context.close();
});

test('once loaded, visited pages and earlier searches work offline', async ({ page, context }) => {
  await page.goto(siteUrl('fixtures', '/search/'));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.getByLabel('Words to find').fill('kafka');
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('Sr. Backend Engineer');
  await page.goto(siteUrl('fixtures', '/personas/minimal/'));

  await context.setOffline(true);
  await page.goto(siteUrl('fixtures', '/search/?q=kafka'));
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('Sr. Backend Engineer');
  await page.goto(siteUrl('fixtures', '/personas/minimal/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Minimal');
  await context.setOffline(false);
});

test('header results are real links: Ctrl-click opens the persona in a new tab and leaves this page as it was', async ({ page, context }) => {
  await page.goto(siteUrl('fixtures', '/tags/'));
  await typeInHeader(page, 'kafka');
  const option = firstOption(page);
  await expect(option).toHaveAttribute('href', '/atlas/personas/sr-backend/');
  const { violations } = await new AxeBuilder({ page }).include('[data-search-box]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  const opened = context.waitForEvent('page');
  await option.click({ modifiers: ['Control'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toBe(siteUrl('fixtures', '/personas/sr-backend/'));
  expect(page.url()).toBe(siteUrl('fixtures', '/tags/'));
  await option.click();
  await expect(page).toHaveURL(siteUrl('fixtures', '/personas/sr-backend/'));
});
