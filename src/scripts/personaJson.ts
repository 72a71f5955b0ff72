// A persona of this site as its JSON API publishes it, ready for the export
// registry: the persona page's export list, the set page and set downloads
// read it, in the page's language: its translation, else the original.

import type { ExportPersona } from '../lib/formats/format.ts';
import { withBase } from '../lib/site/urls.ts';
import { isDefaultLanguage, routes } from './pageLocale.ts';

const base = import.meta.env.BASE_URL;

/** The persona, and the language it came in (the page's, or the default when it has no translation). */
export async function fetchPersona(id: string): Promise<ExportPersona & { translated: boolean }> {
  let response = await fetch(routes.localJson(encodeURIComponent(id)));
  const translated = !isDefaultLanguage && response.ok;
  if (!isDefaultLanguage && response.status === 404) response = await fetch(withBase(base, `/api/personas/${encodeURIComponent(id)}.json`));
  if (!response.ok) throw new Error(`${id}: the catalog answered ${response.status}`);
  const { exportPersonaOf } = await import('../lib/formats/exports.ts');
  const persona = await response.json();
  return { ...exportPersonaOf(persona, persona.prompt, persona.extra), translated };
}
