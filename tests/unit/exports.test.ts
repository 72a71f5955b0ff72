import assert from 'node:assert/strict';
import { test } from 'node:test';
import matter from 'gray-matter';
import { EXPORT_FORMATS } from '../../src/lib/exports.ts';
import { personaSchema } from '../../src/lib/persona.ts';

const persona = personaSchema.parse({
  id: 'quote-tester',
  name: 'Quote Tester',
  emoji: '🧪',
  category: 'testing',
  description: 'Checks "quotes", colons: and # hashes survive.',
});
const prompt = '\nYou test things.\n\n## Rules\n\n- Keep "quotes" and {braces}.\n';
const render = (id: string) => EXPORT_FORMATS.find((format) => format.id === id)!.render(persona, prompt);

test('Claude Code subagent: .claude/agents/<id>.md with name and description frontmatter, then the prompt', () => {
  const format = EXPORT_FORMATS.find((f) => f.id === 'claude-code')!;
  assert.equal(format.path(persona), '.claude/agents/quote-tester.md');
  const file = matter(render('claude-code'), {});
  assert.deepEqual(file.data, { name: 'quote-tester', description: persona.description });
  assert.equal(file.content, '\nYou test things.\n\n## Rules\n\n- Keep "quotes" and {braces}.\n');
  assert.ok(/^[a-z0-9-]+$/.test(file.data.name));
});

test('Cursor project rule: .cursor/rules/<id>.mdc with description, globs and alwaysApply', () => {
  const format = EXPORT_FORMATS.find((f) => f.id === 'cursor')!;
  assert.equal(format.path(persona), '.cursor/rules/quote-tester.mdc');
  const text = render('cursor');
  assert.match(text, /^---\ndescription: .+\nglobs:\nalwaysApply: false\n---\n\n/);
  const file = matter(text, {});
  assert.deepEqual(file.data, { description: persona.description, globs: null, alwaysApply: false });
  assert.equal(file.content.trim(), prompt.trim());
});

test('OpenAI chat message: one system message whose content is the prompt', () => {
  assert.deepEqual(JSON.parse(render('openai')), { role: 'system', content: prompt.trim() });
});

test('plain text: the prompt without outer blank lines', () => {
  assert.equal(render('text'), `${prompt.trim()}\n`);
});

test('every format has a unique id and a file name from the persona id', () => {
  assert.equal(new Set(EXPORT_FORMATS.map((f) => f.id)).size, EXPORT_FORMATS.length);
  for (const format of EXPORT_FORMATS) assert.ok(format.path(persona).includes('quote-tester'), format.id);
});
