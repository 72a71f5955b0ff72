import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { temporaryFolder } from '../../src/lib/build/searchIndex.ts';
import type { SearchRecord } from '../../src/lib/build/searchRecords.ts';

const records = new Map<string, SearchRecord[]>([['en', [{ id: 'guide', path: 'personas/guide/index.html', html: '<p>A small record.</p>' }]]]);

test('the records wait in the memory folder when it has room for them', () => {
  const memory = mkdtempSync(join(tmpdir(), 'memory-'));
  try {
    const folder = temporaryFolder(records, memory);
    assert.equal(dirname(folder), memory);
  } finally {
    rmSync(memory, { recursive: true, force: true });
  }
});

test('without a memory folder they wait in the OS temporary folder', () => {
  const folder = temporaryFolder(records, join(tmpdir(), 'no-such-memory-folder'));
  try {
    assert.equal(dirname(folder), tmpdir());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
