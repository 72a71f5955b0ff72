import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { recordFileFor } from '../../src/lib/build/buildRecords.ts';
import { codeDigest, personaFiles } from '../../src/lib/build/pageReuse.ts';
import { siteConfigFromEnv } from '../../src/lib/site/siteConfig.ts';

test('a persona’s kept files are the ones its page, markdown and JSON routes write', () => {
  assert.deepEqual(personaFiles('sr-backend'), ['personas/sr-backend/index.html', 'personas/sr-backend.md', 'api/personas/sr-backend.json']);
});

test('each output folder has its own record', () => {
  assert.notEqual(recordFileFor('cache', 'dist'), recordFileFor('cache', '.cache/e2e/fixtures'));
  assert.equal(recordFileFor('cache', 'dist'), recordFileFor('cache', './dist/'));
});

test('the code digest is stable and changes with any source file, the lock file or the site settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'page-reuse-'));
  mkdirSync(join(root, 'src', 'components'), { recursive: true });
  writeFileSync(join(root, 'src', 'components', 'Card.astro'), '<article />');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  const settings = siteConfigFromEnv({});
  const first = codeDigest(root, settings);
  assert.equal(codeDigest(root, settings), first);

  writeFileSync(join(root, 'src', 'components', 'Card.astro'), '<article class="card" />');
  const edited = codeDigest(root, settings);
  assert.notEqual(edited, first);
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  const locked = codeDigest(root, settings);
  assert.notEqual(locked, edited);
  assert.notEqual(codeDigest(root, siteConfigFromEnv({ BASE_PATH: '/atlas' })), locked);
});
