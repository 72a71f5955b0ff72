import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCatalog, FACET_KINDS, facetPageLanguage, type Catalog, type FacetKindName } from '../lib/catalog/catalog.ts';
import { searchPartCount } from '../lib/build/searchParts.ts';
import { translatedPluginsFit } from '../lib/formats/claudeMarketplace.ts';
import { renderAhead } from '../lib/prompt/promptsAhead.ts';
import { readPersona, storedFormat, storedInsights, storedLanguage } from '../loaders/personaLoader.ts';
import { DEFAULT_LANGUAGE, langParam, LANGUAGES, localeOf } from './locale.ts';
import { historyInputs } from './history.ts';
import { personasToRender } from './pageReuse.ts';
import { absoluteUrl, site } from './site.ts';

export type PersonaEntry = CollectionEntry<'personas'>;

const catalogs = new Map<string, Promise<Catalog<PersonaEntry>>>();

let translations: Promise<Map<string, PersonaEntry[]>> | undefined;

/**
 * The catalog as a language's pages list it, built once per build and shared
 * by every page: each persona by its translation into that language, or as
 * written when it has none. Without a language, the default language's.
 */
export function getCatalog(lang: string = DEFAULT_LANGUAGE): Promise<Catalog<PersonaEntry>> {
  let catalog = catalogs.get(lang);
  if (!catalog) {
    const originals = getCollection('personas', (entry) => !storedLanguage(entry));
    catalog =
      lang === DEFAULT_LANGUAGE
        ? originals.then((entries) => buildCatalog(entries, site.settings, lang))
        : Promise.all([originals, getTranslations()]).then(([entries, byId]) =>
            buildCatalog(
              entries.map((entry) => byId.get(entry.data.id)?.find((translation) => storedLanguage(translation) === lang) ?? entry),
              site.settings,
              lang,
            ),
          );
    catalogs.set(lang, catalog);
  }
  return catalog;
}

/** The language whose page of a facet a list in `lang` links to (facetPageLanguage), or none. */
export const facetPageIn = (catalog: Catalog<PersonaEntry>, lang: string, kind: FacetKindName, slug: string) =>
  facetPageLanguage(catalog.facet(kind, slug), lang, DEFAULT_LANGUAGE, languageOfEntry);

/** Where a category, tag or affinity links in a language: its page (or the default language's), or the search filtered by it when it has none. */
export async function facetHref(lang: string, kind: FacetKindName, slug: string): Promise<string> {
  const pageLanguage = facetPageIn(await getCatalog(lang), lang, kind, slug);
  if (pageLanguage) return localeOf(langParam(pageLanguage)).routes.facet(kind, slug);
  return localeOf(langParam(lang)).routes.searchFiltered(FACET_KINDS.find((facetKind) => facetKind.name === kind)!.searchFilter, slug);
}

/** The language a persona entry is written in. */
export const languageOfEntry = (entry: PersonaEntry) => storedLanguage(entry) ?? DEFAULT_LANGUAGE;

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

/** The prompt exactly as written in the file (or as its format defines it, for other formats). */
export const promptOf = (entry: PersonaEntry) => readPersona(entry).body;

/**
 * The persona as a file of our own format: the file itself, byte for byte, or
 * what a persona of another format is written as (its file may hold many, a CSV).
 */
export async function personaFileOf(entry: PersonaEntry) {
  return storedFormat(entry) ? readPersona(entry).text : readFile(entry.filePath!);
}

/** Word and token counts, computed when the file was loaded. */
export const insightsOf = storedInsights;

/** Absolute URLs of a persona's page and data files, in a language (its translation's) or the default one. */
export function personaUrls(id: string, lang?: string) {
  const local = localeOf(lang).routes;
  return { page: absoluteUrl(local.persona(id)), markdown: absoluteUrl(local.localMarkdown(id)), json: absoluteUrl(local.localJson(id)) };
}

/** How many parts a language's own search index has: the default language's originals, another's translations (0 without any). */
export function searchPartsOf(lang: string = DEFAULT_LANGUAGE): Promise<number> {
  // Every page's search box asks: counted once per language and build.
  let parts = partCounts.get(lang);
  if (!parts) {
    parts = getCatalog(lang).then(({ personas }) => {
      const own = lang === DEFAULT_LANGUAGE ? personas.length : personas.filter((entry) => languageOfEntry(entry) === lang).length;
      return own === 0 ? 0 : searchPartCount(own, site.searchPartPages);
    });
    partCounts.set(lang, parts);
  }
  return parts;
}

const partCounts = new Map<string, Promise<number>>();

/** The attributes that tell a page's search script where its language's index is: the default index's parts, and the language's own (its translations'), which it opens first. */
export async function searchPartAttributes(langParam: string | undefined) {
  const { lang, isDefault } = localeOf(langParam);
  const [defaultParts, ownParts] = await Promise.all([searchPartsOf(), isDefault ? 0 : searchPartsOf(lang)]);
  return { 'data-search-parts': defaultParts, 'data-search-own-parts': isDefault ? undefined : ownParts };
}

/** The languages a persona's page exists in, the default first: its own and its translations'. */
export async function pageLanguagesOf(id: string): Promise<string[]> {
  const translated = new Set(((await getTranslations()).get(id) ?? []).map(languageOfEntry));
  return LANGUAGES.filter((lang) => lang === DEFAULT_LANGUAGE || translated.has(lang));
}

/** Whether each translation has a marketplace plugin of its own (src/integrations/installChannels.ts), or only its category has one in its language. */
export async function translatedPluginsPublished(): Promise<boolean> {
  return translatedPluginsFit([...(await getTranslations()).values()].reduce((sum, list) => sum + list.length, 0));
}

/** The translations whose files this build writes (src/data/personaFiles.ts). */
export async function translationsToRender() {
  const render = await toRender();
  return [...(await getTranslations()).values()].flat().filter((entry) => render.has(entry.id));
}

/** A persona's translations as the API lists them, in a catalog with several languages (else undefined). */
export async function apiTranslations(entry: PersonaEntry) {
  if (!site.settings.languages) return undefined;
  return ((await getTranslations()).get(entry.data.id) ?? []).map((translation) => {
    const lang = languageOfEntry(translation);
    const { page, markdown, json } = personaUrls(entry.data.id, lang);
    return { lang, name: translation.data.name, description: translation.data.description, urls: { page, markdown, json } };
  });
}

/**
 * Where to edit a persona's file: the settings' editUrl and the file's path
 * below the persona folder, else REPO_URL's GitHub editor and its path in
 * the project; none when neither is known.
 */
export function editUrl(entry: PersonaEntry): string | undefined {
  if (!entry.filePath) return undefined;
  // Entries' paths are relative to the site's root, the current folder while pages render.
  const below = (folder: string) => relative(folder, resolve(entry.filePath!)).split(sep).join('/');
  const { editUrl: base } = site.settings;
  if (base) return new URL(below(site.personasDir), base.endsWith('/') ? base : `${base}/`).href;
  return site.repoUrl && `${site.repoUrl}/edit/${site.repoBranch}/${below(site.projectDir)}`;
}

let rendered: Promise<Set<string>> | undefined;

/** The entries (originals and translations) whose files changed since the last build (src/data/pageReuse.ts). */
function toRender(): Promise<Set<string>> {
  rendered ??= Promise.all([Promise.all(LANGUAGES.map((lang) => getCatalog(lang))), getTranslations(), historyInputs()]).then(([catalogs, byId, histories]) =>
    personasToRender(
      LANGUAGES.map((lang, index) => ({ lang, catalog: catalogs[index] })),
      byId,
      histories,
    ),
  );
  return rendered;
}

/** The originals whose files this build writes (src/data/personaFiles.ts). */
export async function originalsToRender() {
  const [{ personas }, render] = await Promise.all([getCatalog(), toRender()]);
  return personas.filter((entry) => render.has(entry.id));
}

/** getStaticPaths for persona pages: every persona in the default language, its translations in theirs. */
export async function personaPagePaths() {
  const render = await toRender();
  const pages = (
    await Promise.all(
      LANGUAGES.map(async (lang) =>
        (await getCatalog(lang)).personas
          .filter((entry) => languageOfEntry(entry) === lang && render.has(entry.id))
          .map((entry) => ({ params: { lang: langParam(lang), id: entry.data.id }, props: { entry } })),
      ),
    )
  ).flat();
  // The development server renders a page when asked for it, so its prompt then.
  if (import.meta.env.PROD) renderAhead(pages.map(({ props }) => promptOf(props.entry)));
  return pages;
}
