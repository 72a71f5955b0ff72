/**
 * The languages of a site: its configured languages, the default first, or
 * one language when a catalog names none (then every URL is as it always was).
 */

/** The language of a catalog that names no languages. */
export const SINGLE_LANGUAGE = 'en';

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** 'rtl' for scripts written right to left (Arabic, Hebrew, Persian, Urdu…), else 'ltr'. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang);
  const script = locale.maximize().script;
  return RIGHT_TO_LEFT.has(locale.language) || script === 'Arab' || script === 'Hebr' || script === 'Thaa' || script === 'Syrc' ? 'rtl' : 'ltr';
}

const names = new Map<string, string>();

/**
 * A language's name in another language ("Deutsch" in German, "German" in
 * English). Remembered: every page's language menu names each language, and
 * creating the Intl.DisplayNames took 8 s of a build with 18 languages.
 */
export function languageName(lang: string, inLanguage: string = lang): string {
  const key = `${lang} ${inLanguage}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(lang) ?? lang;
    } catch {
      name = lang;
    }
    names.set(key, name);
  }
  return name;
}

/** The mark an untranslated persona's card carries in another language's list: its language's code, as people write it ("EN", "PT-BR"). */
export const originalMark = (lang: string) => lang.toUpperCase();
