import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { promptOf } from './support/personaFiles.ts';
import { siteUrl } from './support/sites.ts';

/** The text of each fenced block in a persona file, exactly as written. */
function fencedBlocks(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^```[^\n]*\n([\s\S]*?)\n```$/gm)].map((match) => match[1]);
}

function cspProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

test('code blocks are highlighted in both themes and each copy button copies its block exactly, with the CSP enforced', async ({ page }) => {
  const problems = cspProblems(page);
  await page.goto(siteUrl('fixtures', '/personas/code-blocks/'));
  const blocks = fencedBlocks('tests/fixtures/catalog/code-blocks.md');
  const regions = page.getByRole('region', { name: /^Code block \d/ });
  await expect(regions).toHaveCount(blocks.length);

  const keyword = page.locator('pre code.language-python span', { hasText: 'def' }).first();
  const light = await keyword.evaluate((span) => getComputedStyle(span).color);
  const plain = await page.locator('pre code.language-python').evaluate((code) => getComputedStyle(code).color);
  expect(light).not.toBe(plain);
  // System, then light, then dark.
  await page.locator('[data-theme-toggle]').click();
  await page.locator('[data-theme-toggle]').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await keyword.evaluate((span) => getComputedStyle(span).color);
  expect(dark).not.toBe(light);

  for (const [index, block] of blocks.entries()) {
    await page.getByRole('button', { name: `Copy code block ${index + 1}`, exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText()), `block ${index + 1}`).toBe(block);
  }
  const scroller = regions.first().locator('pre');
  await scroller.focus();
  await expect(scroller).toBeFocused();
  expect(problems).toEqual([]);
});

test('wide tables scroll inside their own focusable region', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(siteUrl('fixtures', '/personas/wide-content/'));
  const table = page.getByRole('region', { name: 'Table 1' });
  await expect(table).toBeVisible();
  const { scrollWidth, clientWidth } = await table.evaluate((box) => ({ scrollWidth: box.scrollWidth, clientWidth: box.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await table.focus();
  await expect(table).toBeFocused();
});

test('fill-in variables: a field per variable, a live preview, and copies of the filled and the original prompt', async ({ page }) => {
  await page.goto(siteUrl('fixtures', '/personas/fill-in/'));
  const original = promptOf('tests/fixtures/catalog/fill-in.md');
  const fields = page.getByRole('group', { name: 'Fill in the blanks' });
  await expect(fields.getByRole('textbox')).toHaveCount(3);
  await expect(fields.getByLabel('recipient')).toHaveValue('');
  await expect(fields.getByLabel('sender')).toHaveValue('the team');
  await expect(fields.getByLabel('tone')).toHaveValue('warm');

  const prompt = page.locator('[data-prompt]');
  await expect(prompt.locator('mark[data-var="recipient"]').first()).toHaveText('{{recipient}}');
  await expect(prompt.locator('mark[data-var="sender"]')).toHaveText('the team');
  await fields.getByLabel('recipient').fill('Ms. Ōkubo');
  await expect(prompt.locator('mark[data-var="recipient"]')).toHaveText(['Ms. Ōkubo', 'Ms. Ōkubo']);
  await expect(prompt.locator('code').first()).toHaveText('{{this}}');
  await fields.getByLabel('tone').fill('');

  await page.getByRole('button', { name: 'Copy prompt' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    // An emptied field leaves its placeholder as written; code stays literal.
    original.replace('to {{recipient}}', 'to Ms. Ōkubo').replace('mention {{recipient}}', 'mention Ms. Ōkubo').replace('{{sender:the team}}', 'the team'),
  );
  // The original comes byte for byte from the persona's JSON, fetched on the click.
  await page.getByRole('button', { name: 'Copy original' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(original);

  const api = await (await page.request.get(siteUrl('fixtures', '/api/personas/fill-in.json'))).json();
  expect(api.variables).toEqual([
    { name: 'recipient', default: '' },
    { name: 'sender', default: 'the team' },
    { name: 'tone', default: 'warm' },
  ]);
});
