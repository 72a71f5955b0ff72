import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { openCatalog } from '../../src/lib/catalog/catalogSource.ts';
import { mergeTexts, stateOf } from '../../src/lib/install/installs.ts';
import { createCatalogServer } from '../../src/mcp/server.ts';
import { LOCK_FILE } from '../../src/lib/install/lockFile.ts';

// Installed personas over their life: add records them, the catalog changes,
// the user edits, and outdated, diff, update and verify tell and merge.
// The catalog here is a folder of persona files; tests/e2e/installs.spec.ts
// runs the same life over built catalogs, as a folder and over HTTP.

const BIN = join(import.meta.dirname, '../../bin/persona-atlas.mjs');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PERSONA_ATLAS_CATALOG: '' } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const LINES = ['You review pull requests for a payments team.', '', '## Checks', '', '- Money is integer cents.', '- Retries are idempotent.', '- Logs hold no card numbers.', '', '## Tone', '', 'Short, kind, specific.', ''];

function personaFile(id: string, body: string[]) {
  return `---\nid: ${id}\nname: ${id.replace(/-/g, ' ')}\nemoji: "🧾"\ncategory: engineering\ndescription: Reviews payment code for ${id}.\n---\n\n${body.join('\n')}`;
}

/** A catalog folder holding `ids`, each with the lines given (LINES by default), and a project folder beside it. */
function world(ids: string[]) {
  const parent = mkdtempSync(join(tmpdir(), 'atlas-installs-'));
  const catalog = join(parent, 'catalog');
  const project = join(parent, 'project');
  mkdirSync(catalog);
  mkdirSync(project);
  const write = (id: string, body = LINES) => writeFileSync(join(catalog, `${id}.md`), personaFile(id, body));
  for (const id of ids) write(id);
  const cli = (...args: string[]) => run([...args, ...(['add'].includes(args[0]) ? ['--catalog', catalog] : []), '--dir', project], parent);
  return { parent, catalog, project, write, cli, read: (path: string) => readFileSync(join(project, path), 'utf8'), edit: (path: string, from: string, to: string) => writeFileSync(join(project, path), readFileSync(join(project, path), 'utf8').replaceAll(from, to)) };
}

const replaced = (from: string, to: string) => LINES.map((line) => (line === from ? to : line));
const statesOf = (out: string) => Object.fromEntries((JSON.parse(out) as Array<{ id: string; tool: string; state: string }>).map((row) => [`${row.id}/${row.tool}`, row.state]));
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

test('the three texts give each state', () => {
  assert.equal(stateOf('a', 'a', 'a'), 'current');
  assert.equal(stateOf('a', 'a', 'b'), 'outdated');
  assert.equal(stateOf('a', 'c', 'a'), 'edited');
  assert.equal(stateOf('a', 'c', 'b'), 'edited-outdated');
  assert.equal(stateOf('a', undefined, 'a'), 'missing');
  assert.equal(stateOf('a', 'a', undefined), 'removed');
});

test('a three-way merge keeps both sides, and marks a clash with the base between', () => {
  const base = 'one\ntwo\nthree\nfour\n';
  assert.deepEqual(mergeTexts(base, 'ONE\ntwo\nthree\nfour\n', 'one\ntwo\nthree\nFOUR\n', 'catalog'), { merged: 'ONE\ntwo\nthree\nFOUR\n', conflict: false });
  const clash = mergeTexts(base, 'one\nTWO\nthree\nfour\n', 'one\nZWEI\nthree\nfour\n', 'catalog');
  assert.equal(clash.conflict, true);
  assert.equal(clash.merged, 'one\n<<<<<<< yours\nTWO\n||||||| as installed\ntwo\n=======\nZWEI\n>>>>>>> catalog\nthree\nfour\n');
  // Sections end without a newline: a merge of them does too.
  assert.equal(mergeTexts('a\nx\nb', 'A\nx\nb', 'a\nx\nB', 'catalog').merged, 'A\nx\nB');
});

test('add records every install in a lock with sorted keys, and the same add twice changes nothing', () => {
  const w = world(['pay-review', 'ledger-check']);
  assert.equal(w.cli('add', 'pay-review', 'ledger-check', '--tool', 'claude-code').status, 0);
  assert.equal(w.cli('add', 'pay-review', 'ledger-check', '--tool', 'codex', '--var', 'team=core').status, 0);
  const lock = w.read(LOCK_FILE);
  const { installs } = JSON.parse(lock);
  assert.deepEqual(
    installs.map((i: Record<string, string>) => [i.id, i.tool, i.path, i.section]),
    [
      ['ledger-check', 'claude-code', '.claude/agents/ledger-check.md', undefined],
      ['pay-review', 'claude-code', '.claude/agents/pay-review.md', undefined],
      ['ledger-check', 'codex', 'AGENTS.md', 'ledger-check'],
      ['pay-review', 'codex', 'AGENTS.md', 'pay-review'],
    ],
  );
  assert.deepEqual(Object.keys(installs[2]), ['base', 'catalog', 'id', 'path', 'section', 'sha256', 'tool', 'vars', 'version']);
  assert.deepEqual(installs[2].vars, { team: 'core' });
  assert.doesNotMatch(lock, /20\d\d-\d\d-\d\d/);
  // The texts installed are kept by hash, outside every folder a tool reads.
  for (const install of installs) assert.ok(existsSync(join(w.project, '.persona-atlas', 'base', install.base)));
  const second = w.cli('add', 'pay-review', 'ledger-check', '--tool', 'claude-code');
  assert.match(second.out, /unchanged .*pay-review\.md/);
  assert.equal(w.read(LOCK_FILE), lock);
});

test('outdated reports every state, with npm outdated’s exit codes, as a table and as JSON', () => {
  const w = world(['current-one', 'upstream', 'local', 'both', 'deleted', 'dropped']);
  assert.equal(w.cli('add', 'current-one', 'upstream', 'local', 'both', 'deleted', 'dropped', '--tool', 'cursor').status, 0);
  assert.equal(w.cli('add', 'local', '--tool', 'codex').status, 0);
  const none = w.cli('outdated', '--json');
  assert.equal(none.status, 0, none.err);
  assert.ok(Object.values(statesOf(none.out)).every((state) => state === 'current'));

  w.edit('.cursor/rules/local.mdc', 'Short, kind', 'Short, warm');
  w.edit('AGENTS.md', 'Short, kind', 'Short, warm');
  assert.equal(w.cli('outdated').status, 0, 'edits here alone are nothing to act on');

  w.write('upstream', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  w.write('both', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  w.edit('.cursor/rules/both.mdc', 'Short, kind', 'Short, warm');
  rmSync(join(w.project, '.cursor/rules/deleted.mdc'));
  rmSync(join(w.catalog, 'dropped.md'));
  const result = w.cli('outdated', '--json');
  assert.equal(result.status, 1);
  assert.deepEqual(statesOf(result.out), {
    'both/cursor': 'edited-outdated',
    'current-one/cursor': 'current',
    'deleted/cursor': 'missing',
    'dropped/cursor': 'removed',
    'local/codex': 'edited',
    'local/cursor': 'edited',
    'upstream/cursor': 'outdated',
  });
  const row = (JSON.parse(result.out) as Array<Record<string, unknown>>).find((r) => r.id === 'upstream')!;
  assert.equal(row.path, '.cursor/rules/upstream.mdc');
  assert.notEqual(row.installed, row.latest);
  const table = w.cli('outdated').out;
  assert.match(table, /^id +tool +path +installed +latest +state$/m);
  assert.match(table, /upstream +cursor +\S*upstream\.mdc +[0-9a-f]{12} +[0-9a-f]{12} +outdated/);

  rmSync(w.catalog, { recursive: true });
  assert.equal(w.cli('outdated').status, 2, 'a catalog that cannot be read');
});

test('update rewrites unedited files, merges edits, and leaves a clash in the file untouched with the merge beside the lock', () => {
  const w = world(['plain', 'apart', 'clash']);
  assert.equal(w.cli('add', 'plain', 'apart', 'clash', '--tool', 'claude-code').status, 0);
  w.write('plain', replaced('- Retries are idempotent.', '- Retries carry an idempotency key.'));
  w.write('apart', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  w.edit('.claude/agents/apart.md', 'Short, kind, specific.', 'Short, kind, specific, in British English.');
  w.write('clash', replaced('Short, kind, specific.', 'Brief and exact.'));
  w.edit('.claude/agents/clash.md', 'Short, kind, specific.', 'Warm and thorough.');
  const clashBefore = w.read('.claude/agents/clash.md');
  const lockBefore = JSON.parse(w.read(LOCK_FILE)).installs;

  const before = tree(w.parent);
  const dry = w.cli('update', '--dry-run');
  assert.equal(dry.status, 1);
  assert.match(dry.out, /would: updated .*plain\.md/);
  assert.deepEqual(tree(w.parent), before, '--dry-run writes nothing');

  const result = w.cli('update');
  assert.equal(result.status, 1, result.err);
  assert.match(w.read('.claude/agents/plain.md'), /idempotency key/);
  const apart = w.read('.claude/agents/apart.md');
  assert.match(apart, /integer minor units/);
  assert.match(apart, /in British English/);
  assert.equal(w.read('.claude/agents/clash.md'), clashBefore, 'the live file stays byte for byte');
  const conflict = join(w.project, '.persona-atlas', 'conflicts', 'claude__agents__clash.md');
  assert.match(result.out, /conflict markers is in .*claude__agents__clash\.md/);
  assert.match(readFileSync(conflict, 'utf8'), /<<<<<<< yours\nWarm and thorough\.\n\|\|\|\|\|\|\| as installed\nShort, kind, specific\.\n=======\nBrief and exact\.\n>>>>>>> catalog/);

  // The lock changed for what was written only.
  const lockAfter = JSON.parse(w.read(LOCK_FILE)).installs;
  const byId = (installs: Array<{ id: string }>, id: string) => installs.find((i) => i.id === id);
  assert.deepEqual(byId(lockAfter, 'clash'), byId(lockBefore, 'clash'));
  assert.notDeepEqual(byId(lockAfter, 'plain'), byId(lockBefore, 'plain'));
  // What update wrote is as the lock says; the clash still holds the edit update did not touch.
  const verified = w.cli('verify');
  assert.equal(verified.status, 1);
  assert.match(verified.err, /^1 of 3 installs differ[^]*clash\.md: differs/);
  assert.deepEqual(statesOf(w.cli('outdated', '--json').out), { 'apart/claude-code': 'edited', 'clash/claude-code': 'edited-outdated', 'plain/claude-code': 'current' });

  // --theirs: the catalog's text, the user's kept as a backup, the conflict gone.
  const theirs = w.cli('update', 'clash', '--theirs');
  assert.equal(theirs.status, 0, theirs.err);
  assert.match(w.read('.claude/agents/clash.md'), /Brief and exact\./);
  assert.equal(readFileSync(join(w.project, '.persona-atlas', 'backups', 'claude__agents__clash.md'), 'utf8'), clashBefore);
  assert.ok(!existsSync(conflict));
  assert.equal(w.cli('outdated').status, 0);
});

test('diff shows the catalog’s change and, with --local, the user’s edits', () => {
  const w = world(['pay-review']);
  w.cli('add', 'pay-review', '--tool', 'codex');
  w.write('pay-review', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  w.edit('AGENTS.md', 'Short, kind', 'Short, warm');
  const upstream = w.cli('diff', 'pay-review');
  assert.equal(upstream.status, 0, upstream.err);
  assert.match(upstream.out, /^--- a\/AGENTS\.md#pay-review\tinstalled [0-9a-f]{12}$/m);
  assert.match(upstream.out, /^-- Money is integer cents\.\n\+- Money is integer minor units\.$/m);
  assert.doesNotMatch(upstream.out, /warm/);
  const local = w.cli('diff', 'pay-review', '--local');
  assert.match(local.out, /^-Short, kind, specific\.\n\+Short, warm, specific\.$/m);
  assert.equal(w.cli('diff', 'nobody').status, 1);
});

test('shared files keep the user’s own text around sections, byte for byte, through update', () => {
  const w = world(['pay-review', 'ledger-check']);
  writeFileSync(join(w.project, 'AGENTS.md'), '# Our agents\n\nRun `make test` before committing.\n');
  assert.equal(w.cli('add', 'pay-review', 'ledger-check', '--tool', 'codex').status, 0);
  writeFileSync(join(w.project, 'AGENTS.md'), `${w.read('AGENTS.md')}\n## Notes of ours\n\nDeploys are on Tuesdays.\n`);
  writeFileSync(join(w.project, '.roomodes'), 'customModes:\n  - slug: our-mode\n    name: Ours\n    roleDefinition: Ours.\n    groups: [read]\n');
  assert.equal(w.cli('add', 'pay-review', 'ledger-check', '--tool', 'roo-code').status, 0);
  for (const file of ['AGENTS.md', '.roomodes']) w.edit(file, 'Short, kind, specific.', 'Short, kind, specific; in English.');
  w.write('ledger-check', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  w.write('pay-review', replaced('## Tone', '## Voice'));
  const outside = (text: string, sections: RegExp) => text.replace(sections, '');
  const agentsBefore = w.read('AGENTS.md');
  const modesBefore = w.read('.roomodes');
  const result = w.cli('update');
  assert.equal(result.status, 0, result.out + result.err);
  const agents = w.read('AGENTS.md');
  const markdownSections = /<!-- persona-atlas:begin ([a-z-]+) -->[\s\S]*?<!-- persona-atlas:end \1 -->/g;
  assert.equal(outside(agents, markdownSections), outside(agentsBefore, markdownSections));
  assert.match(agents, /integer minor units[\s\S]*in English[\s\S]*## Voice[\s\S]*in English/);
  const modes = w.read('.roomodes');
  const ownMode = modesBefore.slice(0, modesBefore.indexOf('- slug: ledger-check'));
  assert.match(ownMode, /^customModes:\n  - slug: our-mode\n    name: Ours\n    roleDefinition: Ours\.\n/);
  assert.ok(modes.startsWith(ownMode));
  assert.equal(modes.split('\n').length, modesBefore.split('\n').length);
  assert.match(modes, /integer minor units/);
  assert.equal((modes.match(/in English/g) ?? []).length, 2);
  assert.equal(w.cli('verify').status, 0);
});

test('add adopts a file equal to the export, refuses one that differs, and --force backs it up first', () => {
  const w = world(['pay-review', 'ledger-check']);
  const other = world(['pay-review']);
  other.cli('add', 'pay-review', '--tool', 'cursor');
  mkdirSync(join(w.project, '.cursor/rules'), { recursive: true });
  writeFileSync(join(w.project, '.cursor/rules/pay-review.mdc'), other.read('.cursor/rules/pay-review.mdc'));
  writeFileSync(join(w.project, '.cursor/rules/ledger-check.mdc'), 'my own rule\n');
  const adopted = w.cli('add', 'pay-review', '--tool', 'cursor');
  assert.equal(adopted.status, 0, adopted.err);
  assert.match(adopted.out, /adopted .*pay-review\.mdc/);
  const refused = w.cli('add', 'ledger-check', '--tool', 'cursor');
  assert.equal(refused.status, 1);
  assert.match(refused.err, /not overwriting a file that differs/);
  assert.equal(w.read('.cursor/rules/ledger-check.mdc'), 'my own rule\n');
  const forced = w.cli('add', 'ledger-check', '--tool', 'cursor', '--force');
  assert.equal(forced.status, 0, forced.err);
  assert.equal(readFileSync(join(w.project, '.persona-atlas/backups/cursor__rules__ledger-check.mdc'), 'utf8'), 'my own rule\n');
  assert.deepEqual(JSON.parse(w.read(LOCK_FILE)).installs.map((i: { id: string }) => i.id), ['ledger-check', 'pay-review']);
});

test('verify needs no catalog and lists what differs from the lock', () => {
  const w = world(['pay-review', 'ledger-check']);
  w.cli('add', 'pay-review', 'ledger-check', '--tool', 'codex');
  rmSync(w.catalog, { recursive: true });
  assert.equal(w.cli('verify').status, 0);
  w.edit('AGENTS.md', 'Short, kind', 'Short, warm');
  const result = w.cli('verify');
  assert.equal(result.status, 1);
  assert.match(result.err, /2 of 2 installs differ/);
  assert.match(result.err, /AGENTS\.md#ledger-check: differs/);
});

test('a lock that names a path outside the project, or one the tool does not write, is refused and nothing is written', () => {
  const w = world(['pay-review']);
  w.cli('add', 'pay-review', '--tool', 'claude-code');
  const lock = JSON.parse(w.read(LOCK_FILE));
  for (const path of ['../escape.md', '.claude/agents/other.md', '/tmp/escape.md']) {
    writeFileSync(join(w.project, LOCK_FILE), JSON.stringify({ ...lock, installs: [{ ...lock.installs[0], path }] }));
    const before = tree(w.parent);
    for (const command of ['outdated', 'update', 'verify']) {
      const result = w.cli(command);
      assert.equal(result.status, 2, `${command} ${path}`);
      assert.match(result.err, /installs\.0\.path is not where claude-code puts pay-review/);
    }
    assert.deepEqual(tree(w.parent), before);
  }
});

test('the MCP server reports a project’s installs and their states, as outdated does', async () => {
  const w = world(['pay-review', 'ledger-check']);
  w.cli('add', 'pay-review', 'ledger-check', '--tool', 'claude-code');
  w.write('ledger-check', replaced('- Money is integer cents.', '- Money is integer minor units.'));
  const server = await createCatalogServer(openCatalog(w.catalog), '0.0.0', () => {}, (location) => openCatalog(location));
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'atlas-test', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const answer = await client.callTool({ name: 'installed_personas', arguments: { dir: w.project } });
  const rows = JSON.parse((answer.content as Array<{ text: string }>)[0].text);
  assert.deepEqual(rows, JSON.parse(w.cli('outdated', '--json').out));
  assert.deepEqual(
    rows.map((row: { id: string; state: string }) => [row.id, row.state]),
    [
      ['ledger-check', 'outdated'],
      ['pay-review', 'current'],
    ],
  );
  await client.close();
});

test('a translation and a tool that writes two files per persona follow their catalog too', () => {
  const w = world(['pay-review']);
  writeFileSync(join(w.catalog, 'persona-atlas.json'), JSON.stringify({ languages: ['en', 'de'], lint: { recommendedSections: false } }));
  mkdirSync(join(w.catalog, 'de'));
  const german = (check: string) => `---\nid: pay-review\nname: Zahlungsprüfung\ndescription: Prüft Zahlungscode.\n---\n\nDu prüfst Pull Requests.\n\n- ${check}\n- Logs ohne Kartennummern.\n- Wiederholungen sind idempotent.\n`;
  writeFileSync(join(w.catalog, 'de/pay-review.md'), german('Geld in ganzen Cent.'));
  assert.equal(w.cli('add', 'pay-review', '--tool', 'kimi-code', '--lang', 'de').status, 0);
  assert.deepEqual(
    JSON.parse(w.read(LOCK_FILE)).installs.map((i: { path: string; lang: string }) => [i.path, i.lang]),
    [
      ['.kimi/agents/pay-review/agent.yaml', 'de'],
      ['.kimi/agents/pay-review/system.md', 'de'],
    ],
  );
  writeFileSync(join(w.catalog, 'de/pay-review.md'), german('Geld in kleinsten Einheiten.'));
  w.edit('.kimi/agents/pay-review/system.md', 'Wiederholungen sind idempotent.', 'Wiederholungen tragen einen Schlüssel.');
  assert.deepEqual(statesOf(w.cli('outdated', '--json').out), { 'pay-review/kimi-code': 'edited-outdated' });
  const rows = JSON.parse(w.cli('outdated', '--json').out) as Array<{ path: string; state: string; lang: string }>;
  assert.deepEqual(rows.map((row) => [row.path, row.state, row.lang]), [
    ['.kimi/agents/pay-review/agent.yaml', 'current', 'de'],
    ['.kimi/agents/pay-review/system.md', 'edited-outdated', 'de'],
  ]);
  assert.equal(w.cli('update').status, 0);
  assert.match(w.read('.kimi/agents/pay-review/system.md'), /kleinsten Einheiten[^]*tragen einen Schlüssel/);
  // The catalog drops the translation: the install is removed from it, and left alone.
  rmSync(join(w.catalog, 'de/pay-review.md'));
  const removed = w.cli('outdated', '--json');
  assert.equal(removed.status, 1);
  assert.ok((JSON.parse(removed.out) as Array<{ state: string }>).every((row) => row.state === 'removed'));
});
