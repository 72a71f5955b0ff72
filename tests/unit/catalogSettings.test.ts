import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { facetLabel } from '../../src/lib/catalog/catalog.ts';
import { readCatalogSettings } from '../../src/lib/site/catalogSettings.ts';
import { siteConfigFromEnv } from '../../src/lib/site/siteConfig.ts';

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

test('without a settings file a catalog has the defaults', () => {
  const { settings, problems } = readCatalogSettings(folder({}));
  assert.deepEqual(problems, []);
  assert.equal(settings.title, 'Persona Atlas');
  assert.deepEqual(settings.categories, {});
  assert.equal(settings.lint.recommendedSections && settings.lint.recommendedSections.headings.length, 4);
});

test('persona-atlas.json sets title, tagline, categories and lint; the environment wins for title and tagline', () => {
  const dir = folder({ 'persona-atlas.json': JSON.stringify({ title: 'Team Prompts', tagline: 'Ours.', categories: { ops: { emoji: '🛠️', order: 2 } }, lint: { recommendedSections: false } }) });
  const { settings } = readCatalogSettings(dir);
  assert.equal(settings.title, 'Team Prompts');
  assert.equal(settings.lint.recommendedSections, false);
  assert.equal(settings.categories.ops.emoji, '🛠️');
  assert.equal(siteConfigFromEnv({ PERSONAS_DIR: dir }).title, 'Team Prompts');
  assert.equal(siteConfigFromEnv({ PERSONAS_DIR: dir, SITE_TITLE: 'From the environment' }).title, 'From the environment');
});

test('errors name the file, line and key', () => {
  const dir = folder({ 'persona-atlas.json': '{\n  "title": "x",\n  "categories": {\n    "Not A Slug": {},\n    "ops": { "emoji": "fire" }\n  },\n  "colour": 1\n}\n' });
  const lines = readCatalogSettings(dir, 'catalog').problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.key}  ${p.message}`);
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.ok(lines.includes('catalog/persona-atlas.json:4:5  categories.Not A Slug  must be a slug: lowercase letters, digits and hyphens'), lines.join('\n'));
  assert.ok(lines.some((line) => /persona-atlas\.json:5:\d+ {2}categories\.ops\.emoji {2}must be a single emoji/.test(line)), lines.join('\n'));
  assert.ok(lines.some((line) => /persona-atlas\.json:\d+:\d+ {2}settings {2}unknown key "colour"/.test(line)), lines.join('\n'));
  const [broken] = readCatalogSettings(folder({ 'persona-atlas.json': '{\n  "title": \n}' }), 'catalog').problems;
  assert.equal(broken.file, 'catalog/persona-atlas.json');
  assert.match(broken.message, /^is not valid JSON/);
});

test('persona-lint.json is still read when persona-atlas.json has no lint settings', () => {
  const { settings } = readCatalogSettings(folder({ 'persona-lint.json': '{ "recommendedSections": { "headings": ["Role"] } }' }));
  assert.deepEqual(settings.lint.recommendedSections, { openingParagraph: true, headings: ['Role'] });
});

test('categories and worker affinities are named per language; a page in German, Japanese or Arabic names common ones itself, a catalog’s own label comes first', () => {
  const dir = folder({
    'persona-atlas.json': JSON.stringify({
      categories: { data: { label: 'Data Science' }, ops: { labels: { de: 'Betriebsführung' } } },
      affinities: { triage: { label: 'Triage', labels: { ja: 'トリアージ' } } },
    }),
  });
  const { settings, problems } = readCatalogSettings(dir);
  assert.deepEqual(problems, []);
  // The catalog's own names: per language, else its label (kept over a shipped word for the same slug).
  assert.equal(facetLabel('categories', 'ops', settings, 'de'), 'Betriebsführung');
  assert.equal(facetLabel('categories', 'data', settings, 'de'), 'Data Science');
  assert.equal(facetLabel('affinities', 'triage', settings, 'ja'), 'トリアージ');
  assert.equal(facetLabel('affinities', 'triage', settings, 'de'), 'Triage');
  // Common slugs the catalog does not name: the interface's words, German for de-AT too; else the slug in title case.
  assert.equal(facetLabel('categories', 'engineering', settings, 'de-AT'), 'Technik');
  assert.equal(facetLabel('affinities', 'coding', settings, 'ar'), 'البرمجة');
  assert.equal(facetLabel('categories', 'engineering', settings, 'en'), 'Engineering');
  assert.equal(facetLabel('categories', 'underwater-basketry', settings, 'ja'), 'Underwater Basketry');
  // A tag is its slug, never title-cased ("Ci Cd").
  assert.equal(facetLabel('tags', 'ci-cd', settings, 'de'), '#ci-cd');
  const [problem] = readCatalogSettings(folder({ 'persona-atlas.json': JSON.stringify({ affinities: { coding: { labels: { 'not a language': 'x' } } } }) }), 'catalog').problems;
  assert.match(`${problem.key}: ${problem.message}`, /^affinities\.coding\.labels.*language code/);
});
