// The way back to the reader's language on an untranslated persona's page (WayBack.astro).

import { languageName, textDirection } from '../i18n/languages.ts';

export function showWayBack(): void {
  const from = new URLSearchParams(window.location.search).get('from');
  // Only one of the language menu's languages: the link goes where its entry, or the reader's own last page there, went.
  const menuEntry = from ? document.querySelector<HTMLAnchorElement>(`.language-menu a[lang="${CSS.escape(from)}"]`) : null;
  if (!from || !menuEntry || from === document.documentElement.lang) return;
  const note = document.querySelector<HTMLElement>('[data-way-back]')!;
  const text = note.querySelector('[data-way-back-text]')!;
  text.textContent = text.textContent!.replace('{language}', languageName(from, document.documentElement.lang));
  const link = note.querySelector<HTMLAnchorElement>('[data-way-back-link]')!;
  const home = new URL(menuEntry.href);
  const referrer = document.referrer ? new URL(document.referrer) : undefined;
  const cameFromThere = referrer && referrer.origin === home.origin && referrer.pathname.startsWith(home.pathname.replace(/[^/]*$/, ''));
  link.href = cameFromThere ? referrer.href : menuEntry.href;
  Object.assign(link, { lang: from, dir: textDirection(from), textContent: languageName(from) });
  note.hidden = false;
}
