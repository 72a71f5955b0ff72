import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { countTokens } from '../../src/lib/prompt/insights.ts';
import { checkPersonaFolder, formatProblem } from '../../src/lib/persona/personaCheck.ts';

const LINT = 'tests/fixtures/lint';
const lines = (dir: string) => checkPersonaFolder(dir, { countTokens, nearDuplicates: true }).problems.map(formatProblem);

test('malformed placeholders: names differing only in case, empty and unclosed ones; code stays literal', () => {
  const file = `${LINT}/placeholders/placeholders.md`;
  assert.deepEqual(
    lines(`${LINT}/placeholders`),
    [
      `${file}:9:29  body  warning: placeholders {{topic}} and {{Topic}} differ only in case; they are different variables`,
      `${file}:11:20  body  warning: empty placeholder {{}}: give it a name, like {{topic}}`,
      `${file}:11:52  body  warning: placeholder "{{unfinished and the line ends" is not closed with }} on its line`,
    ],
  );
});

test('recommended sections: an opening paragraph and the seed’s headings, matched without case, emoji or punctuation', () => {
  const file = `${LINT}/sections/missing-sections.md`;
  assert.deepEqual(lines(`${LINT}/sections`), [
    `${file}:8:1  body  warning: does not open with a paragraph saying who the persona is`,
    `${file}:8:1  body  warning: has no "Communication Style", "Workflow Patterns" sections (recommended; see persona-atlas.json)`,
  ]);
});

test('persona-lint.json next to the personas changes the recommended sections or turns them off', () => {
  assert.deepEqual(lines(`${LINT}/custom-sections`), [
    `${LINT}/custom-sections/custom.md:8:1  body  warning: has no "Rules" section (recommended; see persona-atlas.json)`,
  ]);
  assert.deepEqual(lines('tests/fixtures/invalid/description-style').filter((line) => line.includes('section')), []);
  const dir = mkdtempSync(join(tmpdir(), 'lint-config-'));
  writeFileSync(join(dir, 'persona-lint.json'), '{ "recommendedSections": { "headings": "Expertise" } }');
  assert.match(lines(dir)[0], /persona-lint\.json:1:3 {2}recommendedSections {2}must be false or \{ "openingParagraph": true, "headings": \[…\] \}/);
});

test('near-duplicate prompts are reported once, naming both files, with their similarity', () => {
  assert.deepEqual(lines(`${LINT}/near-duplicates`), [
    `${LINT}/near-duplicates/itinerary-a.md:1:1  body  warning: is mostly the same text as ${LINT}/near-duplicates/itinerary-b.md (95% of 5-word runs shared; reported from 60%)`,
  ]);
  assert.deepEqual(lines('personas'), [], 'the shipped personas have no near-duplicates');
});

const persona = (id: string, body: string) =>
  `---\nid: ${id}\nname: Big\nemoji: 📦\ncategory: testing\ndescription: Size test.\n---\n\nYou are big.\n\n${body}`;

test('a prompt over 100,000 tokens is reported with its count; a file over 1 MB is refused unread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-size-'));
  writeFileSync(join(dir, 'persona-lint.json'), '{ "recommendedSections": false }');
  writeFileSync(join(dir, 'huge.md'), persona('huge', 'alpha beta gamma delta '.repeat(26_000)));
  writeFileSync(join(dir, 'too-large.md'), persona('too-large', 'x'.repeat(1024 * 1024)));
  assert.deepEqual(
    lines(dir).map((line) => line.slice(dir.length + 1)),
    [
      'huge.md:8:1  body  warning: is 104,006 tokens, more than most models\' context (100,000)',
      'too-large.md:1:1  file  is 1.0 MB; a persona file must be under 1 MB (not read)',
    ],
  );
});
