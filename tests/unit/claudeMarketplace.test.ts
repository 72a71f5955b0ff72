import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import test from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { categoryPluginName } from '../../src/lib/catalog/catalogLinks.ts';
import { marketplaceName, marketplaceNameProblem } from '../../src/lib/catalog/catalogLinks.ts';
import { claudeMarketplace, pluginArchive } from '../../src/lib/formats/claudeMarketplace.ts';
import { exportSet, exportTarget } from '../../src/lib/formats/exports.ts';
import type { ExportPersona } from '../../src/lib/formats/format.ts';
import { skillsIndex } from '../../src/lib/formats/skillsIndex.ts';

const persona = (id: string, category = 'writing', extra: Partial<ExportPersona> = {}): ExportPersona => ({
  id,
  name: id.replace(/-/g, ' '),
  emoji: '🧪',
  category,
  description: `The ${id} persona.`,
  tags: ['fixture'],
  worker_affinity: [],
  prompt: `You are ${id}.\n`,
  ...extra,
});

test('marketplace names: kebab-case, never one Claude Code reserves or one posing as official', () => {
  for (const name of ['claude-plugins-official', 'agent-skills', 'anthropic-tools', 'official-claude-plugins', 'npm', 'Team Prompts']) assert.ok(marketplaceNameProblem(name), name);
  assert.equal(marketplaceNameProblem('harbor-prompts'), undefined);
  assert.equal(marketplaceName('Harbor Prompts'), 'harbor-prompts');
  assert.equal(marketplaceName('Agent Skills'), 'agent-skills-personas');
  assert.equal(marketplaceName('Harbor Prompts', 'harbor', 'pt-BR'), 'harbor-pt-br');
});

test('a category’s plugin is named apart from every persona id', () => {
  assert.equal(categoryPluginName('writing', new Set(['editor'])), 'writing-collection');
  assert.equal(categoryPluginName('writing', new Set(['writing-collection', 'writing-collection-2'])), 'writing-collection-3');
});

test('an archive is the same bytes and name for the same personas, holds the claude-code export, and changes name with its content', () => {
  const editor = persona('editor', 'writing', { license: 'MIT', author: 'Ada', source: 'https://example.org/editor' });
  const first = pluginArchive('editor', 'Edits.', 'Harbor', [editor]);
  const again = pluginArchive('editor', 'Edits.', 'Harbor', [editor]);
  assert.deepEqual(again.bytes, first.bytes);
  assert.equal(first.sha256, createHash('sha256').update(first.bytes).digest('hex'));
  assert.equal(first.fileName, `editor-${first.sha256.slice(0, 16)}.zip`);
  const files = unzipSync(first.bytes);
  assert.deepEqual(Object.keys(files).sort(), ['.claude-plugin/plugin.json', 'NOTICE', 'README.md', 'agents/editor.md']);
  assert.equal(strFromU8(files['agents/editor.md']), exportSet(exportTarget('claude-code')!, [editor])[0].content);
  assert.deepEqual(JSON.parse(strFromU8(files['.claude-plugin/plugin.json'])), { name: 'editor', description: 'Edits.', author: { name: 'Ada' }, homepage: 'https://example.org/editor', license: 'MIT' });
  assert.notEqual(pluginArchive('editor', 'Edits.', 'Harbor', [{ ...editor, prompt: 'You edit prose.\n' }]).fileName, first.fileName);
});

test('the marketplace lists a plugin per persona and per category, archives by URL and SHA-256, and no version', () => {
  const personas = [persona('editor'), persona('proofreader'), persona('api-reviewer', 'engineering')];
  const { json, archives } = claudeMarketplace({
    name: 'harbor',
    owner: 'Harbor',
    description: 'Prompts.',
    personas,
    categories: [
      { slug: 'writing', label: 'Writing', personas: personas.slice(0, 2) },
      { slug: 'engineering', label: 'Engineering', personas: personas.slice(2) },
    ],
    archiveUrl: (fileName) => `https://example.org/claude-plugins/${fileName}`,
  });
  const marketplace = JSON.parse(json);
  assert.deepEqual(marketplace.plugins.map((p: { name: string }) => p.name), ['editor', 'proofreader', 'api-reviewer', 'writing-collection', 'engineering-collection']);
  for (const [index, plugin] of marketplace.plugins.entries()) {
    assert.deepEqual(plugin.source, { source: 'archive', url: `https://example.org/claude-plugins/${archives[index].fileName}`, sha256: archives[index].sha256 });
    assert.ok(!('version' in plugin));
  }
  assert.deepEqual(Object.keys(unzipSync(archives[3].bytes)).filter((path) => path.startsWith('agents/')).sort(), ['agents/editor.md', 'agents/proofreader.md']);
});

test('the skills index: one SKILL.md per persona, the agent-skills export, its digest, a description within 1,024 characters', () => {
  const long = persona('long-winded', 'writing', { description: `${'word '.repeat(300)}end.` });
  const { json, files } = skillsIndex([persona('editor'), long]);
  const index = JSON.parse(json);
  assert.deepEqual(files.map((file) => file.path), ['.well-known/agent-skills/editor/SKILL.md', '.well-known/agent-skills/long-winded/SKILL.md']);
  assert.equal(files[0].content, exportSet(exportTarget('agent-skills')!, [persona('editor')])[0].content);
  assert.equal(index.skills[0].digest, `sha256:${createHash('sha256').update(files[0].content).digest('hex')}`);
  assert.ok(index.skills[1].description.length <= 1024 && index.skills[1].description.endsWith('…'));
});
