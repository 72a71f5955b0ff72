import type { APIRoute } from 'astro';
import { apiTranslations, getCatalog, insightsOf, personaUrls } from '../../data/catalog.ts';
import { TOKEN_ENCODING } from '../../lib/prompt/insights.ts';
import { apiIndex, apiPersona } from '../../lib/catalog/personaApi.ts';
import { searchPartCount } from '../../lib/build/searchParts.ts';
import { site } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const { personas } = await getCatalog();
  const index = apiIndex(
    await Promise.all(personas.map(async (entry) => apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id), await apiTranslations(entry)))),
    TOKEN_ENCODING,
    searchPartCount(personas.length, site.searchPartPages),
    site.settings.languages,
  );
  return new Response(JSON.stringify(index));
};
