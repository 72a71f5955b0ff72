import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cli } from './support/cli.ts';
import { siteUrl } from './support/sites.ts';

// A persona that names its licence, author and source: the page shows them,
// the API publishes them, and what `add` writes carries them.

test('licence, author and source on the page, in the API, and in the file add writes', async ({ page, request }) => {
  await page.goto(siteUrl('fixtures', '/personas/with-licence/'));
  await expect(page.locator('dd[data-license]')).toHaveText('CC-BY-4.0');
  await expect(page.locator('dd[data-author]')).toHaveText('Ada Fixture');
  await expect(page.locator('dd[data-source] a')).toHaveAttribute('href', 'https://example.org/prompts/licensed-reviewer');

  const detail = await (await request.get(siteUrl('fixtures', '/api/personas/with-licence.json'))).json();
  expect(detail).toMatchObject({ license: 'CC-BY-4.0', author: 'Ada Fixture', source: 'https://example.org/prompts/licensed-reviewer' });
  const index = await (await request.get(siteUrl('fixtures', '/api/personas.json'))).json();
  expect(index.personas.find((p: { id: string }) => p.id === 'with-licence')).toMatchObject({ license: 'CC-BY-4.0' });
  // A persona naming none publishes none of the three.
  expect(index.personas.find((p: { id: string }) => p.id === 'minimal')).not.toHaveProperty('license');

  const project = mkdtempSync(join(tmpdir(), 'atlas-provenance-'));
  const added = cli(['add', 'with-licence', '--tool', 'claude-code', '--catalog', siteUrl('fixtures', '/')], project);
  expect(added.status, added.stderr).toBe(0);
  expect(readFileSync(join(project, '.claude/agents/with-licence.md'), 'utf8')).toMatch(
    /^---\n# persona-atlas: license CC-BY-4\.0; author Ada Fixture; source https:\/\/example\.org\/prompts\/licensed-reviewer\nname: with-licence\n/,
  );
});
