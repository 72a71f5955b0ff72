import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { parse } from 'yaml';
import { exportSet, exportTarget } from '../../src/lib/formats/exports.ts';
import type { ExportPersona } from '../../src/lib/formats/format.ts';
import { noticeText } from '../../src/lib/formats/provenance.ts';
import { READERS } from '../../src/lib/formats/readers.ts';
import { splitFrontmatter } from '../../src/lib/formats/shared.ts';
import { checkPersonaFolder } from '../../src/lib/persona/personaCheck.ts';

// Licence, author and source: read from frontmatter, the catalog's settings
// and each source that has them, and carried by every export that can.

const byId = (dir: string) => new Map(checkPersonaFolder(dir).personas.map((p) => [p.data.id, p.data]));
const provenance = (data: { license?: string; author?: string; source?: string } | undefined) => [data?.license, data?.author, data?.source];

test('the catalog’s settings give licence, author and source to the personas that name none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-provenance-'));
  const persona = (id: string, extra = '') => `---\nid: ${id}\nname: ${id}\nemoji: 🧪\ncategory: lab\ndescription: A test persona.\n${extra}---\nYou test.\n`;
  writeFileSync(join(dir, 'plain.md'), persona('plain'));
  writeFileSync(join(dir, 'own.md'), persona('own', 'license: MIT\nauthor: Own Author\n'));
  writeFileSync(join(dir, 'persona-atlas.json'), JSON.stringify({ license: 'CC0-1.0', author: 'The Catalog', source: 'https://example.org/catalog', lint: { recommendedSections: false } }));
  const personas = byId(dir);
  assert.deepEqual(provenance(personas.get('plain')), ['CC0-1.0', 'The Catalog', 'https://example.org/catalog']);
  assert.deepEqual(provenance(personas.get('own')), ['MIT', 'Own Author', 'https://example.org/catalog']);
});

test('readers fill them where the source has them: a plugin’s manifest, a skill’s licence (corrected to SPDX), LobeHub’s author and homepage', () => {
  const plugins = byId('tests/fixtures/layouts/claude-marketplace');
  assert.deepEqual(provenance(plugins.get('security-auditor')), ['MIT', 'Review Kit Authors', 'https://example.org/review-kit']);
  assert.deepEqual(provenance(plugins.get('csv-tidy')), ['Apache-2.0', undefined, undefined]);
  const lobehub = byId('tests/fixtures/layouts/lobehub-repository');
  assert.deepEqual(provenance(lobehub.get('tide-chart-reader')), [undefined, 'fixtures', 'https://example.org/tide-chart-reader']);
});

const licensed: ExportPersona = {
  id: 'licensed',
  name: 'Licensed',
  emoji: '📜',
  category: 'writing',
  description: 'Names its licence.',
  tags: [],
  worker_affinity: [],
  license: 'CC-BY-4.0',
  author: 'Ada\nFixture -->',
  source: 'https://example.org/p',
  prompt: 'You review licences.\n',
};
const note = 'persona-atlas: license CC-BY-4.0; author Ada Fixture →; source https://example.org/p';
const fileOf = (tool: string, persona = licensed) => exportSet(exportTarget(tool)!, [persona])[0].content;

test('exports with frontmatter carry the note as a YAML comment, fields and prompt unchanged', () => {
  const plain = { ...licensed, license: undefined, author: undefined, source: undefined };
  for (const tool of ['claude-code', 'cursor', 'copilot', 'windsurf', 'gemini-cli', 'opencode', 'qwen-code', 'kiro', 'continue', 'antigravity']) {
    const text = fileOf(tool);
    assert.ok(text.startsWith(`---\n# ${note}\n`), `${tool}: ${text}`);
    const [withNote, without] = [splitFrontmatter(text)!, splitFrontmatter(fileOf(tool, plain))!];
    assert.deepEqual(withNote.data, without.data, tool);
    assert.equal(withNote.body, without.body, tool);
  }
  // The Agent Skills specification has a licence field of its own.
  assert.equal(splitFrontmatter(fileOf('agent-skills'))!.data.license, 'CC-BY-4.0');
});

test('shared files carry the note per persona, read back as before; plain markdown atop the file; JSON and text carry none', () => {
  for (const tool of ['codex', 'aider']) {
    const text = fileOf(tool);
    assert.ok(text.includes(`<!-- persona-atlas:begin licensed -->\n<!-- ${note} -->\n## 📜 Licensed`), text);
    const reader = READERS.find((r) => r.id === tool)!;
    const [read] = reader.read({ path: tool === 'codex' ? 'AGENTS.md' : 'CONVENTIONS.md', text, sibling: () => undefined }).personas;
    assert.deepEqual([read.name, read.description, read.prompt], ['Licensed', 'Names its licence.', 'You review licences.']);
  }
  const roo = fileOf('roo-code');
  assert.ok(roo.includes(`# ${note}`), roo);
  assert.equal((parse(roo) as { customModes: Array<{ slug: string }> }).customModes[0].slug, 'licensed');
  const cline = fileOf('cline');
  assert.equal(cline, `<!-- ${note} -->\n\nYou review licences.\n`);
  assert.equal(READERS.find((r) => r.id === 'cline')!.read({ path: '.clinerules/licensed.md', text: cline, sibling: () => undefined }).personas[0].prompt, 'You review licences.\n');
  for (const tool of ['openai', 'anthropic', 'text']) assert.ok(!fileOf(tool).includes('persona-atlas:'), tool);
});

test('a set’s notice lists each persona with its licence, author and source, or says none is stated', () => {
  const text = noticeText([licensed, { ...licensed, id: 'unlicensed', name: 'Unlicensed', license: undefined, author: undefined, source: undefined }]);
  assert.match(text, /## Licensed \(`licensed`\)\n\n- License: CC-BY-4\.0\n- Author: Ada Fixture →\n- Source: https:\/\/example\.org\/p\n/);
  assert.match(text, /## Unlicensed \(`unlicensed`\)\n\n- License: not stated by the catalog\n- Author: not stated\n- Source: not stated\n/);
});
