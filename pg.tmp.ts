import { chromium } from 'playwright';
import { serveStatic } from './tests/e2e/support/staticServer.ts';
const cat = await serveStatic('/tmp/cat-site', 4422, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[375, 740], [1280, 900]]) for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme, hasTouch: w < 500, isMobile: w < 500 });
  await page.goto('http://127.0.0.1:4422/personas/sr-backend/');
  const copy = await page.getByRole('button', { name: 'Copy prompt' }).boundingBox();
  const install = await page.getByRole('link', { name: 'Install' }).boundingBox();
  await page.screenshot({ path: `/tmp/pg-${w}-${scheme}.png` });
  const prompt = await page.locator('[data-prompt]').boundingBox();
  await page.mouse.wheel(0, prompt!.y + prompt!.height / 2 - 300);
  await page.waitForTimeout(300);
  const copy2 = await page.getByRole('button', { name: 'Copy prompt' }).boundingBox();
  await page.screenshot({ path: `/tmp/pg-${w}-${scheme}-scrolled.png` });
  await page.getByRole('button', { name: 'Markdown' }).click();
  const md = await page.locator('[data-prompt-source]').textContent();
  console.log(w, scheme, 'copy y', Math.round(copy!.y), 'install y', Math.round(install!.y), 'after scroll copy y', Math.round(copy2!.y), 'page h', await page.evaluate(() => document.body.scrollHeight), 'md len', md?.length);
  await page.close();
}
await browser.close(); cat.close();
