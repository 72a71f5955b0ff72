import type { APIRoute, GetStaticPaths } from 'astro';
import { insightsOf, personaUrls, promptOf, languageOfEntry, translationPaths, type PersonaEntry } from '../../../../data/catalog.ts';
import { apiDetail, apiPersona } from '../../../../lib/catalog/personaApi.ts';
import { extraFields } from '../../../../lib/persona/persona.ts';
import { TOKEN_ENCODING } from '../../../../lib/prompt/insights.ts';

/** Every translation: /<lang>/api/personas/<id>.json. */
export const getStaticPaths = translationPaths satisfies GetStaticPaths;

/** A translation's JSON: the shape of its original's, with its own name, description and prompt, and its `lang`. */
export const GET: APIRoute<{ entry: PersonaEntry }> = ({ props: { entry } }) => {
  const lang = languageOfEntry(entry);
  const persona = apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id, lang));
  return new Response(JSON.stringify({ ...apiDetail(persona, promptOf(entry), TOKEN_ENCODING, extraFields(entry.data)), lang }, null, 2));
};
