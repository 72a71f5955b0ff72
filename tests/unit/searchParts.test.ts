import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGES_PER_PART, searchPartCount, searchPartOf, searchPartPath } from '../../src/lib/build/searchParts.ts';

test('one part per 10,000 persona pages, at least one, and two past 5,000', () => {
  assert.equal(PAGES_PER_PART, 10000);
  assert.deepEqual([0, 1, 5000, 5001, 10000, 10001, 20001, 30000].map((n) => searchPartCount(n)), [1, 1, 1, 2, 2, 2, 3, 3]);
  assert.equal(searchPartCount(12, 4), 3);
});

test('a persona’s part depends on its id alone and parts come out balanced', () => {
  const ids = Array.from({ length: 30000 }, (_, i) => `persona-${String(i).padStart(5, '0')}`);
  const sizes = new Array(3).fill(0);
  for (const id of ids) sizes[searchPartOf(id, 3)]++;
  assert.ok(Math.min(...sizes) > 9500 && Math.max(...sizes) < 10500, sizes.join(' '));
  assert.equal(searchPartOf('sr-backend', 3), searchPartOf('sr-backend', 3));
});

test('the first part is Pagefind’s usual bundle, the others sit beside its files', () => {
  assert.deepEqual([0, 1, 5].map((part) => searchPartPath(part)), ['pagefind/', 'pagefind/part-1/', 'pagefind/part-5/']);
});
