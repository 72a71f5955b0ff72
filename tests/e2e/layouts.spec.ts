import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPersonaFolder } from '../../src/lib/persona/personaCheck.ts';
import { cli } from './support/cli.ts';
import { SITES, siteUrl } from './support/sites.ts';

// A LobeHub agents repository built as its owners publish it: one persona per
// agent, its translations as pages, search and API in each language.

const DIR = SITES.lobehubRepository.personasDir;
const agent = (path: string) => JSON.parse(readFileSync(join(DIR, path), 'utf8'));

test('each agent has one page, its translations pages of their own, and nothing else of the repository becomes a persona', async ({ page, request }) => {
  const index = await (await request.get(siteUrl('lobehubRepository', '/api/personas.json'))).json();
  expect(index.languages).toEqual(['en', 'de-DE', 'ja-JP', 'zh-CN']);
  expect(index.personas.map((p: { id: string }) => p.id)).toEqual(['kettle-whisperer', 'tide-chart-reader']);
  expect(index.personas[1].translations.map((t: { lang: string }) => t.lang)).toEqual(['de-DE', 'ja-JP']);

  await page.goto(siteUrl('lobehubRepository', '/de-DE/personas/tide-chart-reader/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gezeitenleser');
  await page.getByRole('button', { name: 'Prompt kopieren' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(agent('locales/tide-chart-reader/index.de-DE.json').config.systemRole);

  const english = await (await request.get(siteUrl('lobehubRepository', '/api/personas/kettle-whisperer.json'))).json();
  expect(english).toMatchObject({ name: 'Kettle Whisperer', category: 'life', prompt: agent('locales/kettle-whisperer/index.json').config.systemRole });
  const chinese = await (await request.get(siteUrl('lobehubRepository', '/zh-CN/api/personas/kettle-whisperer.json'))).json();
  expect(chinese).toMatchObject({ lang: 'zh-CN', name: '泡茶顾问', category: 'life', prompt: agent('locales/kettle-whisperer/index.zh-CN.json').config.systemRole });
});

test('the catalog’s command line finds a translation by its own words', () => {
  const found = cli(['search', 'Gezeitentafeln', '--lang', 'de-DE', '--catalog', siteUrl('lobehubRepository', '/')]);
  expect(found.status, found.stderr).toBe(0);
  expect(found.text).toContain('tide-chart-reader');
});

// Fabric's patterns and a plugin marketplace, built as published: every persona the reading gives has its page, and its JSON holds its source's prompt byte for byte.
for (const name of ['fabricPatterns', 'claudeMarketplace'] as const) {
  test(`${name}: every persona has a page, and its prompt is its source file's, byte for byte`, async ({ request }) => {
    const { personas } = checkPersonaFolder(SITES[name].personasDir);
    const index = await (await request.get(siteUrl(name, '/api/personas.json'))).json();
    expect(index.personas.map((p: { id: string }) => p.id)).toEqual(personas.map((p) => p.data.id).sort());
    for (const persona of personas) {
      expect((await request.get(siteUrl(name, `/personas/${persona.data.id}/`))).status(), persona.data.id).toBe(200);
      const json = await (await request.get(siteUrl(name, `/api/personas/${persona.data.id}.json`))).json();
      const source = readFileSync(persona.file, 'utf8');
      // Fabric: system.md is the prompt; a subagent or skill: its body after the frontmatter.
      expect(json.prompt, persona.data.id).toBe(name === 'fabricPatterns' ? source : source.slice(source.indexOf('\n---', 3) + 5));
    }
  });
}

test('a collection laid out by division folders builds as published: its three agents, and nothing of its scripts, notes or examples', async ({ request }) => {
  const index = await (await request.get(siteUrl('agencyDivisions', '/api/personas.json'))).json();
  expect(index.personas.map((p: { id: string }) => p.id)).toEqual(['contrast-checker', 'query-tuner', 'query-tuner-with-memory']);
  expect((await request.get(siteUrl('agencyDivisions', '/personas/query-tuner/'))).status()).toBe(200);
});
