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
  /** Each query typed as the first one on a fresh persona page: bytes and time until results show. */
  firstQueries: { query: string; bytes: number; ms: number }[];
  firstQueryBytesMedian: number;
  firstQueryBytesMax: number;
  firstQueryMsMedian: number;
  /** Later queries on a page whose search engine is loaded: keystroke to first result painted. */
  warmMedianMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Types a query into the header search box; resolves with ms until the first result is painted. */
function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#site-search')!;
    const list = document.querySelector('#site-search-options')!;
    input.value = '';
    list.replaceChildren();
    input.focus();
    return new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!list.children.length) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(performance.now() - start))));
      });
      observer.observe(list, { childList: true });
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }, query);
}

export async function measureInBrowser(personaUrl: string, queries: string[]): Promise<{ page: PersonaPageLoad; search: SearchMeasurement }> {
  const browser = await chromium.launch(LAUNCH);
  try {
    const open = async () => {
      const page = await (await browser.newContext()).newPage();
      const loaded = await collect(page, () => true);
      await page.goto(personaUrl, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      return { page, loaded };
    };

    const { loaded } = await open();
    const sum = (pattern: RegExp) => Object.entries(loaded).filter(([url]) => pattern.test(url)).reduce((total, [, size]) => total + size, 0);
    const pageLoad = { htmlGzip: sum(/\/$/), cssGzip: sum(/\.css$/), jsGzip: sum(/\.m?js$/), totalGzip: sum(/./) };

    const firstQueries = [];
    for (const query of queries) {
      const { page } = await open();
      const bytes = await collect(page, (url) => url.includes('/pagefind/'));
      const ms = await timeQuery(page, query);
      await page.waitForTimeout(500);
      firstQueries.push({ query, ms, bytes: Object.values(bytes).reduce((a, b) => a + b, 0) });
      await page.context().close();
    }

    const { page } = await open();
    await timeQuery(page, queries[0]);
    const warm = [];
    for (const query of queries.slice(1)) warm.push(await timeQuery(page, query));

    return {
      page: pageLoad,
      search: {
        firstQueries,
        firstQueryBytesMedian: median(firstQueries.map((q) => q.bytes)),
        firstQueryBytesMax: Math.max(...firstQueries.map((q) => q.bytes)),
        firstQueryMsMedian: median(firstQueries.map((q) => q.ms)),
        warmMedianMs: median(warm),
      },
    };
  } finally {
    await browser.close();
  }
}
