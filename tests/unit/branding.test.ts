import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { checkPersonaFolder } from '../../src/lib/persona/personaCheck.ts';
import { accentStylesheet, contrastOn, derivedDarkAccent, MIN_CONTRAST, THEME_BACKGROUNDS } from '../../src/lib/site/brand.ts';
import { readCatalogSettings, settingsJsonSchema } from '../../src/lib/site/catalogSettings.ts';

const folderWith = (settings: object) => {
  const dir = mkdtempSync(join(tmpdir(), 'brand-'));
  writeFileSync(join(dir, 'persona-atlas.json'), JSON.stringify(settings, null, 2));
  return dir;
};

test('the contrast rule knows the backgrounds the stylesheet paints', () => {
  const css = readFileSync('src/styles/global.css', 'utf8');
  assert.ok(css.includes(`--bg: light-dark(${THEME_BACKGROUNDS.light[0]}, ${THEME_BACKGROUNDS.dark[0]});`));
  assert.ok(css.includes(`--surface: light-dark(${THEME_BACKGROUNDS.light[1]}, ${THEME_BACKGROUNDS.dark[1]});`));
});

test('an accent below 4.5:1 on its theme’s background is an error naming the ratio; a readable one passes', () => {
  const { problems } = readCatalogSettings(folderWith({ accentColor: '#f5a524', accentColorDark: '#1e3a8a' }));
  assert.deepEqual(problems.map((p) => p.key), ['accentColor', 'accentColorDark']);
  assert.match(problems[0].message, /#f5a524 has 1\.\d\d:1 contrast on the light theme's background .*need 4\.5:1/);
  assert.match(problems[1].message, /#1e3a8a has 1\.\d\d:1 contrast on the dark theme's background/);
  assert.deepEqual(readCatalogSettings(folderWith({ accentColor: 'rgb(15 118 110)', accentColorDark: 'oklch(0.8 0.1 180)' })).problems, []);
  assert.match(readCatalogSettings(folderWith({ accentColor: 'tealish' })).problems[0].message, /is not a CSS colour/);
});

test('the dark accent derived from the light one keeps its hue and reaches 4.5:1 on the dark backgrounds', () => {
  for (const light of ['#0f766e', '#4338ca', '#b91c1c', '#000000']) {
    const dark = derivedDarkAccent(light);
    assert.ok(contrastOn(dark, 'dark') >= MIN_CONTRAST, `${light} → ${dark}`);
  }
  assert.match(accentStylesheet('#0f766e'), /--accent: light-dark\(#0f766e, #[0-9a-f]{6}\)/);
});

test('logo, links and editUrl are checked: an emoji or an image file beside the settings, http(s) URLs only', () => {
  const dir = folderWith({ logo: '../secret.png', links: [{ label: 'Run', url: 'javascript:alert(1)' }], editUrl: 'file:///etc/' });
  assert.deepEqual(readCatalogSettings(dir).problems.map((p) => p.key), ['logo', 'links.0.url', 'editUrl']);
  assert.match(readCatalogSettings(folderWith({ logo: 'logo.svg' })).problems[0].message, /no file logo\.svg beside persona-atlas\.json/);
  assert.deepEqual(readCatalogSettings(folderWith({ logo: '⚓', links: [{ label: 'Code', url: 'https://example.org/' }] })).problems, []);
  const dotted = folderWith({ logo: './logo.svg' });
  writeFileSync(join(dotted, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  assert.equal(readCatalogSettings(dotted).settings.logo, 'logo.svg');
  const properties = (settingsJsonSchema('x') as { properties: Record<string, unknown> }).properties;
  for (const key of ['logo', 'accentColor', 'accentColorDark', 'links', 'editUrl']) assert.ok(key in properties, key);
});

test('pages/, the logo, tooling files and a site built inside the collection are counted as project files, never read as personas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'project-'));
  cpSync('tests/fixtures/branded', dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  mkdirSync(join(dir, 'dist/api'), { recursive: true });
  writeFileSync(join(dir, 'dist/api/personas.json'), '{}');
  writeFileSync(join(dir, 'dist/index.html'), '<!doctype html>');
  const result = checkPersonaFolder(dir);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.personas.map((p) => p.data.id).sort(), ['berth-planner', 'tide-note-writer']);
  assert.equal(result.files.leftOut['project files'], 6);
});
