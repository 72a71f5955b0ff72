import { expect, test } from '@playwright/test';
import { readPersonaSources } from '../../src/lib/formats/collectionFiles.ts';
import { checkPersonas, formatProblem } from '../../src/lib/persona/personaCheck.ts';
import { buildSite } from './support/build.ts';

const INVALID = 'tests/fixtures/invalid';

test('bad persona files fail the build with the same lines npm run check prints', async () => {
  const { status, output } = buildSite({ PERSONAS_DIR: INVALID, OUT_DIR: '.cache/e2e/invalid' });
  expect(status).not.toBe(0);
  const { problems } = checkPersonas(readPersonaSources(INVALID));
  expect(problems.length).toBeGreaterThan(20);
  for (const problem of problems) expect(output).toContain(formatProblem(problem));
  expect(output).toContain(`${INVALID}/emoji-not-single/word-emoji.md:4:8  emoji  "fire" is not a single emoji`);
  expect(output).toContain(`${INVALID}/duplicate-ids/same-id-a.md:2:5  id  "same-id" is also the id of`);
});

test('a folder whose only problems are warnings still builds', async () => {
  const { status, output } = buildSite({ PERSONAS_DIR: `${INVALID}/description-style`, OUT_DIR: '.cache/e2e/warnings' });
  expect(status, output).toBe(0);
  expect(output).toContain('description  warning: spans several lines');
});
