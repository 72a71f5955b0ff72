import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API_SCHEMA_VERSION, apiDetail, apiIndex, apiPersona } from '../../src/lib/catalog/personaApi.ts';
import { personaSchema } from '../../src/lib/persona/persona.ts';

const make = (id: string) =>
  apiPersona(
    personaSchema.parse({ id, name: id, emoji: '🧪', category: 'x', description: 'd', extra: 'kept in files, not in the API' }),
    { words: 3, tokens: 4, readingMinutes: 1 },
    { page: `https://e.org/personas/${id}/`, markdown: `https://e.org/personas/${id}.md`, json: `https://e.org/api/personas/${id}.json` },
  );

test('the index lists metadata sorted by id, with a schema version, the search index parts and no bodies', () => {
  const index = apiIndex([make('zeta'), make('alpha'), make('mid')], 'o200k_base', 2);
  assert.equal(index.schemaVersion, API_SCHEMA_VERSION);
  assert.equal(index.count, 3);
  assert.equal(index.searchParts, 2);
  assert.deepEqual(index.personas.map((p) => p.id), ['alpha', 'mid', 'zeta']);
  assert.ok(!('prompt' in index.personas[0]) && !('extra' in index.personas[0]));
  assert.deepEqual(Object.keys(index.personas[0]), ['id', 'name', 'emoji', 'category', 'description', 'worker_affinity', 'tags', 'words', 'tokens', 'urls']);
});

test('the detail adds the prompt as written', () => {
  const detail = apiDetail(make('alpha'), '\n  exact\r\n', 'o200k_base');
  assert.equal(detail.prompt, '\n  exact\r\n');
  assert.equal(detail.id, 'alpha');
});

test('the detail lists the prompt’s fill-in variables with their defaults', () => {
  assert.deepEqual(apiDetail(make('alpha'), 'For {{team:platform}} on {{topic}}; `{{not}}`.', 'o200k_base').variables, [
    { name: 'team', default: 'platform' },
    { name: 'topic', default: '' },
  ]);
  assert.deepEqual(apiDetail(make('alpha'), 'No blanks.', 'o200k_base').variables, []);
});
