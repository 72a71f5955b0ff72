import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countTokens as tokenizerCount } from 'gpt-tokenizer/encoding/o200k_base';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { ASCII_TOKEN_SPLIT, countTokens, formatCount, manyPromptInsights, promptInsights, TOKEN_ENCODING } from '../../src/lib/prompt/insights.ts';

test('tokens come from the o200k_base tokenizer', () => {
  assert.equal(TOKEN_ENCODING, 'o200k_base');
  assert.equal(promptInsights('hello world').tokens, 2);
  assert.equal(promptInsights('').tokens, 0);
});

test('counting piece by piece gives the tokenizer’s own count of the whole text', () => {
  // Scripts whose words run long without spaces (one piece, many byte pairs to merge) beside Latin text.
  const pieces = fc.constantFrom('word', 'Wort', ' ', '  ', '\n', '\r\n', '\t', "'s", "n't", '日本語', '。', '123456', '👩‍💻', '```ts', '{{name}}', '/', 'é', 'ÉCOLE', '你是一位经验丰富的翻译', 'プロンプトを書いてください', '한국어로답변', 'مساعدبرمجي', 'Помощник', 'सहायक', 'ภาษาไทย', '🇩🇪');
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')));
  fc.assert(fc.property(text, (sample) => countTokens(sample) === tokenizerCount(sample)), { numRuns: 2000 });
});

test('an ASCII text splits into the encoding’s own pieces', () => {
  const pieces = fc.constantFrom('word', 'Word', 'WORD', 'camelCase', "'s", "'LL", "n't", "'re", "'", '42', '123456', ' ', '   ', '\n', '\r\n', '\n\n  ', '\t', '\v', '\f', '...', ' //', '/\n', '```ts', '{{name}}', '-', '_x_', '#');
  const text = fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')));
  fc.assert(
    fc.property(text, (sample) => {
      assert.deepEqual(sample.match(ASCII_TOKEN_SPLIT) ?? [], sample.match(O200K_TOKEN_SPLIT_REGEX) ?? []);
      assert.equal(countTokens(sample), tokenizerCount(sample, { disallowedSpecial: new Set() }));
    }),
    { numRuns: 3000 },
  );
});

test('special tokens written in a prompt count as the text they are, in this thread and the second', async () => {
  const prompt = 'Wrap each turn in <|im_start|> and <|im_end|>; stop at <|endoftext|>.';
  assert.equal(countTokens(prompt), tokenizerCount(prompt, { disallowedSpecial: new Set() }));
  assert.ok(countTokens(prompt) > 3);
  const prompts = Array.from({ length: 201 }, (_, i) => `${prompt} ${i}`);
  assert.deepEqual(await manyPromptInsights(prompts), prompts.map(promptInsights));
});

test('words and reading time', () => {
  const prompt = Array.from({ length: 460 }, (_, i) => `word${i}`).join(' \n');
  const insights = promptInsights(prompt);
  assert.equal(insights.words, 460);
  assert.equal(insights.readingMinutes, 2);
  assert.equal(promptInsights('One short line.').readingMinutes, 1);
});

test('many prompts, half counted in a second thread, come out as each would alone and in order', async () => {
  const prompts = Array.from({ length: 301 }, (_, i) => `${'Prüfe jede Zeile, 日本語も。 '.repeat(i % 7)}prompt ${i} 👩‍💻`);
  assert.deepEqual(await manyPromptInsights(prompts), prompts.map(promptInsights));
  assert.deepEqual(await manyPromptInsights(prompts.slice(0, 3)), prompts.slice(0, 3).map(promptInsights));
});

test('counts format for cards and detail', () => {
  assert.equal(formatCount(1234), '1,234');
  assert.equal(formatCount(1234, 'compact'), '1.2K');
});
