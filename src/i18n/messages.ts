import ar from './messages/ar.ts';
import de from './messages/de.ts';
import en from './messages/en.ts';
import ja from './messages/ja.ts';
import { CLIENT_MESSAGES, createTranslator, type ClientMessageKey, type MessageCatalog, type PluralForms, type Translate } from './translate.ts';

/** The interface's words, one message catalog per language (see translate.ts for their form). */
export const MESSAGE_CATALOGS: Record<string, MessageCatalog> = { en, de, ja, ar };

/** "pt" of "pt-BR": catalogs are written per language, not per region. */
const baseLanguage = (lang: string): string => lang.toLowerCase().split('-')[0];

/** The catalog a language's pages use: its own, or English for a language no catalog is written for yet. */
export const catalogLanguage = (lang: string): string => (Object.hasOwn(MESSAGE_CATALOGS, baseLanguage(lang)) ? baseLanguage(lang) : 'en');

/** The locale whose plural rules and numbers go with the words: the language's own, or English's with the English words. */
const wordsLocale = (lang: string) => (catalogLanguage(lang) === baseLanguage(lang) ? lang : 'en');

const translators = new Map<string, Translate>();

/** The translate function of a language: t('count.personas', { count: 3 }) → "3 personas". */
export function translator(lang: string): Translate {
  if (!translators.has(lang)) translators.set(lang, createTranslator(wordsLocale(lang), MESSAGE_CATALOGS[catalogLanguage(lang)]));
  return translators.get(lang)!;
}

/** What a page of a language hands its scripts: the locale and the messages they show. */
export function clientMessages(lang: string): { locale: string; messages: Record<ClientMessageKey, string | PluralForms> } {
  const catalog = MESSAGE_CATALOGS[catalogLanguage(lang)];
  return { locale: wordsLocale(lang), messages: Object.fromEntries(CLIENT_MESSAGES.map((key) => [key, catalog[key]])) as Record<ClientMessageKey, string | PluralForms> };
}
