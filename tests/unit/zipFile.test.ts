import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { zipArchive, zipEntry } from '../../src/lib/formats/zipFile.ts';

const DATE = new Date('2026-01-01T00:00:00Z');

test('an archive holds each file byte for byte, in order, readable by another zip reader', () => {
  const files: Array<[string, string]> = [
    ['.claude-plugin/plugin.json', '{"name":"editor"}\n'],
    ['agents/editor.md', `---\nname: editor\n---\n${'You edit prose, one sentence at a time. '.repeat(200)}\n`],
    ['NOTICE', 'Ünïcödé and emoji 🧭 stay as written.\n'],
    ['empty.txt', ''],
  ];
  const unpacked = unzipSync(zipArchive(files.map(([path, content]) => zipEntry(path, content)), DATE));
  assert.deepEqual(Object.keys(unpacked), files.map(([path]) => path));
  for (const [path, content] of files) assert.equal(strFromU8(unpacked[path]), content);
});

test('the same files and date make the same bytes, and an entry reused is as good as one made again', () => {
  const agent = zipEntry('agents/editor.md', 'You edit prose.\n');
  const first = zipArchive([zipEntry('README.md', 'One persona.\n'), agent], DATE);
  const again = zipArchive([zipEntry('README.md', 'One persona.\n'), zipEntry('agents/editor.md', 'You edit prose.\n')], DATE);
  assert.deepEqual(again, first);
  const category = zipArchive([zipEntry('README.md', 'Two personas.\n'), agent, zipEntry('agents/proofreader.md', 'You proofread.\n')], DATE);
  assert.equal(strFromU8(unzipSync(category)['agents/editor.md']), 'You edit prose.\n');
  assert.notDeepEqual(zipArchive([agent], new Date('2026-02-01T00:00:00Z')), zipArchive([agent], DATE));
});
