import type { APIRoute, GetStaticPaths } from 'astro';
import { apiTranslations, insightsOf, personaPaths, personaUrls, promptOf, type PersonaEntry } from '../../../data/catalog.ts';
import { TOKEN_ENCODING } from '../../../lib/prompt/insights.ts';
import { apiDetail, apiPersona } from '../../../lib/catalog/personaApi.ts';
import { extraFields } from '../../../lib/persona/persona.ts';

export const getStaticPaths = personaPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props: { entry } }) => {
  const persona = apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id), await apiTranslations(entry));
  return new Response(JSON.stringify(apiDetail(persona, promptOf(entry), TOKEN_ENCODING, extraFields(entry.data)), null, 2));
};
