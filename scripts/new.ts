// npm run new -- "Display Name" --category data [--emoji 🧮] [--description "..."] [--id custom-id]
// npm run new -- --lang de <id>   (a translation of an existing persona, to translate)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPersonaSources } from '../src/lib/formats/collectionFiles.ts';
import { checkPersonaFolder, checkPersonas, formatProblem } from '../src/lib/persona/personaCheck.ts';
import { scaffoldPersona, scaffoldTranslation } from '../src/lib/persona/scaffold.ts';
import { SLUG_PATTERN } from '../src/lib/persona/slug.ts';
import { slugify } from '../src/lib/persona/slugify.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    category: { type: 'string' },
    emoji: { type: 'string', default: '🧑‍💼' },
    description: { type: 'string' },
    id: { type: 'string' },
    lang: { type: 'string' },
  },
});

const { personasDir: dir, settings } = siteConfigFromEnv();

if (values.lang !== undefined) {
  const [id] = positionals;
  const languages = settings.languages ?? [];
  if (!id) fail('Usage: npm run new -- --lang <code> <id>');
  if (!languages.slice(1).includes(values.lang)) {
    fail(`${values.lang} is not one of the catalog's other languages (persona-atlas.json "languages": ${JSON.stringify(languages)})`);
  }
  const original = checkPersonaFolder(dir).personas.find((persona) => persona.data.id === id);
  if (!original) fail(`No persona of ${dir} has the id ${JSON.stringify(id)}`);
  const path = join(dir, values.lang, `${id}.md`);
  if (existsSync(path)) fail(`${path} already exists`);
  mkdirSync(join(dir, values.lang), { recursive: true });
  writeFileSync(path, scaffoldTranslation(original.data, original.body));
  console.log(`Created ${path} from the original. Translate its name, description and prompt, then run npm run check.`);
  process.exit(0);
}

const name = positionals.join(' ').trim();
if (!name || !values.category) fail('Usage: npm run new -- "Display Name" --category <slug> [--emoji 🧮] [--description "..."] [--id <slug>]');
const id = values.id ?? slugify(name) ?? '';
for (const [field, value] of [['id', id], ['category', values.category]]) {
  if (!SLUG_PATTERN.test(value)) fail(`${field} ${JSON.stringify(value)} is not a slug: use lowercase letters, digits and hyphens`);
}

const path = join(dir, `${id}.md`);
if (existsSync(path)) fail(`${path} already exists; pick another name or pass --id`);
const owner = checkPersonas(existsSync(dir) ? readPersonaSources(dir) : []).personas.find((persona) => persona.data.id === id);
if (owner) fail(`The id ${JSON.stringify(id)} is already used by ${owner.file}; pass --id to choose another`);

const text = scaffoldPersona({
  id,
  name,
  emoji: values.emoji,
  category: values.category,
  description: values.description ?? `${name} who helps with one clearly named kind of work.`,
});
const problems = checkPersonas([{ file: path, bytes: Buffer.from(text) }]).problems;
if (problems.length) fail(problems.map(formatProblem).join('\n'));

mkdirSync(dir, { recursive: true });
writeFileSync(path, text);
console.log(`Created ${path}. Write the prompt, fill in tags and worker_affinity, then run npm run check.`);
