import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCatalog, type Catalog } from '../lib/catalog.ts';
import { promptInsights, type PromptInsights } from '../lib/insights.ts';
import { readPrompt } from '../lib/personaCheck.ts';
import { routes, site } from './site.ts';

export type PersonaEntry = CollectionEntry<'personas'>;

let catalog: Promise<Catalog<PersonaEntry>> | undefined;
const promptById = new Map<string, string>();
const insightsById = new Map<string, PromptInsights>();

/** The catalog, built once per build and shared by every page. */
export function getCatalog(): Promise<Catalog<PersonaEntry>> {
  catalog ??= getCollection('personas').then(buildCatalog);
  return catalog;
}

/** The prompt exactly as written in the file, read once per build. */
export function promptOf(entry: PersonaEntry): string {
  let prompt = promptById.get(entry.id);
  if (prompt === undefined) {
    prompt = readPrompt(entry.filePath!);
    promptById.set(entry.id, prompt);
  }
  return prompt;
}

/** Word and token counts, computed once per persona per build. */
export function insightsOf(entry: PersonaEntry): PromptInsights {
  let insights = insightsById.get(entry.id);
  if (!insights) {
    insights = promptInsights(promptOf(entry));
    insightsById.set(entry.id, insights);
  }
  return insights;
}

/** Absolute URLs of a persona's page and data files. */
export function personaUrls(id: string) {
  const absolute = (path: string) => new URL(path, site.site).href;
  return {
    page: absolute(routes.persona(id)),
    markdown: absolute(routes.personaMarkdown(id)),
    json: absolute(routes.personaJson(id)),
  };
}

/** Where to edit a persona's file on GitHub, when the repository is known. */
export function editUrl(entry: PersonaEntry): string | undefined {
  if (!site.repoUrl || !entry.filePath) return undefined;
  return `${site.repoUrl}/edit/${site.repoBranch}/${entry.filePath}`;
}

/** getStaticPaths for every route that has one file per persona. */
export async function personaPaths() {
  const { personas } = await getCatalog();
  return personas.map((entry) => ({ params: { id: entry.data.id }, props: { entry } }));
}
