import type { APIRoute, GetStaticPaths } from 'astro';
import { insightsOf, personaUrls, promptOf, storedLanguageOf, translationPaths, type PersonaEntry } from '../../../../data/catalog.ts';
import { routes, site } from '../../../../data/site.ts';
import { apiDetail, apiPersona } from '../../../../lib/catalog/personaApi.ts';
import { extraFields } from '../../../../lib/persona/persona.ts';
import { TOKEN_ENCODING } from '../../../../lib/prompt/insights.ts';

/** Every translation: /<lang>/api/personas/<id>.json. */
export const getStaticPaths = translationPaths satisfies GetStaticPaths;

/** A translation's JSON: the shape of its original's, with its own name, description and prompt, and its `lang`. */
export const GET: APIRoute<{ entry: PersonaEntry }> = ({ props: { entry } }) => {
  const lang = storedLanguageOf(entry);
  const absolute = (path: string) => new URL(path, site.site).href;
  const urls = { ...personaUrls(entry.data.id), markdown: absolute(routes.translationMarkdown(lang, entry.data.id)), json: absolute(routes.translationJson(lang, entry.data.id)) };
  const persona = apiPersona(entry.data, insightsOf(entry), urls);
  return new Response(JSON.stringify({ ...apiDetail(persona, promptOf(entry), TOKEN_ENCODING, extraFields(entry.data)), lang }, null, 2));
};
