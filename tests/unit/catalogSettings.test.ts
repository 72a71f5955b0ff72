import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
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
