import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, test } from '@playwright/test';
import { BIN, cli } from './support/cli.ts';
import { promptOf } from './support/personaFiles.ts';
import { SITES, siteUrl } from './support/sites.ts';

// A catalog in four languages: the JSON API lists each persona's
// translations, serves them, and the command line and MCP server hand them
// out byte for byte.

const DIR = SITES.languages.personasDir;
const served = siteUrl('languages', '/').replace(/\/$/, '');

test('the JSON API lists the languages and each persona’s translations, and serves each translation with its lang', async ({ request }) => {
  const index = await (await request.get(siteUrl('languages', '/api/personas.json'))).json();
  expect(index.languages).toEqual(['en', 'de', 'ja', 'ar']);
  const planner = index.personas.find((p: { id: string }) => p.id === 'travel-planner');
  expect(planner.translations.map((t: { lang: string }) => t.lang)).toEqual(['de', 'ja', 'ar']);
  expect(planner.translations[2]).toMatchObject({ lang: 'ar', name: 'مخطط الرحلات', urls: { json: siteUrl('languages', '/ar/api/personas/travel-planner.json') } });

  const detail = await (await request.get(siteUrl('languages', '/api/personas/travel-planner.json'))).json();
  expect(detail.translations).toHaveLength(3);
  const ja = await (await request.get(planner.translations[1].urls.json)).json();
  expect(ja).toMatchObject({ lang: 'ja', id: 'travel-planner', name: '旅行プランナー', emoji: '🧳', category: 'travel', prompt: promptOf(`${DIR}/ja/travel-planner.md`) });
  const raw = await (await request.get(siteUrl('languages', '/de/personas/travel-planner.md'))).body();
  expect(Buffer.compare(raw, readFileSync(`${DIR}/de/travel-planner.md`))).toBe(0);
});

for (const [kind, catalog] of [['the served site', served], ['its dist/', SITES.languages.outDir], ['its persona files', DIR]]) {
  test(`persona-atlas show and search --lang over ${kind}: each translation byte for byte, found by its own words`, () => {
    for (const lang of ['de', 'ja', 'ar']) {
      const shown = cli(['show', 'travel-planner', '--lang', lang, '--catalog', catalog]);
      expect(shown.status, shown.stderr).toBe(0);
      expect(Buffer.compare(shown.stdout, Buffer.from(promptOf(`${DIR}/${lang}/travel-planner.md`)))).toBe(0);
    }
    expect(cli(['show', 'travel-planner', '--lang', 'en', '--catalog', catalog]).text).toBe(promptOf(`${DIR}/travel-planner.md`));
    const missing = cli(['show', 'code-mentor', '--lang', 'ar', '--catalog', catalog]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('code-mentor has no ar translation (it has de)');
    expect(cli(['show', 'travel-planner', '--lang', '../../x', '--catalog', catalog]).status).toBe(1);
    // Search in a language finds a persona by its translated name, and lists it so.
    expect(cli(['search', 'Reiseplaner', '--lang', 'de', '--catalog', catalog]).text).toBe('travel-planner\t🧳 Reiseplaner\ttravel\n');
    expect(cli(['search', 'Reiseplaner', '--catalog', catalog]).text).toBe('');
  });
}

test('add --lang writes the translation, and the MCP prompt takes a lang argument', async () => {
  const project = mkdtempSync(join(tmpdir(), 'atlas-lang-'));
  const added = cli(['add', 'travel-planner', '--lang', 'de', '--tool', 'text', '--catalog', served], project);
  expect(added.status, added.stderr).toBe(0);
  expect(readFileSync(join(project, 'travel-planner.txt'), 'utf8')).toContain('Du bist ein Reiseplaner');

  const client = new Client({ name: 'atlas-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--catalog', served], stderr: 'pipe' }));
  try {
    const { prompts } = await client.listPrompts();
    expect(prompts.find((p) => p.name === 'travel-planner')?.arguments).toEqual([expect.objectContaining({ name: 'lang', required: false })]);
    const ar = await client.getPrompt({ name: 'travel-planner', arguments: { lang: 'ar' } });
    expect(ar.messages[0].content).toEqual({ type: 'text', text: promptOf(`${DIR}/ar/travel-planner.md`) });
    const original = await client.getPrompt({ name: 'travel-planner' });
    expect(original.messages[0].content).toEqual({ type: 'text', text: promptOf(`${DIR}/travel-planner.md`) });
  } finally {
    await client.close();
  }
});
