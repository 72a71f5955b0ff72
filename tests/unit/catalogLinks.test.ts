import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliCommand, parseShareLink, shareLink, shellWord } from '../../src/lib/catalog/catalogLinks.ts';

test('a share link names the set page of its catalog and carries the ids, also under a subpath', () => {
  for (const catalog of ['https://example.org', 'https://example.org/atlas', 'https://example.org/atlas/']) {
    const link = shareLink(catalog, ['sr-backend', 'emoji-flag']);
    assert.equal(link, `${catalog.replace(/\/$/, '')}/selection/?ids=sr-backend,emoji-flag`);
    assert.deepEqual(parseShareLink(link), { catalog: catalog.replace(/\/$/, ''), ids: ['sr-backend', 'emoji-flag'], invalid: [] });
  }
});

test('a share link’s ids are slugs, each once; anything else is named, never used', () => {
  assert.deepEqual(parseShareLink('https://example.org/selection/?ids=a,../../etc,a,,B'), { catalog: 'https://example.org', ids: ['a'], invalid: ['../../etc', 'B'] });
  assert.equal(parseShareLink('https://example.org/personas/a/'), undefined);
  assert.equal(parseShareLink('not a url'), undefined);
});

test('the command runs the catalog’s own tarball against the catalog, quoted for a shell where needed', () => {
  assert.equal(
    cliCommand('https://example.org/atlas/', ['add', 'a', 'b', '--tool', 'cursor']),
    'npx -y https://example.org/atlas/persona-atlas.tgz add a b --tool cursor --catalog https://example.org/atlas',
  );
  assert.equal(shellWord("it's $HOME"), `'it'\\''s $HOME'`);
});
