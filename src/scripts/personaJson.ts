// A persona of this site as its JSON API publishes it, ready for the export
// registry: the persona page's export list, the set page and set downloads read it.

import type { ExportPersona } from '../lib/formats/format.ts';
import { withBase } from '../lib/site/urls.ts';

const base = import.meta.env.BASE_URL;

export async function fetchPersona(id: string): Promise<ExportPersona> {
  const response = await fetch(withBase(base, `/api/personas/${encodeURIComponent(id)}.json`));
  if (!response.ok) throw new Error(`${id}: the catalog answered ${response.status}`);
  const { exportPersonaOf } = await import('../lib/formats/exports.ts');
  const persona = await response.json();
  return exportPersonaOf(persona, persona.prompt, persona.extra);
}
