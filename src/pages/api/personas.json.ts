import type { APIRoute } from 'astro';
import { apiTranslations, getCatalog, insightsOf, personaUrls, searchPartsOf } from '../../data/catalog.ts';
import { TOKEN_ENCODING } from '../../lib/prompt/insights.ts';
import { apiIndex, apiPersona } from '../../lib/catalog/personaApi.ts';
import { site } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const { personas } = await getCatalog();
  const languages = site.settings.languages;
  const languageSearchParts = languages && Object.fromEntries(await Promise.all(languages.slice(1).map(async (lang) => [lang, await searchPartsOf(lang)] as const)));
  const index = apiIndex(
    await Promise.all(personas.map(async (entry) => apiPersona(entry.data, insightsOf(entry), personaUrls(entry.data.id), await apiTranslations(entry)))),
    TOKEN_ENCODING,
    await searchPartsOf(),
    languages && { list: languages, searchParts: languageSearchParts! },
  );
  return new Response(JSON.stringify(index));
};
