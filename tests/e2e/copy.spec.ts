import { expect, test, type Page } from '@playwright/test';
import { promptOf } from './support/personaFiles.ts';
import { siteUrl } from './support/sites.ts';

async function copyAndRead(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Prompt copied' })).toHaveText('Prompt copied to the clipboard.');
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('copying the seed persona yields its body byte for byte', async ({ page }) => {
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  expect(await copyAndRead(page)).toBe(promptOf('personas/sr-backend.md'));
});

for (const id of ['tricky-whitespace', 'hostile', 'long-body', 'emoji-flag', 'zero-width-allowed']) {
  test(`copying ${id} yields its body byte for byte`, async ({ page }) => {
    await page.goto(siteUrl('fixtures', `/personas/${id}/`));
    expect(await copyAndRead(page)).toBe(promptOf(`tests/fixtures/catalog/${id}.md`));
  });
}

test('without the async Clipboard API, copying falls back and still succeeds', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await page.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Prompt copied' })).toHaveText('Prompt copied to the clipboard.');
});

test('when the clipboard is denied, the prompt is selected and the user is told', async ({ page }) => {
  await page.addInitScript(() => {
    const denied = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    navigator.clipboard.writeText = denied;
    navigator.clipboard.write = denied;
  });
  await page.goto(siteUrl('catalog', '/personas/sr-backend/'));
  await page.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'press Ctrl+C' })).toContainText('The prompt is selected below');
  const fallback = page.getByRole('textbox', { name: 'Prompt text, selected for copying' });
  await expect(fallback).toBeVisible();
  await expect(fallback).toBeFocused();
  const selected = await fallback.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
  expect(selected).toBe(promptOf('personas/sr-backend.md'));
});

test('invisible characters that passed the check are shown as marks with their code points, and copied exactly', async ({ page }) => {
  await page.goto(siteUrl('fixtures', '/personas/zero-width-allowed/'));
  await expect(page.locator('[data-hidden-characters]')).toContainText('This prompt holds 2 invisible characters (U+200B)');
  const mark = page.locator('[data-prompt] mark.hidden-char');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-code-points', 'U+200B U+200B');
  // The mark's text is the characters themselves: the code point is drawn by the stylesheet, never copied.
  expect(await mark.evaluate((element) => element.textContent)).toBe('\u200B\u200B');
  expect(await mark.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('"U+200B U+200B"');
  await page.goto(siteUrl('fixtures', '/personas/tricky-whitespace/'));
  await expect(page.locator('[data-hidden-characters]')).toContainText('This prompt holds 1 invisible character (U+200B)');
});
