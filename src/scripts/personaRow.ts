// One persona of a set as a row: emoji, name linking to its page, description,
// filled in from the persona's JSON. The set page lists the set and a shared
// set with it.

import { withBase } from '../lib/site/urls.ts';
import { fetchPersona } from './personaJson.ts';

const base = import.meta.env.BASE_URL;

/** The row, and whether the catalog has the persona (false once its JSON is missing). */
export function personaRow(id: string, onRemove?: () => void): { row: HTMLLIElement; found: Promise<boolean> } {
  const row = document.createElement('li');
  row.className = 'flex items-center gap-3 rounded-xl border border-border bg-surface p-3';
  row.innerHTML =
    '<span class="text-2xl leading-none" aria-hidden="true"></span><div class="min-w-0 flex-1"><a class="font-semibold"></a><p class="text-sm text-muted"></p></div>';
  const link = row.querySelector('a')!;
  link.href = withBase(base, `/personas/${id}/`);
  link.textContent = id;
  let label: HTMLElement | undefined;
  if (onRemove) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rounded-lg border border-border px-2.5 py-1 text-sm hover:border-accent';
    button.innerHTML = 'Remove<span class="sr-only"></span>';
    label = button.querySelector<HTMLElement>('.sr-only')!;
    label.textContent = ` ${id}`;
    button.addEventListener('click', onRemove);
    row.append(button);
  }
  const found = fetchPersona(id).then(
    (persona) => {
      row.querySelector('span')!.textContent = persona.emoji;
      link.textContent = persona.name;
      if (label) label.textContent = ` ${persona.name}`;
      row.querySelector('p')!.textContent = persona.description;
      return true;
    },
    () => {
      row.querySelector('p')!.textContent = 'Not in this catalog.';
      return false;
    },
  );
  return { row, found };
}
