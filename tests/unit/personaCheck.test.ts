import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { readPersonaSources } from '../../src/lib/formats/collectionFiles.ts';
import { checkPersonaFolder, checkPersonas, formatProblem, formatReport } from '../../src/lib/persona/personaCheck.ts';
import { readPrompt } from './support/readPrompt.ts';

const FIXTURES = 'tests/fixtures/invalid';

/** Every problem the checker reports for one fixture folder (with its own lint settings), as printed. */
function report(kind: string): string[] {
  return checkPersonaFolder(`${FIXTURES}/${kind}`).problems.map(formatProblem);
}

const at = (kind: string, file: string) => `${FIXTURES}/${kind}/${file}`;

const EXPECTED: Record<string, string[]> = {
  'not-utf8': [`${at('not-utf8', 'latin1.md')}:1:1  file  is not valid UTF-8 text`],
  unreadable: [`${at('unreadable', 'folder.md')}:1:1  file  cannot be read (EISDIR)`],
  'yaml-syntax': [`${at('yaml-syntax', 'yaml-broken.md')}:8:1  frontmatter  invalid YAML: unexpected end of the stream within a double quoted scalar`],
  'no-frontmatter': [`${at('no-frontmatter', 'no-frontmatter.md')}:1:1  frontmatter  is missing: the file must start with a --- block of fields`],
  'missing-fields': [
    `${at('missing-fields', 'missing-fields.md')}:1:1  id  is required`,
    `${at('missing-fields', 'missing-fields.md')}:1:1  emoji  is required`,
    `${at('missing-fields', 'missing-fields.md')}:1:1  description  is required`,
  ],
  'wrong-types': [
    `${at('wrong-types', 'wrong-types.md')}:3:7  name  must be text, got a number`,
    `${at('wrong-types', 'wrong-types.md')}:7:7  tags  must be a list of slugs, got a string`,
    `${at('wrong-types', 'wrong-types.md')}:8:17  worker_affinity  must be a list of slugs, got a mapping`,
  ],
  'id-not-slug': [
    `${at('id-not-slug', 'not-a-slug.md')}:2:5  id  "Not A Slug" is not a slug: use lowercase letters, digits and hyphens`,
    `${at('id-not-slug', 'not-a-slug.md')}:5:11  category  "Testing Things" is not a slug: use lowercase letters, digits and hyphens`,
  ],
  'emoji-not-single': [
    `${at('emoji-not-single', 'two-emoji.md')}:4:8  emoji  "🔥🔥" is not a single emoji`,
    `${at('emoji-not-single', 'word-emoji.md')}:4:8  emoji  "fire" is not a single emoji`,
  ],
  'empty-body': [`${at('empty-body', 'empty-body.md')}:8:1  body  is empty: write the prompt below the frontmatter`],
  'bad-lists': [
    `${at('bad-lists', 'bad-lists.md')}:9:5  worker_affinity  "coding" is listed twice`,
    `${at('bad-lists', 'bad-lists.md')}:12:5  tags  "Not Fine" is not a slug: use lowercase letters, digits and hyphens`,
    `${at('bad-lists', 'bad-lists.md')}:13:5  tags  "fine" is listed twice`,
  ],
  'id-file-mismatch': [
    `${at('id-file-mismatch', 'other-name.md')}:2:5  id  warning: "the-real-id" does not match the file name (expected the-real-id.md)`,
  ],
  'symlink-outside': [
    `${at('symlink-outside', 'linked-folder')}:1:1  file  is a symlink to tests/fixtures/outside, outside the persona folder; nothing outside it is read`,
    `${at('symlink-outside', 'secret.md')}:1:1  file  is a symlink to tests/fixtures/outside/secret.md, outside the persona folder; nothing outside it is read`,
  ],
  'yaml-alias-bomb': [
    `${at('yaml-alias-bomb', 'alias-bomb.md')}:1:1  frontmatter  its YAML aliases expand to more than 10,000 values; persona fields need no aliases`,
  ],
  'long-values': [
    `${at('long-values', 'long-values.md')}:2:5  id  "${'Long-Value-'.repeat(7)}Lon…" is not a slug: use lowercase letters, digits and hyphens`,
    `${at('long-values', 'long-values.md')}:4:8  emoji  "${'🔥'.repeat(80)}…" is not a single emoji`,
  ],
  'description-style': [
    `${at('description-style', 'long-description.md')}:6:14  description  warning: is 259 characters; keep it to one sentence under 200`,
    `${at('description-style', 'multiline-description.md')}:6:14  description  warning: spans several lines; keep it to one sentence`,
  ],
};

for (const [kind, expected] of Object.entries(EXPECTED)) {
  test(`${kind}: names the file, line, column, field and rule`, () => {
    assert.deepEqual(report(kind), expected);
  });
}

test('duplicate ids fail every file involved, naming the others', () => {
  const errors = checkPersonas(readPersonaSources(`${FIXTURES}/duplicate-ids`)).problems.filter((p) => p.severity === 'error');
  const files = ['a', 'b', 'c'].map((x) => at('duplicate-ids', `same-id-${x}.md`));
  assert.deepEqual(
    errors.map(formatProblem),
    files.map((file) => `${file}:2:5  id  "same-id" is also the id of ${files.filter((other) => other !== file).join(', ')}`),
  );
});

test('warnings do not reject a persona; errors do', () => {
  assert.equal(checkPersonas(readPersonaSources(`${FIXTURES}/description-style`)).personas.length, 2);
  assert.equal(checkPersonas(readPersonaSources(`${FIXTURES}/bad-lists`)).personas.length, 0);
});

test('the report ends with a summary line', () => {
  const result = checkPersonaFolder(`${FIXTURES}/description-style`);
  assert.equal(formatReport(result).split('\n').at(-1), 'read 2 files: 2 personas, 0 translations; left out 0 files: 0 documentation, 0 not a persona in this layout, 0 excluded by settings; 0 errors, 2 warnings');
});

test('the seed and every shipped persona pass without warnings', () => {
  const result = checkPersonas(readPersonaSources('personas'));
  assert.deepEqual(result.problems, []);
  assert.ok(result.personas.length >= 41);
  assert.ok(result.personas.some((persona) => persona.data.id === 'sr-backend'));
});

test('the body is the file after the frontmatter, byte for byte', () => {
  const path = 'tests/fixtures/catalog/tricky-whitespace.md';
  const [persona] = checkPersonas([{ file: path, bytes: readFileSync(path) }]).personas;
  const text = readFileSync(path, 'utf8');
  assert.equal(persona.body, text.slice(text.indexOf('\n---\n') + 5));
  assert.ok(persona.body.includes('\r\n'));
  assert.ok(persona.body.startsWith('  Two leading spaces'));
});

test('pages read the same prompt as the checker', () => {
  for (const dir of ['personas', 'tests/fixtures/catalog']) {
    const { personas } = checkPersonas(readPersonaSources(dir));
    assert.ok(personas.length > 0);
    for (const persona of personas) assert.equal(readPrompt(persona.file), persona.body, persona.file);
  }
});

test('YAML escapes decode: "\\U0001F527" is 🔧', () => {
  const [seed] = checkPersonas(readPersonaSources('personas')).personas.filter((p) => p.data.id === 'sr-backend');
  assert.equal(seed.data.emoji, '🔧');
});

test('a missing persona folder is named in the error', () => {
  assert.throws(() => readPersonaSources('tests/fixtures/no-such-folder'), /persona folder tests\/fixtures\/no-such-folder does not exist/);
});

/** Frontmatter-shaped text built from YAML's awkward pieces, so generated files reach the schema, not only the parser. */
const generatedFile = fc
  .array(
    fc.oneof(
      fc.constantFrom('---\n', 'id: ', 'name: ', 'emoji: ', 'category: ', 'description: ', 'tags: ', '\n', '\r\n', '- ', '[', ']', '{', '}', '"', "'", '&a ', '*a', '!!str ', '!!binary ', '? ', ': ', '|\n', '>-\n', '"\\U0001F527"', '🏳️‍🌈', '\t', '#', '{{x}}', '```\n', '\u0000', '\ufeff'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

test('property: no generated file makes the checker throw; each is a persona or has a problem that names it', () => {
  fc.assert(
    fc.property(fc.oneof(generatedFile.map((text) => Buffer.from(text)), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes))), (bytes) => {
      const result = checkPersonas([{ file: 'generated.md', bytes }]);
      const errors = result.problems.filter((p) => p.severity === 'error');
      assert.equal(result.personas.length + (errors.length > 0 ? 1 : 0), 1);
      for (const problem of result.problems) assert.equal(problem.file, 'generated.md');
    }),
    { numRuns: 2000 },
  );
});
