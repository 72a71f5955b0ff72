import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newestFirst } from '../../src/lib/catalog/feedOrder.ts';

test('dated items come newest first, undated ones after in their given order', () => {
  const items = [
    { name: 'a' },
    { name: 'b', date: new Date('2024-01-01') },
    { name: 'c' },
    { name: 'd', date: new Date('2025-06-01') },
  ];
  assert.deepEqual(newestFirst(items, (item) => item.date).map((item) => item.name), ['d', 'b', 'a', 'c']);
});
