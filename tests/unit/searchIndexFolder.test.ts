import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { temporaryFolder } from '../../src/lib/build/searchIndex.ts';
import type { SearchRecord } from '../../src/lib/build/searchRecords.ts';

const records = new Map<string, SearchRecord[]>([['en', [{ id: 'guide', path: 'personas/guide/index.html', html: '<p>A small record.</p>' }]]]);

test('the records wait in the memory folder when it has room for them', () => {
  const memory = mkdtempSync(join(tmpdir(), 'memory-'));
  try {
    const folder = temporaryFolder(records, process.pid, memory);
    assert.equal(dirname(folder), memory);
  } finally {
    rmSync(memory, { recursive: true, force: true });
  }
});

test('without a memory folder they wait in the OS temporary folder', () => {
  const folder = temporaryFolder(records, process.pid, join(tmpdir(), 'no-such-memory-folder'));
  try {
    assert.equal(dirname(folder), tmpdir());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a new index removes the folders that ended index processes left, not those of running ones', () => {
  const memory = mkdtempSync(join(tmpdir(), 'memory-'));
  try {
    // A process that has ended: its id is free once it has been waited for.
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = join(memory, `persona-atlas-search-${ended}-abc123`);
    const running = join(memory, `persona-atlas-search-${process.pid}-def456`);
    const unrelated = join(memory, 'persona-atlas-search-notes');
    for (const folder of [left, running, unrelated]) mkdirSync(folder);
    const folder = temporaryFolder(records, process.pid, memory);
    assert.deepEqual(readdirSync(memory).sort(), [basename(folder), basename(running), basename(unrelated)].sort());
    assert.match(basename(folder), new RegExp(`^persona-atlas-search-${process.pid}-`));
  } finally {
    rmSync(memory, { recursive: true, force: true });
  }
});
