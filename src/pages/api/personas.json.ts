import type { APIRoute } from 'astro';
import { getCatalog, insightsOf, personaUrls } from '../../data/catalog.ts';
import { TOKEN_ENCODING } from '../../lib/prompt/insights.ts';
import { apiIndex, apiPersona } from '../../lib/catalog/personaApi.ts';
import { searchPartCount } from '../../lib/build/searchParts.ts';
import { site } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const { personas } = await getCatalog();
  const index = apiIndex(
    personas.map((entry) => apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id))),
    TOKEN_ENCODING,
    searchPartCount(personas.length, site.searchPartPages),
  );
  return new Response(JSON.stringify(index));
};
