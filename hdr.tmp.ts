import { chromium } from 'playwright';
import { serveStatic } from './tests/e2e/support/staticServer.ts';
const cat = await serveStatic('/tmp/cat-site', 4422, '/');
const lang = await serveStatic('/tmp/lang-site', 4423, '/atlas');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const urls = { en: 'http://127.0.0.1:4422/personas/sr-backend/', 'lang-en': 'http://127.0.0.1:4423/atlas/personas/travel-planner/', de: 'http://127.0.0.1:4423/atlas/de/personas/travel-planner/', ja: 'http://127.0.0.1:4423/atlas/ja/personas/travel-planner/', ar: 'http://127.0.0.1:4423/atlas/ar/personas/travel-planner/' };
for (const width of [1024, 1280, 375]) for (const [name, url] of Object.entries(urls)) {
  const page = await browser.newPage({ viewport: { width, height: 740 }, hasTouch: width < 500, isMobile: width < 500 });
  await page.goto(url);
  const box = await page.locator('body > header, header').first().boundingBox();
  console.log(width, name, Math.round(box!.height));
  if (process.argv[2] === 'shot') await page.locator('header').first().screenshot({ path: `/tmp/hdr-${width}-${name}.png` });
  await page.close();
}
await browser.close(); cat.close(); lang.close();
