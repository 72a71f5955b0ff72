import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillPrompt, fillSegments, promptSegments, promptVariables } from '../../src/lib/prompt/promptVariables.ts';

const prompt = 'Write for {{ audience : busy engineers }} about {{topic}}.\nAgain: {{topic:ignored}} and {{audience}}.\n\n`{{code}}` stays, as does\n\n```\n{{block}}\n```\n';

test('variables: distinct names in order of use, first default wins, code stays literal', () => {
  assert.deepEqual(promptVariables(prompt), [
    { name: 'audience', default: 'busy engineers' },
    { name: 'topic', default: 'ignored' },
  ]);
});

test('segments give the prompt back exactly, and filling replaces every occurrence', () => {
  const segments = promptSegments(prompt);
  assert.equal(fillSegments(segments, {}), prompt);
  assert.equal(
    fillSegments(segments, { audience: 'Finance', topic: 'budgets' }),
    'Write for Finance about budgets.\nAgain: budgets and Finance.\n\n`{{code}}` stays, as does\n\n```\n{{block}}\n```\n',
  );
  assert.equal(fillPrompt(prompt, { topic: 'x' }).startsWith('Write for {{ audience : busy engineers }} about x.'), true, 'unfilled stays as written');
  assert.equal(fillPrompt('No placeholders.', { a: 'b' }), 'No placeholders.');
});
