// npm run audit: Lighthouse (mobile) on the home, a persona and the search
// page of a fresh build, served with its _headers and gzip; fails below 100.
// Scores are the median of RUNS runs, as Lighthouse advises for noisy machines.
import { mkdirSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildSite } from '../tests/e2e/support/build.ts';
import { serveStatic } from '../tests/e2e/support/staticServer.ts';

const PORT = 4420;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT_DIR = '.cache/audit';
const PAGES = ['/', '/personas/sr-backend/', '/search/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync('.cache', { recursive: true });
const build = buildSite({ OUT_DIR, SITE_URL: ORIGIN, BASE_PATH: '/' });
if (build.status !== 0) throw new Error(build.output);

const server = await serveStatic(OUT_DIR, PORT);
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failed = false;
try {
  console.log(`| page | ${CATEGORIES.join(' | ')} |\n| --- | ${CATEGORIES.map(() => '---').join(' | ')} |`);
  for (const path of PAGES) {
    const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${ORIGIN}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      runs.push(result!.lhr);
    }
    const scores = CATEGORIES.map((id) => median(runs.map((lhr) => Math.round((lhr.categories[id].score ?? 0) * 100))));
    console.log(`| ${path} | ${scores.join(' | ')} |`);
    if (scores.some((score) => score < 100)) {
      failed = true;
      const worst = runs.reduce((a, b) => ((a.categories.performance.score ?? 0) <= (b.categories.performance.score ?? 0) ? a : b));
      for (const audit of Object.values(worst.audits)) {
        if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable') {
          console.log(`    ${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exitCode = failed ? 1 : 0;
