// The header's search box (SearchBox.astro) once a visitor shows intent:
// the page loads this module, and the search engine, on the field's first
// focus, so a page that is only read pays for neither.

import { t } from './pageLocale.ts';
import { inOwnLanguage, latestOnly, searchPersonas, warmUpSearch, type SearchHit } from './search.ts';

export function wireSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input')!;
  const panel = form.querySelector<HTMLElement>('[data-panel]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const seeAll = form.querySelector<HTMLAnchorElement>('[data-all]')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const search = latestOnly(searchPersonas);
  let hits: SearchHit[] = [];
  let active = -1;

  // Each option is a real link (role="option" is allowed on <a href>), so a
  // middle-click or Ctrl/⌘-click opens the persona in a new tab; focus stays
  // in the input and the arrow keys move through the options as before.
  function option(hit: SearchHit, index: number): HTMLLIElement {
    const item = document.createElement('li');
    item.setAttribute('role', 'presentation');
    item.innerHTML = '<a role="option" tabindex="-1" class="flex gap-3 px-4 py-2 text-text no-underline aria-selected:bg-accent-soft hover:bg-surface-muted"><span class="text-xl" aria-hidden="true"></span><span class="min-w-0"><span class="block font-medium"></span><span class="block text-xs text-muted"></span><span class="block truncate text-xs text-muted [&_mark]:bg-accent-soft [&_mark]:text-text"></span></span></a>';
    const link = item.querySelector('a')!;
    link.id = `site-search-option-${index}`;
    link.href = hit.url;
    const [emoji, , name, category, excerpt] = link.querySelectorAll('span');
    emoji.textContent = hit.emoji;
    name.textContent = hit.name;
    inOwnLanguage(hit, name, excerpt);
    category.textContent = hit.category;
    excerpt.innerHTML = hit.excerpt;
    // Keeps focus in the input, so the list stays open until the link follows.
    link.addEventListener('mousedown', (event) => event.preventDefault());
    return item;
  }

  function highlight(index: number) {
    active = index;
    const options = list.querySelectorAll('[role="option"]');
    options.forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function open(show: boolean) {
    panel.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) highlight(-1);
  }

  async function update() {
    const query = input.value;
    const { stale, value: page } = await search(query, {}, 0, 6);
    if (stale) return;
    hits = page?.hits ?? [];
    list.replaceChildren(...hits.map(option));
    seeAll.href = `${form.action}?q=${encodeURIComponent(query.trim())}`;
    seeAll.textContent = page ? t('searchBox.seeAllCount', { count: page.total }) : t('searchBox.seeAll');
    status.textContent = page ? t('count.found', { count: page.total }) : '';
    highlight(-1);
    open(page !== null);
  }

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.assign(hits[active].url);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) event.preventDefault();
      open(false);
    }
  });
  input.addEventListener('blur', () => open(false));
  warmUpSearch();
  // What was typed while this module loaded.
  if (input.value && document.activeElement === input) void update();
}
