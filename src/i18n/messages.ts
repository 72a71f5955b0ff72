import ar from './messages/ar.ts';
import de from './messages/de.ts';
import en from './messages/en.ts';
import ja from './messages/ja.ts';

/**
 * The interface's words, one message catalog per language. A message is a
 * template ("Saved {file}.") or, for counts, one template per plural
 * category of the language (Intl.PluralRules): Arabic has six, Japanese one.
 * Numbers are formatted for the language (Intl.NumberFormat).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageKey = keyof typeof en;
export type MessageCatalog = { [key in MessageKey]: (typeof en)[key] extends string ? string : PluralForms };

export const MESSAGE_CATALOGS: Record<string, MessageCatalog> = { en, de, ja, ar };

/** The catalog a language's pages use: its own, or English for a language no catalog is written for yet. */
export const catalogLanguage = (lang: string): string => (Object.hasOwn(MESSAGE_CATALOGS, baseLanguage(lang)) ? baseLanguage(lang) : 'en');

/** "pt" of "pt-BR": catalogs are written per language, not per region. */
export const baseLanguage = (lang: string): string => lang.toLowerCase().split('-')[0];

export type Values = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: Values) => string;

const translators = new Map<string, Translate>();

/** The translate function of a language: t('count.personas', { count: 3 }) → "3 personas". */
export function translator(lang: string): Translate {
  let translate = translators.get(lang);
  if (translate) return translate;
  const messages = MESSAGE_CATALOGS[catalogLanguage(lang)];
  const locale = catalogLanguage(lang) === baseLanguage(lang) ? lang : 'en';
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const fill = (template: string, values: Values) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
    });
  translate = (key, values = {}) => {
    const message: string | PluralForms = messages[key];
    if (typeof message === 'string') return fill(message, values);
    const count = Number(values.count ?? 0);
    return fill(message[plurals.select(count)] ?? message.other, values);
  };
  translators.set(lang, translate);
  return translate;
}

/** Splits a template around its placeholders, for messages that hold links: "{set}" → the link element. */
export function messageParts(template: string): Array<{ text: string } | { slot: string }> {
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => (/^\{\w+\}$/.test(part) ? { slot: part.slice(1, -1) } : { text: part }));
}
