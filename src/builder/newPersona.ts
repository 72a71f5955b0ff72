// `npm run new` and `persona-atlas new`: a persona file to fill in, or a
// translation of one to translate, checked before it is written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPersonaSources } from '../lib/formats/collectionFiles.ts';
import { checkPersonaFolder, checkPersonas, formatProblem } from '../lib/persona/personaCheck.ts';
import { scaffoldPersona, scaffoldTranslation } from '../lib/persona/scaffold.ts';
import { SLUG_PATTERN } from '../lib/persona/slug.ts';
import { slugify } from '../lib/persona/slugify.ts';
import { readCatalogSettings } from '../lib/site/catalogSettings.ts';

export interface NewPersonaOptions {
  name: string;
  category?: string;
  emoji?: string;
  description?: string;
  id?: string;
}

export const NEW_USAGE = '"Display Name" --category <slug> [--emoji 🧮] [--description "..."] [--id <slug>], or --lang <code> <id>';

/** Writes `<folder>/<id>.md`; returns what to tell the user. Throws when it cannot, saying why. */
export function newPersona(folder: string, { name, category, emoji = '🧑‍💼', description, id: given }: NewPersonaOptions): string {
  if (!name.trim() || !category) throw new Error(`Usage: new ${NEW_USAGE}`);
  const id = given ?? slugify(name) ?? '';
  for (const [field, value] of [['id', id], ['category', category]]) {
    if (!SLUG_PATTERN.test(value)) throw new Error(`${field} ${JSON.stringify(value)} is not a slug: use lowercase letters, digits and hyphens`);
  }
  const path = join(folder, `${id}.md`);
  if (existsSync(path)) throw new Error(`${path} already exists; pick another name or pass --id`);
  const owner = checkPersonas(existsSync(folder) ? readPersonaSources(folder) : []).personas.find((persona) => persona.data.id === id);
  if (owner) throw new Error(`The id ${JSON.stringify(id)} is already used by ${owner.file}; pass --id to choose another`);
  const text = scaffoldPersona({ id, name: name.trim(), emoji, category, description: description ?? `${name.trim()} who helps with one clearly named kind of work.` });
  const problems = checkPersonas([{ file: path, bytes: Buffer.from(text) }]).problems;
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(path, text);
  return `Created ${path}. Write the prompt, fill in tags and worker_affinity, then check the folder.`;
}

/** Writes `<folder>/<lang>/<id>.md` from the original, to translate. */
export function newTranslation(folder: string, lang: string, id: string): string {
  const languages = readCatalogSettings(folder).settings.languages ?? [];
  if (!languages.slice(1).includes(lang)) {
    throw new Error(`${lang} is not one of the catalog's other languages (persona-atlas.json "languages": ${JSON.stringify(languages)})`);
  }
  const original = checkPersonaFolder(folder).personas.find((persona) => persona.data.id === id);
  if (!original) throw new Error(`No persona of ${folder} has the id ${JSON.stringify(id)}`);
  const path = join(folder, lang, `${id}.md`);
  if (existsSync(path)) throw new Error(`${path} already exists`);
  mkdirSync(join(folder, lang), { recursive: true });
  writeFileSync(path, scaffoldTranslation(original.data, original.body));
  return `Created ${path} from the original. Translate its name, description and prompt, then check the folder.`;
}
