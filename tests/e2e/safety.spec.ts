import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites.ts';

test('a hostile body runs nothing, loads nothing and shows as text', async ({ page }) => {
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(siteUrl('fixtures', '/personas/hostile/'));
  await page.waitForLoadState('networkidle');

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(requests.filter((url) => url.includes('pixel.png') || url.includes('/steal'))).toEqual([]);

  const prompt = page.locator('.prompt');
  await expect(prompt).toBeVisible();
  expect(await prompt.locator('script, iframe, img, svg, style, details, [onerror], [onload]').count()).toBe(0);
  expect(await prompt.locator('a[href^="javascript:" i]').count()).toBe(0);
  await expect(prompt).toContainText("<script>alert('script tag')</script>");
  await expect(prompt).toContainText('import Danger from');
  await expect(prompt).toContainText("{alert('expression')} <Component prop={1} />");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hostile Body <script>alert("name")</script>');
});
