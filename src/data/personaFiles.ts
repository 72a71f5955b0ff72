import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import settings from 'virtual:persona-atlas/page-reuse';
import { writeBesidePages } from '../lib/build/writesBesidePages.ts';
import { apiDetail, apiPersona } from '../lib/catalog/personaApi.ts';
import { extraFields } from '../lib/persona/persona.ts';
import { TOKEN_ENCODING } from '../lib/prompt/insights.ts';
import { createRoutes } from '../lib/site/urls.ts';
import { storedLanguage } from '../loaders/personaLoader.ts';
import { apiTranslations, insightsOf, personaUrls, promptOf, type PersonaEntry } from './catalog.ts';
import { versionsOfEntry } from './history.ts';

/**
 * /api/personas/<id>.json and, for a translation, /<lang>/api/personas/<id>.json:
 * the API's detail of the persona; a translation's has the shape of its
 * original's, with its own name, description and prompt, and its `lang`.
 */
export async function personaJson(entry: PersonaEntry): Promise<string> {
  const lang = storedLanguage(entry);
  const persona = apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id, lang), lang ? undefined : await apiTranslations(entry));
  // Without indentation, as the index is: LobeHub's 9,090 files were 6 MB larger indented (browsers indent JSON for reading).
  return JSON.stringify({ ...apiDetail(persona, promptOf(entry), TOKEN_ENCODING, extraFields(entry.data), await versionsOfEntry(entry)), ...(lang && { lang }) });
}

/** How many files are written at once: enough to keep the disk busy while the next are serialized. */
const WRITES_AT_ONCE = 32;

async function writeFiles(entries: PersonaEntry[], fileOf: (entry: PersonaEntry) => string, contents: (entry: PersonaEntry) => Promise<string | Uint8Array>) {
  for (const folder of new Set(entries.map((entry) => dirname(fileOf(entry))))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < entries.length; start += WRITES_AT_ONCE) {
    await Promise.all(entries.slice(start, start + WRITES_AT_ONCE).map(async (entry) => writeFile(fileOf(entry), await contents(entry))));
  }
}

/**
 * getStaticPaths for the routes with one file per persona in each language
 * (its raw file, its JSON). In a build these files are written here, while
 * the pages render, and the routes get no path: as routes, the 20,000 files
 * of 10,000 personas cost Astro a request, a response, a log line and a
 * queue slot each on the one thread it renders on (page rendering 44.5 s
 * with them, 33.0 s without); written before the pages, they kept that
 * thread idle 7 s waiting for the disk. Under `astro dev` the routes serve
 * them.
 */
export function filePerPersona(entries: PersonaEntry[], route: 'localMarkdown' | 'localJson', contents: (entry: PersonaEntry) => Promise<string | Uint8Array>) {
  if (!settings) return entries.map((entry) => ({ params: { id: entry.data.id, ...(storedLanguage(entry) && { lang: storedLanguage(entry) }) }, props: { entry } }));
  const { outDir } = settings;
  writeBesidePages(writeFiles(entries, (entry) => join(outDir, createRoutes('/', storedLanguage(entry))[route](entry.data.id)), contents));
  return [];
}
