import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeBesidePages, writeInThread, writesBesidePages } from '../../src/lib/build/writesBesidePages.ts';

test('files written beside the pages come out byte for byte, in folders made for them', async () => {
  const out = mkdtempSync(join(tmpdir(), 'beside-'));
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x0d, 0x0a]);
  writeBesidePages(writeInThread([[join(out, 'personas', 'a.md'), bytes], [join(out, 'api', 'personas', 'a.json'), '{"name":"Ünïcode 🔧"}']]));
  writeBesidePages(writeInThread([[join(out, 'personas', 'b.md'), 'second batch']]));
  await writesBesidePages();
  assert.deepEqual(new Uint8Array(readFileSync(join(out, 'personas', 'a.md'))), bytes);
  assert.equal(readFileSync(join(out, 'api', 'personas', 'a.json'), 'utf8'), '{"name":"Ünïcode 🔧"}');
  assert.equal(readFileSync(join(out, 'personas', 'b.md'), 'utf8'), 'second batch');
});

test('a file that cannot be written fails the wait for them, naming why', async () => {
  const out = mkdtempSync(join(tmpdir(), 'beside-'));
  writeFileSync(join(out, 'personas'), 'a file where the folder should be');
  writeBesidePages(writeInThread([[join(out, 'personas', 'a.md'), 'text']]));
  await assert.rejects(writesBesidePages(), /Writing the persona files: .*(EEXIST|ENOTDIR)/);
  // The next build starts a writer of its own.
  writeBesidePages(writeInThread([[join(out, 'fine.md'), 'text']]));
  await writesBesidePages();
  assert.equal(readFileSync(join(out, 'fine.md'), 'utf8'), 'text');
});
