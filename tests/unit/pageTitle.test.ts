import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageTitle, TITLE_LIMIT } from '../../src/lib/site/pageTitle.ts';

test('titles name the page, then the site, within the limit', () => {
  assert.equal(pageTitle('Persona Atlas', 'Persona Atlas'), 'Persona Atlas');
  assert.equal(pageTitle('🔧 Sr. Backend Engineer', 'Persona Atlas'), '🔧 Sr. Backend Engineer · Persona Atlas');
  const long = 'A'.repeat(60);
  assert.equal(pageTitle(long, 'Persona Atlas'), long);
  const longer = `🧵 ${'B'.repeat(100)}`;
  const title = pageTitle(longer, 'Persona Atlas');
  assert.equal([...title].length, TITLE_LIMIT);
  assert.ok(title.startsWith('🧵 B') && title.endsWith('…'));
});
