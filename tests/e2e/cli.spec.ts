import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { SET_NOTICE_FILE } from '../../src/lib/formats/provenance.ts';
import { BIN, cli } from './support/cli.ts';
import { promptOf } from './support/personaFiles.ts';
import { SITES, siteUrl } from './support/sites.ts';

// The command line against the three kinds of catalog: persona files, a built
// dist/ folder, and a built site served over HTTP under /atlas.

const fixtureIds = () => readdirSync('tests/fixtures/catalog').filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();

const CATALOGS = {
  'persona files': SITES.fixtures.personasDir,
  'a built dist/': SITES.fixtures.outDir,
  'a served site': siteUrl('fixtures', '/').replace(/\/$/, ''),
};

for (const [kind, catalog] of Object.entries(CATALOGS)) {
  test(`cli over ${kind}: show is byte-exact, search and list find personas`, () => {
    for (const id of ['sr-backend', 'tricky-whitespace', 'emoji-flag']) {
      const shown = cli(['show', id, '--catalog', catalog]);
      expect(shown.status, shown.stderr).toBe(0);
      expect(Buffer.compare(shown.stdout, Buffer.from(promptOf(`tests/fixtures/catalog/${id}.md`)))).toBe(0);
    }
    const json = JSON.parse(cli(['show', 'emoji-flag', '--json', '--catalog', catalog]).text);
    expect(json).toMatchObject({ id: 'emoji-flag', emoji: '🇯🇵', prompt: promptOf('tests/fixtures/catalog/emoji-flag.md') });

    const filled = cli(['show', 'fill-in', '--var', 'recipient=Ann', '--catalog', catalog]);
    expect(filled.text).toContain('letters to Ann on behalf of {{sender:the team}}.');
    expect(filled.text).toContain('```\nDear {{recipient}},\n```');

    const found = cli(['search', 'backend', '--catalog', catalog]);
    expect(found.status).toBe(0);
    expect(found.text.split('\n')[0]).toBe('sr-backend\t🔧 Sr. Backend Engineer\tengineering');
    const listed = cli(['list', '--catalog', catalog]).text.trim().split('\n');
    expect(listed.map((line) => line.split('\t')[0])).toEqual(fixtureIds());
    expect(cli(['list', '--category', 'travel', '--catalog', catalog]).text).toContain('emoji-flag\t🇯🇵 東京 Guide');
  });
}

test('cli add writes the same files the website downloads, merges shared files and changes nothing the second time', async ({ page }) => {
  const project = mkdtempSync(join(tmpdir(), 'atlas-add-'));
  const catalog = CATALOGS['a served site'];
  const ids = ['emoji-flag', 'sr-backend', 'tricky-whitespace'];

  // The website's downloads of the same set, from the category-independent set page.
  await page.goto(siteUrl('fixtures', '/'));
  await page.evaluate((chosen) => localStorage.setItem('persona-atlas:set:/atlas/', JSON.stringify(chosen)), ids);
  await page.goto(siteUrl('fixtures', '/selection/'));
  const downloadFor = async (tool: string) => {
    await page.getByLabel('Tool').selectOption(tool);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download for/ }).click();
    return readFileSync((await (await download).path())!);
  };

  for (const tool of ['claude-code', 'cursor', 'roo-code']) {
    const added = cli(['add', ...ids, '--tool', tool, '--catalog', catalog], project);
    expect(added.status, added.stderr).toBe(0);
    const website = await downloadFor(tool);
    const files: Record<string, string> = tool === 'roo-code' ? { '.roomodes': website.toString('utf8') } : Object.fromEntries(Object.entries(unzipSync(new Uint8Array(website))).filter(([path]) => path !== SET_NOTICE_FILE).map(([path, bytes]) => [path, strFromU8(bytes)]));
    expect(added.text.trim().split('\n').sort()).toEqual(Object.keys(files).map((path) => `wrote ${path}`).sort());
    for (const [path, content] of Object.entries(files)) expect(readFileSync(join(project, path), 'utf8'), path).toBe(content);

    const again = cli(['add', ...ids, '--tool', tool, '--catalog', catalog], project);
    expect(again.status).toBe(0);
    expect(again.text.trim().split('\n').every((line) => line.startsWith('unchanged '))).toBe(true);
    for (const [path, content] of Object.entries(files)) expect(readFileSync(join(project, path), 'utf8')).toBe(content);
  }

  // AGENTS.md already in the project keeps its own text; the personas join it.
  writeFileSync(join(project, 'AGENTS.md'), '# Project\n\nRun npm test before committing.\n');
  expect(cli(['add', 'sr-backend', '--tool', 'codex', '--catalog', catalog], project).status).toBe(0);
  expect(cli(['add', 'emoji-flag', '--tool', 'codex', '--catalog', catalog], project).status).toBe(0);
  const agents = readFileSync(join(project, 'AGENTS.md'), 'utf8');
  expect(agents.startsWith('# Project\n\nRun npm test before committing.\n')).toBe(true);
  expect(agents.match(/<!-- persona-atlas:begin ([a-z-]+) -->/g)).toEqual(['<!-- persona-atlas:begin emoji-flag -->', '<!-- persona-atlas:begin sr-backend -->']);

  // A hand-edited file is not overwritten without --force.
  writeFileSync(join(project, '.cursor/rules/sr-backend.mdc'), 'my own edits\n');
  const refused = cli(['add', 'sr-backend', '--tool', 'cursor', '--catalog', catalog], project);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('not overwriting a file that differs (add --force to replace, keeping a backup under .persona-atlas/backups/');
  expect(refused.stderr).toContain('):\n  .cursor/rules/sr-backend.mdc');
  expect(readFileSync(join(project, '.cursor/rules/sr-backend.mdc'), 'utf8')).toBe('my own edits\n');
  expect(cli(['add', 'sr-backend', '--tool', 'cursor', '--force', '--catalog', catalog], project).text).toBe(
    'backed up .cursor/rules/sr-backend.mdc to .persona-atlas/backups/cursor__rules__sr-backend.mdc\nwrote .cursor/rules/sr-backend.mdc\n',
  );
  expect(readFileSync(join(project, '.persona-atlas/backups/cursor__rules__sr-backend.mdc'), 'utf8')).toBe('my own edits\n');
});

test('cli errors name the problem and exit 1 for a wrong call, 2 for an unusable catalog', () => {
  const notCatalog = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
  mkdirSync(join(notCatalog, 'broken/api'), { recursive: true });
  writeFileSync(join(notCatalog, 'broken/api/personas.json'), '{ not json');
  mkdirSync(join(notCatalog, 'future/api'), { recursive: true });
  writeFileSync(join(notCatalog, 'future/api/personas.json'), JSON.stringify({ schemaVersion: 99, personas: [] }));
  const served = CATALOGS['a served site'];
  const cases: Array<[string[], number, string]> = [
    [['show', 'sr-backnd', '--catalog', served], 1, 'no persona has the id "sr-backnd"; did you mean sr-backend?'],
    [['add', 'sr-backend', '--tool', 'claude', '--catalog', served], 1, 'unknown tool "claude"; did you mean claude-code?'],
    [['add', 'sr-backend', '--catalog', served], 1, 'add needs --tool <target>'],
    [['search', '--nope', 'x', '--catalog', served], 1, "Unknown option '--nope'"],
    [['frobnicate'], 1, 'unknown command "frobnicate"'],
    [['list', '--catalog', 'http://127.0.0.1:9'], 2, 'cannot reach 127.0.0.1:9'],
    [['list', '--catalog', `${served}/missing`], 2, 'is not a Persona Atlas catalog: it has no api/personas.json'],
    [['list', '--catalog', join(notCatalog, 'broken')], 2, 'api/personas.json: is not valid JSON'],
    [['list', '--catalog', join(notCatalog, 'future')], 2, 'schemaVersion 99, expected 1'],
    [['list', '--catalog', 'http://example.org/atlas'], 2, 'catalogs are fetched over https (http only for localhost)'],
    [['list', '--catalog', join(notCatalog, 'nowhere')], 2, 'no such folder'],
  ];
  for (const [args, status, message] of cases) {
    const result = cli(args);
    expect(result.stderr, args.join(' ')).toContain(message);
    expect(result.status, args.join(' ')).toBe(status);
  }
  for (const command of ['search', 'show', 'add', 'list', 'formats', 'mcp']) {
    const help = cli([command, '--help']);
    expect(help.status).toBe(0);
    expect(help.text).toContain(`Usage: persona-atlas ${command}`);
  }
  expect(cli(['search', '--help']).text).toContain('through its own search index, exactly as its website searches');
  expect(cli(['formats']).text.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(20);
  // Without --catalog (and with PERSONA_ATLAS_CATALOG empty) the project's own dist/ is read.
  expect(cli(['list']).text).toContain('sr-backend\t🔧 Sr. Backend Engineer\tengineering');
});

test('an MCP client lists every persona as a prompt, gets the seed byte for byte and calls both tools', async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--catalog', CATALOGS['a served site']], stderr: 'pipe' });
  const client = new Client({ name: 'atlas-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(fixtureIds());
    expect(prompts.find((p) => p.name === 'sr-backend')?.description).toContain('Senior backend engineer');

    const seed = await client.getPrompt({ name: 'sr-backend' });
    expect(seed.messages).toHaveLength(1);
    expect(seed.messages[0].content).toEqual({ type: 'text', text: promptOf('tests/fixtures/catalog/sr-backend.md') });

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_persona', 'installed_personas', 'search_personas']);
    const search = await client.callTool({ name: 'search_personas', arguments: { words: 'guide', category: 'travel' } });
    const found = JSON.parse((search.content as Array<{ text: string }>)[0].text);
    expect(found.personas.map((p: { id: string }) => p.id)).toEqual(['emoji-flag']);
    const got = await client.callTool({ name: 'get_persona', arguments: { id: 'tricky-whitespace' } });
    const persona = JSON.parse((got.content as Array<{ text: string }>)[0].text);
    expect(persona.prompt).toBe(promptOf('tests/fixtures/catalog/tricky-whitespace.md'));
    const missing = await client.callTool({ name: 'get_persona', arguments: { id: 'nobody' } });
    expect(missing.isError).toBe(true);
  } finally {
    await client.close();
  }
});

test('npm pack gives a self-contained package whose persona-atlas runs outside the repository, on Node 20 too', () => {
  const out = mkdtempSync(join(tmpdir(), 'atlas-pack-'));
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', out], { encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  expect(spawnSync('tar', ['-xzf', join(out, filename), '-C', out]).status).toBe(0);
  const nodes = [process.execPath, '/usr/bin/node'].filter((node, index) => index === 0 || spawnSync(node, ['--version']).status === 0);
  for (const node of nodes) {
    const shown = spawnSync(node, [join(out, 'package/bin/persona-atlas.mjs'), 'show', 'sr-backend', '--catalog', join(process.cwd(), SITES.fixtures.outDir)], { cwd: out });
    expect(shown.status, `${node}: ${shown.stderr}`).toBe(0);
    expect(shown.stdout.toString('utf8')).toBe(promptOf('tests/fixtures/catalog/sr-backend.md'));
  }
});
