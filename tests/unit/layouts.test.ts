import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { isDocumentationName, readPersonaSources } from '../../src/lib/formats/collectionFiles.ts';
import { layoutLanguages } from '../../src/lib/formats/layouts.ts';
import { checkPersonaFolder, summaryLine, type CheckedPersona, type CheckResult } from '../../src/lib/persona/personaCheck.ts';

// Collections laid out as their owners publish them (small copies written for
// these tests): each is read directly, as the build reads it, and imported,
// and the two must give the same personas and translations, byte for byte.

const LAYOUTS = 'tests/fixtures/layouts';
const dir = (name: string) => join(LAYOUTS, name);
const source = (name: string, path: string) => readFileSync(join(dir(name), path), 'utf8');
const json = (name: string, path: string) => JSON.parse(source(name, path));

/** Every file below a folder (but .git), as the walk sees them. */
const allFiles = (folder: string) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

const errors = (result: CheckResult) => result.problems.filter((problem) => problem.severity === 'error');
const byId = (personas: CheckedPersona[]) => new Map(personas.map((persona) => [persona.lang ? `${persona.lang}/${persona.data.id}` : persona.data.id, persona]));

/** What a persona is, for comparing a build's reading with an import's. */
const essence = (persona: CheckedPersona) => ({ id: persona.data.id, name: persona.data.name, category: persona.data.category, emoji: persona.data.emoji, description: persona.data.description, tags: persona.data.tags, body: persona.body });

function importInto(name: string, ...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), `atlas-layout-${name}-`));
  const run = spawnSync(process.execPath, ['bin/persona-atlas.mjs', 'import', dir(name), '--out', out, ...args], { encoding: 'utf8', env: { ...process.env, PERSONA_ATLAS_CATALOG: '' } });
  assert.equal(run.status, 0, run.stderr);
  return { out, stdout: run.stdout };
}

/** Reading the folder directly and importing it give the same personas and translations, and the import passes the check. */
function assertImportMatches(name: string, direct: CheckResult) {
  const { out, stdout } = importInto(name);
  // Import walks dot folders too (tools keep personas there), so only the kinds of files left out may differ.
  const readPart = (line: string) => line.split('; ')[0];
  assert.equal(readPart(stdout.trim().split('\n').at(-1)!), readPart(summaryLine(direct)), 'import reads what the check reads');
  const imported = checkPersonaFolder(out);
  assert.deepEqual(errors(imported), []);
  const [a, b] = [byId([...direct.personas, ...direct.foreignTranslations]), byId([...imported.personas, ...imported.translations])];
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [key, persona] of a) assert.deepEqual(essence(b.get(key)!), essence(persona), key);
}

test('documentation is exactly README, CONTRIBUTING, LICENSE/LICENCE, CHANGELOG, CODE_OF_CONDUCT and SECURITY, in any case and extension', () => {
  for (const name of ['README.md', 'readme', 'README.zh-CN.md', 'LICENSE', 'LICENCE.txt', 'CHANGELOG.md', 'Code_Of_Conduct.md', 'SECURITY.md', 'contributing.rst']) assert.ok(isDocumentationName(name), name);
  for (const name of ['security-auditor.md', 'SECURITY-CHECKLIST.md', 'license-checker.md', 'readme-writer.md', 'README_Pattern_Notes.md', 'changelog-writer.md']) assert.ok(!isDocumentationName(name), name);
});

test('persona files named like documentation are read; documentation and excluded files are counted, not lost', () => {
  const result = checkPersonaFolder(dir('doc-names'));
  assert.deepEqual(errors(result), []);
  assert.deepEqual(result.personas.map((persona) => persona.data.id).sort(), ['contributing-coach', 'license-checker', 'readme-writer', 'security-auditor', 'security-checklist']);
  assert.deepEqual(result.files, { read: 5, leftOut: { documentation: 4, 'not a persona in this layout': 0, 'excluded by settings': 2, 'in dot folders': 0, 'other file types': 0, 'project files': 0 } });
  // Every file but the settings is read or left out with its kind.
  assert.equal(result.files.read + 6, allFiles(dir('doc-names')) - 1);
  assert.equal(summaryLine(result).split('; ').slice(0, 2).join('; '), 'read 5 files: 5 personas, 0 translations; left out 6 files: 4 documentation, 0 not a persona in this layout, 2 excluded by settings');
  assert.deepEqual(
    readPersonaSources(dir('doc-names'), process.cwd(), { exclude: ['*-checker.md'] }).filter((s) => s.leftOut === 'excluded by settings').map((s) => s.relative),
    ['license-checker.md'],
  );
  assert.deepEqual(
    readPersonaSources(dir('doc-names'), process.cwd(), { include: ['{security,readme}-*.md'], exclude: [] }).filter((s) => !s.leftOut).map((s) => s.relative),
    ['readme-writer.md', 'security-auditor.md'],
  );
});

test('LobeHub repository: one persona per agent, fields from src/, text per language from locales/, every other file counted', () => {
  const name = 'lobehub-repository';
  const result = checkPersonaFolder(dir(name));
  assert.deepEqual(errors(result), []);
  assert.deepEqual(layoutLanguages(dir(name)), ['en', 'de-DE', 'ja-JP', 'zh-CN']);
  const personas = byId(result.personas);
  assert.deepEqual([...personas.keys()].sort(), ['kettle-whisperer', 'tide-chart-reader']);
  const tide = personas.get('tide-chart-reader')!;
  assert.deepEqual(essence(tide), {
    id: 'tide-chart-reader',
    name: 'Tide Chart Reader',
    category: 'science-nature',
    emoji: '🌊',
    description: 'Explains tide tables for sailors.',
    tags: ['sailing', 'tides', 'coastal-navigation'],
    body: json(name, 'locales/tide-chart-reader/index.json').config.systemRole,
  });
  const kettle = personas.get('kettle-whisperer')!;
  // Written in Chinese first: the source language is kept; English text from locales/; two emoji are no one emoji.
  assert.equal(kettle.body, json(name, 'locales/kettle-whisperer/index.json').config.systemRole);
  assert.deepEqual([kettle.data.name, kettle.data.category, kettle.data.emoji, kettle.data.lang], ['Kettle Whisperer', 'life', '🤖', 'zh-CN']);

  const translations = byId(result.translations);
  assert.deepEqual([...translations.keys()].sort(), ['de-DE/kettle-whisperer', 'de-DE/tide-chart-reader', 'ja-JP/tide-chart-reader', 'zh-CN/kettle-whisperer']);
  for (const [key, translation] of translations) {
    const [lang, id] = key.split('/');
    const locale = json(name, `locales/${id}/index.${lang}.json`);
    assert.deepEqual([translation.data.name, translation.data.description, translation.body], [locale.meta.title, locale.meta.description, locale.config.systemRole], key);
    assert.equal(translation.data.category, personas.get(id)!.data.category);
  }
  assert.deepEqual(result.files.leftOut, { documentation: 1, 'not a persona in this layout': 1, 'excluded by settings': 0, 'in dot folders': 0, 'other file types': 1, 'project files': 1 });
  assert.equal(result.files.read + 4, allFiles(dir(name)));
  assertImportMatches(name, result);
});

test('LobeHub: locales/ alone gives the agents their folder names as ids, with every translation', () => {
  const result = checkPersonaFolder(join(dir('lobehub-repository'), 'locales'));
  assert.deepEqual(errors(result), []);
  assert.deepEqual(result.personas.map((persona) => persona.data.id).sort(), ['kettle-whisperer', 'tide-chart-reader']);
  assert.equal(result.translations.length, 4);
});

test('Fabric patterns: a folder holding system.md is one persona, its system.md the prompt byte for byte', () => {
  const name = 'fabric-patterns';
  const result = checkPersonaFolder(dir(name));
  assert.deepEqual(errors(result), []);
  const personas = byId(result.personas);
  assert.deepEqual([...personas.keys()].sort(), ['find-weak-claims', 'rate-recipe', 'summarize-field-notes']);
  assert.deepEqual(
    [...personas.values()].map((p) => [p.data.name, p.data.description, p.body === source(name, `${p.data.id.replace(/-/g, '_')}/system.md`)]),
    [
      ['Find Weak Claims', 'You are a careful reader who finds claims an argument does not support!', true],
      ['Rate Recipe', 'You rate recipes from 1 to 10 for a home cook.', true],
      ['Summarize Field Notes', 'You turn a naturalist’s field notes into a short, dated summary.'.replace('’', "'"), true],
    ],
  );
  // An empty system.md (a pattern being drafted) holds no prompt: left out, and said so.
  assert.ok(result.notes.includes('note: left out for having no prompt: 1 (import lists them)'), result.notes.join('\n'));
  // user.md and pattern_explanations.md are no personas; the README is documentation.
  assert.deepEqual(result.files.leftOut, { documentation: 1, 'not a persona in this layout': 2, 'excluded by settings': 0, 'in dot folders': 0, 'other file types': 0, 'project files': 0 });
  assertImportMatches(name, result);
});

test('Claude Code plugin marketplace: agents and skills of each plugin, category from the marketplace, else the plugin’s name', () => {
  const name = 'claude-marketplace';
  const result = checkPersonaFolder(dir(name));
  assert.deepEqual(errors(result), []);
  const personas = byId(result.personas);
  assert.deepEqual(
    [...personas.values()].map((p) => `${p.data.id} ${p.data.category}`).sort(),
    ['csv-tidy data-kit', 'diff-reading code-quality', 'line-editor writing', 'proofreader writing', 'security-auditor code-quality', 'security-auditor-2 data-kit', 'style-checker code-quality'],
  );
  assert.equal(personas.get('security-auditor')!.body, source(name, 'plugins/review-kit/agents/security-auditor.md').split('---\n').slice(2).join('---\n'));
  assert.equal(personas.get('diff-reading')!.data.description, 'Reads a unified diff and explains what changed, file by file.');
  assert.ok(result.notes.some((note) => note.includes('security-auditor → security-auditor-2')), result.notes.join('\n'));
  // Commands, hooks, a skill's references, requirements.txt, docs and tools are no personas; its scripts no persona file type.
  assert.deepEqual(result.files.leftOut, { documentation: 1, 'not a persona in this layout': 7, 'excluded by settings': 0, 'in dot folders': 3, 'other file types': 2, 'project files': 0 });
  assert.equal(result.files.read + 13, allFiles(dir(name)));
  assertImportMatches(name, result);
});

test('import --exclude leaves files out before any reader, and says how many', () => {
  const { stdout } = importInto('claude-marketplace', '--exclude', 'bundles/**');
  assert.match(stdout.trim().split('\n').at(-1)!, /^read 5 files: 5 personas, 0 translations; left out 15 files: 1 documentation, 8 not a persona in this layout, 4 excluded by settings, 2 other file types/);
});

test('a collection laid out by division, with scripts, strategy notes and examples beside its agents, reads clean and accounts for every file', () => {
  const name = 'agency-division-folders';
  const result = checkPersonaFolder(dir(name));
  assert.deepEqual(result.problems.filter((problem) => problem.severity === 'error').map((p) => `${p.file} ${p.message}`), []);
  assert.deepEqual(result.personas.map((persona) => persona.data.id).sort(), ['contrast-checker', 'query-tuner', 'query-tuner-with-memory']);
  // README ×3, LICENSE, CONTRIBUTING_zh-CN.md by name; strategy/ and examples/ hold no persona, so their plain markdown is documentation too.
  assert.deepEqual(result.files.leftOut, { documentation: 8, 'not a persona in this layout': 0, 'excluded by settings': 0, 'in dot folders': 0, 'other file types': 4, 'project files': 0 });
  assert.equal(result.files.read + 12, allFiles(dir(name)));
  const reasons = new Map(result.skipped.map(({ file, reason }) => [file.split('/').slice(-2).join('/'), reason]));
  assert.equal(reasons.get('scripts/install.sh'), 'of no persona file type (or data no reader knows)');
  assert.equal(reasons.get('i18n/agent-names-zh.json'), 'of no persona file type (or data no reader knows)');
  assert.equal(reasons.get('playbooks/phase-1-discovery.md'), 'documentation, not a persona');
  assert.match(summaryLine(result), /^read 3 files: 3 personas, 0 translations; left out 12 files: 8 documentation, .*4 other file types; 0 errors/);
});

test('plain markdown beside persona files, or at the top of the folder, stays an error: that is where a persona would vanish', () => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-beside-'));
  const persona = (id: string) => `---\nid: ${id}\nname: ${id}\nemoji: 🧪\ncategory: lab\ndescription: A test persona.\n---\nYou test things.\n`;
  mkdirSync(join(folder, 'lab', 'drafts'), { recursive: true });
  writeFileSync(join(folder, 'lab', 'bench-tester.md'), persona('bench-tester'));
  writeFileSync(join(folder, 'lab', 'lost-frontmatter.md'), 'You are a persona whose frontmatter was deleted.\n');
  writeFileSync(join(folder, 'lab', 'drafts', 'notes.md'), '# Notes\n');
  writeFileSync(join(folder, 'top-level-prompt.md'), 'You are a prompt without fields.\n');
  writeFileSync(join(folder, 'lab', 'broken.json'), '{ "name": ');
  const result = checkPersonaFolder(folder);
  assert.deepEqual(
    result.problems.filter((problem) => problem.severity === 'error').map((p) => `${p.file.split('/').slice(-2).join('/')} ${p.field}`),
    ['lab/broken.json file', 'lab/lost-frontmatter.md frontmatter', `${folder.split('/').at(-1)}/top-level-prompt.md frontmatter`],
  );
  assert.equal(result.files.leftOut.documentation, 1, 'drafts/ holds no persona: its notes are documentation');
});
