// What a visitor's browser downloads and how fast search answers, measured in Chromium.
import { chromium, type Page } from '@playwright/test';
import { gzipBytes } from './distStats.ts';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Bytes on the wire if the host compresses text (Pagefind's own files are already compressed). */
function wireBytes(url: string, body: Buffer): number {
  return /\.(html|css|js|json|svg|xml|txt|md|webmanifest)(\?|$)/.test(url) || url.endsWith('/') ? gzipBytes(body) : body.length;
}

async function collect(page: Page, filter: (url: string) => boolean) {
  const bytes: Record<string, number> = {};
  page.on('response', async (response) => {
    const url = response.url();
    if (!filter(url) || response.status() !== 200) return;
    try {
      bytes[url] = wireBytes(url, await response.body());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return bytes;
}

export interface PersonaPageLoad {
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  totalGzip: number;
}

export interface SearchMeasurement {
  firstQueryBytes: number;
  firstQueryMs: number;
  warmMedianMs: number;
  queries: { query: string; ms: number }[];
}

export async function measureInBrowser(personaUrl: string, queries: string[]): Promise<{ page: PersonaPageLoad; search: SearchMeasurement }> {
  const browser = await chromium.launch(LAUNCH);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const loaded = await collect(page, () => true);
    await page.goto(personaUrl, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const sum = (pattern: RegExp) => Object.entries(loaded).filter(([url]) => pattern.test(url)).reduce((total, [, size]) => total + size, 0);
    const pageLoad = { htmlGzip: sum(/\/$/), cssGzip: sum(/\.css$/), jsGzip: sum(/\.m?js$/), totalGzip: 0 };
    pageLoad.totalGzip = Object.values(loaded).reduce((a, b) => a + b, 0);

    const searchBytes = await collect(page, (url) => url.includes('/pagefind/'));
    const timings: { query: string; ms: number }[] = [];
    let firstQueryBytes = 0;
    for (const query of queries) {
      const ms = await page.evaluate(async (text) => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        const list = document.querySelector('#site-search-options')!;
        input.value = '';
        list.replaceChildren();
        input.focus();
        return new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!list.children.length) return;
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          });
          observer.observe(list, { childList: true });
          const start = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, query);
      timings.push({ query, ms: Math.round(ms) });
      if (timings.length === 1) {
        await page.waitForTimeout(500);
        firstQueryBytes = Object.values(searchBytes).reduce((a, b) => a + b, 0);
      }
    }
    const warm = timings.slice(1).map((t) => t.ms).sort((a, b) => a - b);
    return {
      page: pageLoad,
      search: {
        firstQueryBytes,
        firstQueryMs: timings[0].ms,
        warmMedianMs: warm[Math.floor(warm.length / 2)],
        queries: timings,
      },
    };
  } finally {
    await browser.close();
  }
}
