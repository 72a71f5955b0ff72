import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkPersonaFolder, checkPersonas, formatProblem } from '../../src/lib/persona/personaCheck.ts';
import { openCatalog } from '../../src/lib/catalog/catalogSource.ts';
import { readPrompt } from './support/readPrompt.ts';

// Translations: `<lang>/<id>.md` beside the originals, for the languages a
// catalog's settings name. Their name, description and prompt are their own;
// emoji, category, tags and affinities come from the original unless given.

const DIR = 'tests/fixtures/languages';
const LANGUAGES = ['en', 'de', 'ja', 'ar'];
const original = `---\nid: planner\nname: Planner\nemoji: 🧳\ncategory: travel\ndescription: Plans trips.\ntags: [trips]\n---\nPlan trips.\n`;
const source = (relative: string, text: string) => ({ file: `catalog/${relative}`, relative, bytes: Buffer.from(text) });

test('a translation inherits emoji, category, tags and affinities unless it gives them; npm run check counts them per language', () => {
  const result = checkPersonaFolder(DIR);
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
  const de = result.translations.find((t) => t.lang === 'de' && t.data.id === 'travel-planner')!;
  assert.deepEqual([de.data.name, de.data.emoji, de.data.category, de.data.tags], ['Reiseplaner', '🧳', 'travel', ['itineraries', 'budgets']]);
  assert.equal(result.translations.find((t) => t.lang === 'de' && t.data.id === 'code-mentor')!.data.emoji, '🧑‍💻');
  assert.equal(de.body, readPrompt(`${DIR}/de/travel-planner.md`));
  assert.deepEqual(result.notes, ['note: de: 2 of 2 personas translated', 'note: ja: 1 of 2 personas translated', 'note: ar: 1 of 2 personas translated']);
  assert.deepEqual(result.personas.map((p) => p.data.id).sort(), ['code-mentor', 'travel-planner'], 'translations are not personas of their own');
});

test('a translation without an original, a language folder the settings do not list, the default language’s folder and a broken translated field are errors naming the file', () => {
  const result = checkPersonas(
    [
      source('planner.md', original),
      source('de/nobody.md', '---\nid: nobody\nname: Niemand\ndescription: Keiner.\n---\nText.\n'),
      source('fr/planner.md', '---\nid: planner\nname: Planificateur\ndescription: Planifie.\n---\nTexte.\n'),
      source('en/planner.md', original),
      source('ja/planner.md', '---\nid: planner\nname: プランナー\ndescription: 計画します。\nemoji: nope\n---\n旅を計画します。\n'),
    ],
    { languages: LANGUAGES },
  );
  const errors = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
  assert.deepEqual(errors, [
    'catalog/de/nobody.md:2:5  id  "nobody" is no persona of the default language; a translation needs its original (the same id outside de/)',
    'catalog/en/planner.md:1:1  file  en/ is the default language\'s folder; its personas are the originals and sit outside language folders',
    'catalog/fr/planner.md:1:1  file  fr/ is named like a language that persona-atlas.json "languages" does not list (en, de, ja, ar); add it or rename the folder',
    'catalog/ja/planner.md:5:8  emoji  "nope" is not a single emoji',
  ]);
});

test('without languages in the settings, a folder named like a language is an ordinary folder', () => {
  const result = checkPersonas([source('de/planner.md', original)]);
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
  assert.equal(result.personas.length, 1);
});

test('the catalog reader serves a translation byte for byte, and says which languages a persona has when one is missing', async () => {
  const catalog = openCatalog(DIR);
  const { persona, json } = await catalog.get('travel-planner', 'ar');
  assert.equal(persona.prompt, readPrompt(`${DIR}/ar/travel-planner.md`));
  assert.equal(persona.name, 'مخطط الرحلات');
  assert.equal(json.lang, 'ar');
  assert.equal((await catalog.get('travel-planner', 'en')).persona.name, 'Travel Planner');
  await assert.rejects(catalog.get('code-mentor', 'ja'), /code-mentor has no ja translation \(it has de\)/);
});

test('npm run new -- --lang ja <id> writes the translation to do from the original, which the check accepts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-new-lang-'));
  cpSync(DIR, dir, { recursive: true });
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/new.ts', ...args], { encoding: 'utf8', env: { ...process.env, PERSONAS_DIR: dir } });
  const made = run(['--lang', 'ja', 'code-mentor']);
  assert.equal(made.status, 0, made.stderr);
  assert.equal(readPrompt(join(dir, 'ja/code-mentor.md')), readPrompt(join(dir, 'code-mentor.md')));
  const result = checkPersonaFolder(dir);
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
  assert.ok(result.notes.includes('note: ja: 2 of 2 personas translated'), result.notes.join('\n'));
  assert.equal(run(['--lang', 'fr', 'code-mentor']).status, 1);
  assert.equal(run(['--lang', 'ja', 'code-mentor']).status, 1, 'an existing translation is not overwritten');
});

test('import puts LobeHub’s <id>.<lang>.json beside <id>.json into <lang>/<id>.md and lists the languages; the folder then builds with them', () => {
  const work = mkdtempSync(join(tmpdir(), 'atlas-lobehub-'));
  const agent = (title: string, description: string, systemRole: string) =>
    JSON.stringify({ identifier: 'Tea Sommelier', meta: { avatar: '🍵', title, description, tags: ['tea'], category: 'lifestyle' }, config: { systemRole }, schemaVersion: 1 });
  const de = 'Du empfiehlst Tees nach Region und Jahreszeit.\n\n"Anführungszeichen" bleiben.';
  mkdirSync(join(work, 'src'));
  writeFileSync(join(work, 'src', 'tea.json'), agent('Tea Sommelier', 'Recommends teas.', 'You recommend teas by region and season.'));
  writeFileSync(join(work, 'src', 'tea.de-DE.json'), agent('Tee-Sommelier', 'Empfiehlt Tees.', de));
  writeFileSync(join(work, 'src', 'tea.ja-JP.json'), agent('ティーソムリエ', 'お茶を勧めます。', '地域と季節に合わせてお茶を勧めます。'));
  const out = join(work, 'personas');
  const run = spawnSync(process.execPath, ['src/cli/main.ts', 'import', join(work, 'src'), '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /wrote .*de-DE\/tea-sommelier\.md/);
  assert.match(run.stdout, /listed de-DE, ja-JP in .*persona-atlas\.json "languages"/);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'persona-atlas.json'), 'utf8')).languages, ['en', 'de-DE', 'ja-JP']);

  const checked = checkPersonaFolder(out);
  assert.deepEqual(checked.problems.filter((p) => p.severity === 'error'), []);
  const german = checked.translations.find((t) => t.lang === 'de-DE')!;
  assert.equal(german.data.name, 'Tee-Sommelier');
  assert.equal(german.data.emoji, '🍵');
  assert.equal(readPrompt(join(out, 'de-DE', 'tea-sommelier.md')), de);
  const again = spawnSync(process.execPath, ['src/cli/main.ts', 'import', join(work, 'src'), '--out', out], { encoding: 'utf8' });
  assert.match(again.stdout, /unchanged .*ja-JP\/tea-sommelier\.md/);
  assert.doesNotMatch(again.stdout, /listed/);
});
