import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CatalogUnavailable } from '../../src/lib/catalog/catalogFetch.ts';
import { runPagefindSync, writePagefindClient } from '../../src/lib/catalog/pagefindClient.ts';
import { IncompatibleIndex, openIndexSearch, type CatalogFileReader } from '../../src/lib/catalog/pagefindSearch.ts';

// The site's search engine run in Node over a tiny index, and what it refuses to run.

const work = mkdtempSync(join(tmpdir(), 'pagefind-search-'));
const client = writePagefindClient(join(work, 'client'));
mkdirSync(join(work, 'site/personas/a'), { recursive: true });
mkdirSync(join(work, 'site/personas/b'), { recursive: true });
const page = (id: string, text: string) =>
  `<html lang="en"><head><title>${id}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="id:${id}">${id}</h1><p>${text}</p></article></body></html>`;
writeFileSync(join(work, 'site/personas/a/index.html'), page('a', 'Streams events through Kafka topics.'));
writeFileSync(join(work, 'site/personas/b/index.html'), page('b', 'Writes poems about rivers and kafka once.'));
runPagefindSync(join(work, 'site'), join(work, 'site/pagefind'));

/** Reads the built site, with some files swapped for other bytes. */
const reader = (swaps: Record<string, Uint8Array> = {}): CatalogFileReader => async (path) => {
  if (swaps[path]) return swaps[path];
  try {
    return readFileSync(join(work, 'site', path));
  } catch {
    return undefined;
  }
};

test('searches the index as the browser does: stemmed words in the whole text', async () => {
  const search = await openIndexSearch(reader(), ['pagefind/'], client);
  assert.deepEqual((await search.search('streaming', {}, 10)).ids, ['a']);
  assert.deepEqual((await search.search('kafka', {}, 10)).total, 2);
  assert.deepEqual((await search.search('kafka', {}, 1)).ids.length, 1);
});

test('a wasm file that is not the client’s own Pagefind build is never run', async () => {
  const wasm = readFileSync(join(work, 'site/pagefind/wasm.en.pagefind'));
  const tampered = Uint8Array.from(wasm, (byte, index) => (index === wasm.length - 1 ? byte ^ 1 : byte));
  await assert.rejects(openIndexSearch(reader({ 'pagefind/wasm.en.pagefind': tampered }), ['pagefind/'], client), (error) => {
    assert.ok(error instanceof CatalogUnavailable);
    assert.match(error.message, /pagefind\/wasm\.en\.pagefind is not the wasm\.en\.pagefind of Pagefind .*; it is not run/);
    return true;
  });
});

test('an index from another Pagefind version is reported as such, for a search of the metadata instead', async () => {
  const entry = JSON.parse(readFileSync(join(work, 'site/pagefind/pagefind-entry.json'), 'utf8'));
  const other = new TextEncoder().encode(JSON.stringify({ ...entry, version: '0.9.0' }));
  await assert.rejects(openIndexSearch(reader({ 'pagefind/pagefind-entry.json': other }), ['pagefind/'], client), IncompatibleIndex);
});
