// One persona of a set as a row: emoji, name linking to its page, description,
// filled in from the persona's JSON. The set page lists the set and a shared
// set with it.

import { fetchPersona } from './personaJson.ts';
import { withBase } from '../lib/site/urls.ts';
import { isDefaultLanguage, pageLanguage, routes, t } from './pageLocale.ts';

/** The row, and whether the catalog has the persona (false once its JSON is missing). */
export function personaRow(id: string, onRemove?: () => void): { row: HTMLLIElement; found: Promise<boolean> } {
  const row = document.createElement('li');
  row.className = 'flex items-center gap-3 rounded-xl border border-border bg-surface p-3';
  row.innerHTML =
    '<span class="text-2xl leading-none" aria-hidden="true"></span><div class="min-w-0 flex-1"><a class="font-semibold"></a><p class="text-sm text-muted"></p></div>';
  const link = row.querySelector('a')!;
  link.href = routes.persona(id);
  link.textContent = id;
  let label: HTMLElement | undefined;
  if (onRemove) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rounded-lg border border-border px-2.5 py-1 text-sm hover:border-accent';
    button.textContent = t('selection.remove');
    button.append(Object.assign(document.createElement('span'), { className: 'sr-only' }));
    label = button.querySelector<HTMLElement>('.sr-only')!;
    label.textContent = ` ${id}`;
    button.addEventListener('click', onRemove);
    row.append(button);
  }
  const found = fetchPersona(id).then(
    (persona) => {
      // A persona this language has no translation of is shown, and linked, in the default language.
      if (!isDefaultLanguage && !persona.translated) {
        // Its page offers the way back to this language (WayBack.astro).
        link.href = withBase(import.meta.env.BASE_URL, `/personas/${id}/?from=${encodeURIComponent(pageLanguage)}`);
        for (const part of [link, row.querySelector('p')!]) Object.assign(part, { lang: document.documentElement.dataset.defaultLang!, dir: 'auto' });
      }
      row.querySelector('span')!.textContent = persona.emoji;
      link.textContent = persona.name;
      if (label) label.textContent = ` ${persona.name}`;
      row.querySelector('p')!.textContent = persona.description;
      return true;
    },
    () => {
      row.querySelector('p')!.textContent = t('selection.notFound');
      return false;
    },
  );
  return { row, found };
}
