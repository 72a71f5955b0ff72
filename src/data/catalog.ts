import { readFile } from 'node:fs/promises';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCatalog, type Catalog } from '../lib/catalog/catalog.ts';
import { checkPersonaFolder, readPrompt, type CheckedPersona } from '../lib/persona/personaCheck.ts';
import { storedFormat, storedInsights, storedLanguage } from '../loaders/personaLoader.ts';
import { personasToRender } from './pageReuse.ts';
import { routes, site } from './site.ts';

export type PersonaEntry = CollectionEntry<'personas'>;

let catalog: Promise<Catalog<PersonaEntry>> | undefined;

let translations: Promise<Map<string, PersonaEntry[]>> | undefined;

/** The catalog of the default language's personas, built once per build and shared by every page. */
export function getCatalog(): Promise<Catalog<PersonaEntry>> {
  catalog ??= getCollection('personas', (entry) => !storedLanguage(entry)).then((entries) => buildCatalog(entries, site.settings));
  return catalog;
}

/** Every persona's translations, by its id, in the order of the configured languages. */
function getTranslations(): Promise<Map<string, PersonaEntry[]>> {
  translations ??= getCollection('personas', (entry) => Boolean(storedLanguage(entry))).then((entries) => {
    const order = (entry: PersonaEntry) => site.settings.languages?.indexOf(storedLanguage(entry)!) ?? 0;
    const byId = new Map<string, PersonaEntry[]>();
    for (const entry of [...entries].sort((a, b) => order(a) - order(b))) byId.set(entry.data.id, [...(byId.get(entry.data.id) ?? []), entry]);
    return byId;
  });
  return translations;
}

/** Computes a value once per persona per build, however many pages ask for it. */
function perPersona<T>(compute: (entry: PersonaEntry) => T): (entry: PersonaEntry) => T {
  const values = new Map<string, T>();
  return (entry) => {
    if (!values.has(entry.id)) values.set(entry.id, compute(entry));
    return values.get(entry.id)!;
  };
}

let readFromOtherFormats: Map<string, CheckedPersona> | undefined;

/**
 * A persona read from another format, as the checker gave it: its file may
 * hold many (a CSV), and its id may have been derived across the collection,
 * so the collection is read again, once per build, when a page first needs one.
 */
function derivedPersona(entry: PersonaEntry): CheckedPersona {
  readFromOtherFormats ??= new Map(checkPersonaFolder(site.personasDir).personas.map((persona) => [persona.data.id, persona]));
  return readFromOtherFormats.get(entry.data.id)!;
}

/** The prompt exactly as written in the file (or as its format defines it, for other formats). */
export const promptOf = perPersona((entry) => (storedFormat(entry) ? derivedPersona(entry).body : readPrompt(entry.filePath!)));

/** The persona as a file of our own format: the file itself, or what a persona of another format is written as. */
export async function personaFileOf(entry: PersonaEntry) {
  return storedFormat(entry) ? derivedPersona(entry).text : readFile(entry.filePath!);
}

/** Word and token counts, computed when the file was loaded. */
export const insightsOf = storedInsights;

/** Absolute URLs of a persona's page and data files. */
export function personaUrls(id: string) {
  const absolute = (path: string) => new URL(path, site.site).href;
  return {
    page: absolute(routes.persona(id)),
    markdown: absolute(routes.personaMarkdown(id)),
    json: absolute(routes.personaJson(id)),
  };
}

/** A translation entry's language. */
export const storedLanguageOf = (entry: PersonaEntry) => storedLanguage(entry)!;

/** getStaticPaths for the routes with one file per translation (its JSON, its raw file). */
export async function translationPaths() {
  return [...(await getTranslations()).values()].flat().map((entry) => ({ params: { lang: storedLanguageOf(entry), id: entry.data.id }, props: { entry } }));
}

/** A persona's translations as the API lists them, in a catalog with several languages (else undefined). */
export async function apiTranslations(entry: PersonaEntry) {
  if (!site.settings.languages) return undefined;
  const absolute = (path: string) => new URL(path, site.site).href;
  return ((await getTranslations()).get(entry.data.id) ?? []).map((translation) => {
    const lang = storedLanguageOf(translation);
    return {
      lang,
      name: translation.data.name,
      description: translation.data.description,
      urls: { markdown: absolute(routes.translationMarkdown(lang, entry.data.id)), json: absolute(routes.translationJson(lang, entry.data.id)) },
    };
  });
}

/** Where to edit a persona's file on GitHub, when the repository is known. */
export function editUrl(entry: PersonaEntry): string | undefined {
  if (!site.repoUrl || !entry.filePath) return undefined;
  return `${site.repoUrl}/edit/${site.repoBranch}/${entry.filePath}`;
}

let toRender: Promise<Set<string>> | undefined;

/**
 * getStaticPaths for every route that has one file per persona: the personas
 * whose files changed since the last build (src/data/pageReuse.ts).
 */
export async function personaPaths() {
  toRender ??= Promise.all([getCatalog(), getTranslations()]).then(([catalog, translations]) => personasToRender(catalog, translations));
  const [{ personas }, render] = await Promise.all([getCatalog(), toRender]);
  return personas.filter((entry) => render.has(entry.id)).map((entry) => ({ params: { id: entry.data.id }, props: { entry } }));
}
