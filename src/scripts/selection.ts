// The set of personas a visitor picked, kept in localStorage so it survives
// navigation and reloads. The key carries the base path: two catalogs on one
// origin keep separate sets.

import { withBase } from '../lib/site/urls.ts';

const KEY = `persona-atlas:set:${withBase(import.meta.env.BASE_URL, '/')}`;
const CHANGE = 'persona-set-change';

/** The chosen persona ids, in the order they were added. */
export function selectedIds(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function save(ids: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } finally {
    document.dispatchEvent(new Event(CHANGE));
  }
}

export function toggleSelected(id: string): void {
  const ids = selectedIds();
  save(ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);
}

/** Adds ids not in the set yet, after the ones already there. */
export function addSelected(ids: readonly string[]): void {
  const current = selectedIds();
  save([...current, ...ids.filter((id) => !current.includes(id))]);
}

export function replaceSelection(ids: readonly string[]): void {
  save([...ids]);
}

export function removeSelected(id: string): void {
  save(selectedIds().filter((other) => other !== id));
}

export function clearSelection(): void {
  save([]);
}

/** Calls back whenever the set changes, in this tab or another. */
export function onSelectionChange(callback: () => void): void {
  document.addEventListener(CHANGE, callback);
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) callback();
  });
}

/** Shows "add to set" buttons under `root` and marks the ones already in the set. */
export function syncToggles(root: ParentNode = document): void {
  const ids = new Set(selectedIds());
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-select-toggle]')) {
    button.hidden = false;
    button.setAttribute('aria-pressed', String(ids.has(button.dataset.selectToggle!)));
  }
}
