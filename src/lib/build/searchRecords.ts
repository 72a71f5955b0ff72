import { FACET_KINDS, facetLabel, type FacetSettings } from '../catalog/catalog.ts';
import type { CheckedPersona } from '../persona/personaCheck.ts';
import { renderPrompt } from '../prompt/renderPrompt.ts';
import { SHOWN_FILTER, shownIn } from './searchParts.ts';

/**
 * What the search index holds of a persona page: a small HTML document per
 * page, made from the persona itself rather than read back from the built
 * page, so the index can be written while Astro renders the pages (see
 * src/integrations/searchIndex.ts). Pagefind reads it as it would the page:
 * the category, emoji, name (weight 10), description (6), affinities, tags
 * (8) and the prompt as the page renders it; filters (category, tag,
 * affinity, and in a catalog of several languages the languages whose lists
 * show the page) and the metadata results show (id, emoji, category, language,
 * description).
 */
export interface SearchRecord {
  id: string;
  /** Where the page is in the output, as Pagefind derives its URL from it: personas/<id>/index.html, <lang>/personas/<id>/index.html. */
  path: string;
  html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ENTITIES[char]);

async function recordHtml(persona: CheckedPersona, lang: string, shown: readonly string[], settings: FacetSettings): Promise<string> {
  const { id, name, emoji, description, category, tags, worker_affinity: affinities } = persona.data;
  const list = (items: string[], weight = '') => `<ul${weight}>${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
  const span = (attribute: string, value: string) => `<span ${attribute}>${escape(value)}</span>`;
  const filters = FACET_KINDS.flatMap((kind) => kind.valuesOf(persona.data).map((slug) => span(`data-pagefind-filter="${kind.searchFilter}"`, slug)));
  const meta = { id, emoji, category: facetLabel('categories', category, settings, lang), lang, description };
  return [
    `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${escape(`${emoji} ${name}`)}</title></head><body><article data-pagefind-body>`,
    `<p>${escape(meta.category)}</p><p>${escape(emoji)}</p><h1 data-pagefind-weight="10">${escape(name)}</h1><p data-pagefind-weight="6">${escape(description)}</p>`,
    list(affinities.map((slug) => facetLabel('affinities', slug, settings, lang))),
    list(tags.map((tag) => `#${tag}`), ' data-pagefind-weight="8"'),
    `<div hidden data-pagefind-ignore>${filters.join('')}${shown.map((shownLang) => span(`data-pagefind-filter="${SHOWN_FILTER}"`, shownLang)).join('')}`,
    `${Object.entries(meta).map(([key, value]) => span(`data-pagefind-meta="${key}"`, value)).join('')}</div>`,
    // The words the page shows; highlighting's colours would cost Shiki's time for nothing Pagefind reads.
    `<div>${await renderPrompt(persona.body, { highlight: false })}</div></article></body></html>`,
  ].join('');
}

/**
 * The records of every persona page, per language (the default first): the
 * default language's pages are the originals, another's its translations.
 */
export async function searchRecords(
  { personas, translations }: { personas: CheckedPersona[]; translations: CheckedPersona[] },
  languages: readonly string[],
  settings: FacetSettings,
): Promise<Map<string, SearchRecord[]>> {
  const [defaultLanguage] = languages;
  const originals = new Set(personas.map((persona) => persona.data.id));
  const translatedInto = new Map<string, string[]>();
  for (const translation of translations) translatedInto.set(translation.data.id, [...(translatedInto.get(translation.data.id) ?? []), translation.lang!]);

  const records = new Map<string, SearchRecord[]>();
  for (const lang of languages) {
    const pages = lang === defaultLanguage ? personas : translations.filter((translation) => translation.lang === lang && originals.has(translation.data.id));
    const folder = lang === defaultLanguage ? '' : `${lang}/`;
    records.set(
      lang,
      await Promise.all(
        pages.map(async (persona) => {
          const shown = languages.length > 1 ? shownIn(languages, lang, translatedInto.get(persona.data.id) ?? []) : [];
          return { id: persona.data.id, path: `${folder}personas/${persona.data.id}/index.html`, html: await recordHtml(persona, lang, shown, settings) };
        }),
      ),
    );
  }
  return records;
}
