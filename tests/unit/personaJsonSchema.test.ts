import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLUG_PATTERN } from '../../src/lib/persona/slug.ts';
import { personaJsonSchema } from '../../src/lib/persona/personaJsonSchema.ts';

test('the JSON Schema is derived from the persona schema', () => {
  const schema = personaJsonSchema('https://example.org/schema/persona.schema.json') as {
    $id: string;
    required: string[];
    properties: Record<string, { pattern?: string; description?: string }>;
    additionalProperties: unknown;
  };
  assert.equal(schema.$id, 'https://example.org/schema/persona.schema.json');
  assert.deepEqual(schema.required, ['id', 'name', 'emoji', 'category', 'description']);
  assert.equal(schema.properties.id.pattern, SLUG_PATTERN.source);
  assert.match(schema.properties.emoji.description ?? '', /one emoji/);
  assert.deepEqual(Object.keys(schema.properties), ['id', 'name', 'emoji', 'category', 'description', 'worker_affinity', 'tags', 'license', 'author', 'source']);
  assert.deepEqual(schema.additionalProperties, {});
});
