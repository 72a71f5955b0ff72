import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount, manyPromptInsights, promptInsights, TOKEN_ENCODING } from '../../src/lib/prompt/insights.ts';

test('tokens come from the o200k_base tokenizer', () => {
  assert.equal(TOKEN_ENCODING, 'o200k_base');
  assert.equal(promptInsights('hello world').tokens, 2);
  assert.equal(promptInsights('').tokens, 0);
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
