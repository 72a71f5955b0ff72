import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchRecords } from '../../src/lib/build/searchRecords.ts';
import type { CheckedPersona } from '../../src/lib/persona/personaCheck.ts';

const persona = (id: string, name: string, lang?: string): CheckedPersona => ({
  file: `${lang ? `${lang}/` : ''}${id}.md`,
  lang,
  text: '',
  format: 'persona-atlas',
  derived: [],
  data: { id, name, emoji: '🧭', category: 'travel', description: `${name} <plans> trips.`, worker_affinity: ['research'], tags: ['itinerary'] },
  body: `You are ${name}.\n\n\`\`\`js\nconst day = 1;\n\`\`\`\n`,
  idPosition: { line: 1, column: 1 },
});

test('a record holds what the persona page shows Pagefind: weighted name, description and tags, filters, metadata and the prompt', async () => {
  const records = await searchRecords({ personas: [persona('guide', 'Guide & Co')], translations: [] }, ['en'], { categories: { travel: { label: 'Travel & leisure' } } });
  const [record] = records.get('en')!;
  assert.equal(record.path, 'personas/guide/index.html');
  assert.match(record.html, /<article data-pagefind-body>/);
  assert.match(record.html, /<h1 data-pagefind-weight="10">Guide &amp; Co<\/h1><p data-pagefind-weight="6">Guide &amp; Co &lt;plans&gt; trips\.<\/p>/);
  assert.match(record.html, /<ul data-pagefind-weight="8"><li>#itinerary<\/li><\/ul>/);
  for (const filter of ['category">travel', 'tag">itinerary', 'affinity">research']) assert.ok(record.html.includes(`data-pagefind-filter="${filter}<`), filter);
  assert.match(record.html, /data-pagefind-meta="category">Travel &amp; leisure</);
  assert.match(record.html, /data-pagefind-meta="lang">en</);
  assert.doesNotMatch(record.html, /shown/);
  assert.match(record.html, /<p>You are Guide &amp; Co\.<\/p>/);
  assert.match(record.html, /const day = 1;/);
});

test('each language indexes its own translations; an original is shown where it has no translation', async () => {
  const records = await searchRecords(
    { personas: [persona('guide', 'Guide'), persona('cook', 'Cook')], translations: [persona('guide', 'Reiseführer', 'de'), persona('lost', 'Verloren', 'de')] },
    ['en', 'de', 'ja'],
    {},
  );
  const shown = (html: string) => [...html.matchAll(/data-pagefind-filter="shown">(\w+)</g)].map((match) => match[1]);
  const [cook, guide] = [...records.get('en')!].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(shown(guide.html), ['en', 'ja']);
  assert.deepEqual(shown(cook.html), ['en', 'de', 'ja']);
  assert.deepEqual(records.get('de')!.map((record) => [record.path, shown(record.html)]), [['de/personas/guide/index.html', ['de']]]);
  assert.deepEqual(records.get('ja'), []);
});
