import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPersonas } from '../../src/lib/persona/personaCheck.ts';
import { scaffoldPersona } from '../../src/lib/persona/scaffold.ts';
import { slugify } from '../../src/lib/persona/slugify.ts';

test('slugify makes URL-safe ids from display names', () => {
  assert.equal(slugify('Data Wrangler (ETL)'), 'data-wrangler-etl');
  assert.equal(slugify('  Café Crème Expert  '), 'cafe-creme-expert');
  assert.equal(slugify('Sr. Backend Engineer'), 'sr-backend-engineer');
});

test('a scaffolded persona passes the checker with no warnings', () => {
  const text = scaffoldPersona({ id: 'quote-me', name: 'Quote "Me": Yes', emoji: '🧮', category: 'data', description: 'Checks quoting: colons and "quotes".' });
  const result = checkPersonas([{ file: 'personas/quote-me.md', bytes: Buffer.from(text) }]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.personas[0].data.name, 'Quote "Me": Yes');
  for (const section of ['## Expertise', '## Communication Style', '## Workflow Patterns', '## Key Principles']) {
    assert.ok(result.personas[0].body.includes(section), section);
  }
});
