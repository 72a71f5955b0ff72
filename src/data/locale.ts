import { languageName, SINGLE_LANGUAGE, textDirection } from '../i18n/languages.ts';
import { clientMessages, translator } from '../i18n/messages.ts';
import { jsonForScript } from '../lib/site/json.ts';
import type { Translate } from '../i18n/translate.ts';
import { createRoutes, type Routes } from '../lib/site/urls.ts';
import { site } from './site.ts';

/** The site's languages, the default first; one language when the catalog names none. */
export const LANGUAGES: readonly string[] = site.settings.languages ?? [SINGLE_LANGUAGE];
export const DEFAULT_LANGUAGE = LANGUAGES[0];

/** Everything a page needs to speak its language: words, direction and its language's URLs. */
export interface PageLocale {
  lang: string;
  dir: 'ltr' | 'rtl';
  isDefault: boolean;
  t: Translate;
  routes: Routes;
  /** A language's name as this page's language says it. */
  nameOf(lang: string): string;
  /** An ISO date as this page's language writes a day (in UTC, so every build of a commit shows the same day). */
  formatDate(iso: string): string;
  /** The messages the page's scripts show, as the JSON every page of the language carries (computed once). */
  clientData: string;
}

const locales = new Map<string, PageLocale>();

/**
 * The locale of a page from its `lang` route parameter: undefined on the
 * default language's pages, which keep the URLs a single-language site has.
 */
export function localeOf(langParam: string | undefined): PageLocale {
  const lang = langParam && LANGUAGES.includes(langParam) ? langParam : DEFAULT_LANGUAGE;
  let locale = locales.get(lang);
  if (!locale) {
    const isDefault = lang === DEFAULT_LANGUAGE;
    const days = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    locale = {
      lang,
      dir: textDirection(lang),
      isDefault,
      t: translator(lang),
      routes: createRoutes(import.meta.env.BASE_URL, isDefault ? undefined : lang),
      nameOf: (other) => languageName(other, lang),
      formatDate: (iso) => days.format(new Date(iso)),
      clientData: jsonForScript(clientMessages(lang)),
    };
    locales.set(lang, locale);
  }
  return locale;
}

/** The `lang` parameter of each language's pages: undefined for the default language. */
export const langParam = (lang: string) => (lang === DEFAULT_LANGUAGE ? undefined : lang);

/** getStaticPaths of a page every language has once (home, search, set page…). */
export const everyLanguage = () => LANGUAGES.map((lang) => ({ params: { lang: langParam(lang) } }));
