import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalog, facetPageLanguage, hasFacetPage, orderPersonas } from '../../src/lib/catalog/catalog.ts';
import { labelFromSlug } from '../../src/lib/persona/slugify.ts';
import { personaSchema } from '../../src/lib/persona/persona.ts';

function persona(id: string, category: string, tags: string[] = [], worker_affinity: string[] = []) {
  const name = labelFromSlug(id);
  return { data: personaSchema.parse({ id, name, emoji: '🧪', category, description: `${name}.`, tags, worker_affinity }) };
}

const people = [
  persona('zeta', 'data', ['sql']),
  persona('alpha', 'data', ['sql', 'python'], ['research']),
  persona('mid', 'data', ['excel']),
  persona('other', 'design', ['sql', 'python']),
  persona('lonely', 'legal'),
];
const catalog = buildCatalog(people);
const byId = (id: string) => people.find((p) => p.data.id === id)!;
const ids = (list: { data: { id: string } }[]) => list.map((p) => p.data.id);

test('labels come from slugs', () => {
  assert.equal(labelFromSlug('data-science'), 'Data Science');
  assert.equal(labelFromSlug('ai'), 'Ai');
});

test('personas are sorted by name and grouped per facet kind', () => {
  assert.deepEqual(ids(catalog.personas), ['alpha', 'lonely', 'mid', 'other', 'zeta']);
  assert.deepEqual(catalog.facets.categories.map((f) => [f.slug, f.personas.length]), [['data', 3], ['design', 1], ['legal', 1]]);
  assert.deepEqual(ids(catalog.facet('tags', 'sql')!.personas), ['alpha', 'other', 'zeta']);
  assert.deepEqual(ids(catalog.facet('affinities', 'research')!.personas), ['alpha']);
  assert.equal(catalog.facet('tags', 'nope'), undefined);
});

test('neighbours are the previous and next persona by name in the category', () => {
  const { previous, next } = catalog.neighbours(byId('mid'));
  assert.equal(previous?.data.id, 'alpha');
  assert.equal(next?.data.id, 'zeta');
  assert.deepEqual(catalog.neighbours(byId('lonely')), { previous: undefined, next: undefined });
});

test('related personas rank shared tags above a shared category', () => {
  assert.deepEqual(ids(catalog.related(byId('alpha'))), ['other', 'zeta', 'mid']);
  assert.deepEqual(catalog.related(byId('lonely')), []);
});

test('related personas stay bounded in a huge shared tag', () => {
  const many = Array.from({ length: 5000 }, (_, i) => persona(`p-${String(i).padStart(4, '0')}`, 'bulk', ['common']));
  const big = buildCatalog(many);
  const related = big.related(many[2500], 4);
  assert.equal(related.length, 4);
  assert.ok(related.every((p) => p !== many[2500]));
});

test('personas order by name or by size, largest first with ties by name', () => {
  const sizes: Record<string, number> = { alpha: 10, mid: 30, zeta: 30 };
  const data = catalog.facet('categories', 'data')!.personas;
  assert.deepEqual(ids(orderPersonas(data, 'name', (p) => sizes[p.data.id])), ['alpha', 'mid', 'zeta']);
  assert.deepEqual(ids(orderPersonas(data, 'size', (p) => sizes[p.data.id])), ['mid', 'zeta', 'alpha']);
});

test('a tag or affinity of one persona has no page; a category always has one', () => {
  assert.equal(hasFacetPage(catalog.facet('tags', 'sql')), true);
  assert.equal(hasFacetPage(catalog.facet('tags', 'excel')), false);
  assert.equal(hasFacetPage(catalog.facet('affinities', 'research')), false);
  assert.equal(hasFacetPage(catalog.facet('categories', 'legal')), true);
});

test('another language links to its own facet page once a persona of it is translated there, else to the default language’s', () => {
  // In German, "alpha" is translated; the others are listed as their English originals.
  const languageOf = (entry: { data: { id: string } }) => (entry.data.id === 'alpha' ? 'de' : 'en');
  assert.equal(facetPageLanguage(catalog.facet('tags', 'python'), 'de', 'en', languageOf), 'de');
  assert.equal(facetPageLanguage(catalog.facet('categories', 'design'), 'de', 'en', languageOf), 'en');
  assert.equal(facetPageLanguage(catalog.facet('categories', 'design'), 'en', 'en', languageOf), 'en');
  assert.equal(facetPageLanguage(catalog.facet('tags', 'excel'), 'de', 'en', languageOf), undefined);
});
