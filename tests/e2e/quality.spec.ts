import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { SITES, siteUrl, type SiteName } from './support/sites.ts';

// Quality gates on every built site: the catalog at the domain root, the
// fixtures under /atlas as a GitHub Pages project site would be, and a
// collection of other formats built as published.
const SITE_NAMES = Object.keys(SITES) as SiteName[];

const PAGES: Record<SiteName, string[]> = {
  catalog: ['/', '/categories/engineering/', '/personas/sr-backend/', '/search/?q=kafka', '/selection/', '/no-such-page/', '/guide/', '/guide/coding-agents/', '/ar/personas/fitness-coach/', '/ja/guide/ide-assistants/'],
  languages: ['/', '/personas/travel-planner/', '/categories/travel/', '/selection/', '/no-such-page/', '/de/', '/de/personas/travel-planner/', '/ja/categories/engineering/', '/ar/', '/ar/personas/travel-planner/', '/ar/search/?q=رحلات', '/ar/selection/'],
  languagesAtRoot: ['/ar/', '/ar/personas/travel-planner/', '/ja/', '/de/search/?q=Reiseplaner', '/ar/guide/api-formats/'],
  collection: ['/', '/categories/core-development/', '/personas/api-reviewer/', '/personas/tea-sommelier/', '/search/?q=haiku', '/selection/', '/no-such-page/'],
  fabricPatterns: ['/', '/personas/summarize-field-notes/'],
  claudeMarketplace: ['/', '/personas/security-auditor-2/', '/categories/code-quality/'],
  manyLanguages: ['/', '/de-DE/personas/bread-baker/', '/zh-TW/'],
  lobehubRepository: ['/', '/personas/tide-chart-reader/', '/de-DE/personas/tide-chart-reader/', '/zh-CN/'],
  agencyDivisions: ['/', '/personas/query-tuner/'],
  fixtures: ['/', '/categories/writing/', '/personas/tricky-whitespace/', '/personas/zero-width-allowed/', '/personas/with-licence/', '/personas/code-blocks/', '/personas/wide-content/', '/personas/fill-in/', '/search/?q=alert', '/selection/', '/no-such-page/'],
};

for (const name of SITE_NAMES) {
  test(`${name}: no broken internal links`, async () => {
    const site = siteUrl(name, '/');
    // Links a persona's prompt makes to the outside world are its author's business.
    const linksToSkip = async (link: string) => !link.startsWith(site);
    const result = await new LinkChecker().check({ path: site, recurse: true, concurrency: 25, linksToSkip });
    const broken = result.links.filter((link) => link.state === 'BROKEN');
    expect(broken.map((link) => `${link.url} (on ${link.parent}): ${link.status}`)).toEqual([]);
    expect(result.links.length).toBeGreaterThan(20);
    console.log(`${name}: ${result.links.length} links checked, ${broken.length} broken`);
  });

  test(`${name}: every page is valid HTML`, async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const root = SITES[name].outDir;
    const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    // The shipped catalog has close to a thousand pages in four languages: time grows with them.
    test.setTimeout(30_000 + pages.length * 150);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(root, page));
      for (const message of report.results.flatMap((result) => result.messages)) {
        errors.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
    console.log(`${name}: ${pages.length} pages validated, ${errors.length} errors`);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${name}: no axe violations in the ${colorScheme} theme`, async ({ page }) => {
      test.setTimeout(PAGES[name].length * 8_000);
      await page.emulateMedia({ colorScheme });
      // A set with one persona, so toggles show both states and the set page lists something.
      const setKey = `persona-atlas:set:${SITES[name].base.replace(/\/?$/, '/')}`;
      await page.addInitScript((key) => localStorage.setItem(key, '["sr-backend"]'), setKey);
      for (const path of PAGES[name]) {
        await page.goto(siteUrl(name, path));
        if (path.startsWith('/search/') || path === '/selection/') await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).analyze();
        console.log(`${name} ${colorScheme} ${path}: ${violations.length} axe violations`);
        expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });
  }
}
