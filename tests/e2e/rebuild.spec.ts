import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from './support/build.ts';

const WORK = '.cache/e2e/rebuild';
const PERSONAS = `${WORK}/personas`;

const siteEnv = (outDir: string) => ({
  PERSONAS_DIR: PERSONAS,
  OUT_DIR: outDir,
  BASE_PATH: '/atlas',
  SITE_URL: 'http://127.0.0.1:4401',
  // Several search index parts, so a rebuild can keep some and redo others.
  SEARCH_PART_PAGES: '4',
});

function build(outDir: string): string {
  const { status, output } = buildSite(siteEnv(outDir));
  expect(status, output).toBe(0);
  return output;
}

/** Every file under a folder, as path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name))]));
}

/** A rebuilt folder holds the very files a clean build writes. */
function expectSameFiles(rebuilt: string, clean: string): void {
  const rebuiltFiles = tree(rebuilt);
  const cleanFiles = tree(clean);
  expect([...rebuiltFiles.keys()].sort()).toEqual([...cleanFiles.keys()].sort());
  for (const [path, bytes] of cleanFiles) expect(rebuiltFiles.get(path)!.equals(bytes), `${path} differs`).toBe(true);
}

test('a rebuild keeps what did not change and ends up equal to a clean build', async () => {
  test.setTimeout(120_000);
  rmSync(WORK, { recursive: true, force: true });
  cpSync('tests/fixtures/catalog', PERSONAS, { recursive: true });
  const rebuilt = `${WORK}/rebuilt`;
  build(rebuilt);

  // Nothing changed: every persona's files are kept, not rendered again (the
  // mark after </html> survives), and no search index part is redone.
  const page = `${rebuilt}/personas/minimal/index.html`;
  const original = readFileSync(page);
  appendFileSync(page, '<!-- kept -->');
  const unchanged = build(rebuilt);
  expect(unchanged).toContain('Persona files: 0 rendered, 14 unchanged since the last build and kept');
  expect(unchanged).toContain('0 indexed, 4 unchanged parts reused');
  expect(readFileSync(page, 'utf8')).toMatch(/<!-- kept -->$/);
  writeFileSync(page, original);

  // A body edited, a tag added (which moves related personas), one persona deleted and one added.
  appendFileSync(`${PERSONAS}/hostile.md`, '\nOne more line, added by the rebuild test.\n');
  const flag = readFileSync(`${PERSONAS}/emoji-flag.md`, 'utf8');
  writeFileSync(`${PERSONAS}/emoji-flag.md`, flag.replace('  - travel-planning\n', '  - travel-planning\n  - writing\n'));
  rmSync(`${PERSONAS}/long-body.md`);
  const minimal = readFileSync(`${PERSONAS}/minimal.md`, 'utf8');
  writeFileSync(`${PERSONAS}/minimal-two.md`, minimal.replace('id: minimal', 'id: minimal-two').replace('name: Minimal', 'name: Minimal Two'));
  const edited = build(rebuilt);
  const [, rendered, kept] = /Persona files: (\d+) rendered, (\d+) unchanged/.exec(edited)!;
  expect(Number(kept)).toBeGreaterThan(0);
  expect(Number(rendered) + Number(kept)).toBe(14);

  const clean = `${WORK}/clean`;
  build(clean);
  expectSameFiles(rebuilt, clean);
});

test('a rebuild of a catalog in four languages keeps each language’s unchanged pages and index parts, and equals a clean build', async () => {
  test.setTimeout(120_000);
  const work = `${WORK}-languages`;
  const personas = `${work}/personas`;
  rmSync(work, { recursive: true, force: true });
  cpSync('tests/fixtures/languages', personas, { recursive: true });
  const env = (outDir: string) => ({ ...siteEnv(outDir), PERSONAS_DIR: personas, SEARCH_PART_PAGES: '' });
  const languageBuild = (outDir: string) => {
    const { status, output } = buildSite(env(outDir));
    expect(status, output).toBe(0);
    return output;
  };
  const rebuilt = `${work}/rebuilt`;
  languageBuild(rebuilt);
  const unchanged = languageBuild(rebuilt);
  expect(unchanged).toContain('Persona files: 0 rendered, 6 unchanged since the last build and kept');
  // Each language's index holds its own translations: German 2, Japanese and Arabic 1 each.
  const pages = { en: 2, de: 2, ja: 1, ar: 1 };
  for (const [lang, count] of Object.entries(pages)) expect(unchanged).toContain(`Search index (${lang}): ${count} persona pages in 1 part, 0 indexed, 1 unchanged part reused`);

  // The German translation's prompt edited: its page and its part of the German index are redone, nothing else.
  appendFileSync(`${personas}/de/travel-planner.md`, '- Plane einen freien Nachmittag ein.\n');
  const edited = languageBuild(rebuilt);
  expect(edited).toContain('Persona files: 1 rendered, 5 unchanged since the last build and kept');
  expect(edited).toContain('Search index (de): 2 persona pages in 1 part, 1 indexed\n');
  for (const lang of ['en', 'ja', 'ar'] as const) expect(edited).toContain(`Search index (${lang}): ${pages[lang]} persona pages in 1 part, 0 indexed, 1 unchanged part reused`);

  const clean = `${work}/clean`;
  languageBuild(clean);
  expectSameFiles(rebuilt, clean);
});
