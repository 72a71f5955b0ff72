import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSingleEmoji } from '../../src/lib/persona/emoji.ts';
import { personaSchema } from '../../src/lib/persona/persona.ts';

const valid = {
  id: 'data-wrangler',
  name: 'Data Wrangler',
  emoji: '🧮',
  category: 'data',
  description: 'Cleans messy tables.',
};

test('one emoji counts as one, whatever its code points', () => {
  for (const emoji of ['🔧', '👩‍💻', '🇯🇵', '👍🏽', '#️⃣', '❤️', '❤', '©', '🏳️‍🌈']) assert.ok(isSingleEmoji(emoji), emoji);
  for (const text of ['', 'fire', '🔧🔧', '1', '#', 'a🔧', ' 🔧', 'é']) assert.ok(!isSingleEmoji(text), JSON.stringify(text));
});

test('a minimal persona is valid and its optional lists default to empty', () => {
  const persona = personaSchema.parse(valid);
  assert.deepEqual(persona.tags, []);
  assert.deepEqual(persona.worker_affinity, []);
});

test('unknown fields are kept', () => {
  const persona = personaSchema.parse({ ...valid, version: 2, model: { id: 'x' } });
  assert.equal(persona.version, 2);
  assert.deepEqual(persona.model, { id: 'x' });
});

test('licence, author and source: an SPDX expression, a name (or a manifest’s mapping with one), an http(s) URL', () => {
  const persona = personaSchema.parse({ ...valid, license: 'Apache-2.0 OR MIT', author: { name: 'Ada', email: 'ada@example.org' }, source: 'https://example.org/p' });
  assert.deepEqual([persona.license, persona.author, persona.source], ['Apache-2.0 OR MIT', 'Ada', 'https://example.org/p']);
  assert.deepEqual(messages({ ...valid, license: 'mit', author: 3, source: 'javascript:alert(1)' }), [
    'license: "mit" is not an SPDX licence expression (did you mean MIT?)',
    'author: must be a name, or a mapping with a name, got a number',
    'source: "javascript:alert(1)" must be an absolute http(s) URL',
  ]);
});

function messages(input: Record<string, unknown>): string[] {
  const result = personaSchema.safeParse(input);
  assert.ok(!result.success);
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

test('each rule yields a message naming the value and the rule', () => {
  assert.deepEqual(messages({ ...valid, id: 'Data Wrangler' }), [
    'id: "Data Wrangler" is not a slug: use lowercase letters, digits and hyphens',
  ]);
  assert.deepEqual(messages({ ...valid, emoji: 'fire' }), ['emoji: "fire" is not a single emoji']);
  assert.deepEqual(messages({ ...valid, category: 'Big Data' }), [
    'category: "Big Data" is not a slug: use lowercase letters, digits and hyphens',
  ]);
  assert.deepEqual(messages({ ...valid, tags: ['sql', 'SQL Server', 'sql'] }), [
    'tags.1: "SQL Server" is not a slug: use lowercase letters, digits and hyphens',
    'tags.2: "sql" is listed twice',
  ]);
  assert.deepEqual(messages({ ...valid, worker_affinity: ['coding', 'coding'] }), ['worker_affinity.1: "coding" is listed twice']);
  assert.deepEqual(messages({ ...valid, tags: 'sql' }), ['tags: must be a list of slugs, got a string']);
  assert.deepEqual(messages({ ...valid, name: 42 }), ['name: must be text, got a number']);
  assert.deepEqual(messages({ ...valid, description: '  ' }), ['description: must not be empty']);
});

test('every missing required field is reported at once', () => {
  assert.deepEqual(messages({}), [
    'id: is required',
    'name: is required',
    'emoji: is required',
    'category: is required',
    'description: is required',
  ]);
});
