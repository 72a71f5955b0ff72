import { expect, test } from '@playwright/test';
import { buildSite } from './support/build.ts';

test('a folder with bad persona files fails the build, naming each file and rule', async () => {
  const { status, output } = buildSite({ PERSONAS_DIR: 'tests/fixtures/invalid', OUT_DIR: '.cache/e2e/invalid' });
  expect(status).not.toBe(0);
  expect(output).toContain('tests/fixtures/invalid/bad-emoji.md:4:8  emoji  "fire" is not a single emoji');
  expect(output).toContain('tests/fixtures/invalid/not-a-slug.md:2:5  id  "Not A Slug" is not a slug');
  expect(output).toContain('tests/fixtures/invalid/empty-body.md:8:1  body  is empty');
  expect(output).toContain('tests/fixtures/invalid/same-id-a.md:2:5  id  "same-id" is also the id of tests/fixtures/invalid/same-id-b.md');
  expect(output).toContain('tests/fixtures/invalid/same-id-b.md:2:5  id  "same-id" is also the id of tests/fixtures/invalid/same-id-a.md');
});
