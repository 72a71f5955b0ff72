import type en from './messages/en.ts';

/**
 * Turning a message catalog into words, with no catalog in it: the pages use
 * it with the language's whole catalog (messages.ts), the browser with the
 * few messages its scripts need, which each page carries (CLIENT_MESSAGES).
 *
 * A message is a template ("Saved {file}.") or, for counts, one template per
 * plural category of the language (Intl.PluralRules): Arabic has six,
 * Japanese one. Numbers are formatted for the language (Intl.NumberFormat).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageKey = keyof typeof en;
export type MessageCatalog = { [key in MessageKey]: (typeof en)[key] extends string ? string : PluralForms };
export type Values = Record<string, string | number>;
export type Translate<Key extends string = MessageKey> = (key: Key, values?: Values) => string;

/** The messages the browser's scripts show (status lines, counts): the only ones a page carries as data. */
export const CLIENT_MESSAGES = [
  'copy.blocked',
  'copy.copied',
  'copy.copy',
  'copy.done',
  'copy.downloaded',
  'copy.pressKeys',
  'count.found',
  'count.personas',
  'download.empty',
  'download.failed',
  'download.preparing',
  'download.saved',
  'exports.failed',
  'search.none',
  'searchBox.seeAll',
  'searchBox.seeAllCount',
  'selection.notFound',
  'selection.remove',
  'selection.shareBlocked',
  'selection.shared',
  'shared.missing',
  'shared.summary',
] as const satisfies readonly MessageKey[];
export type ClientMessageKey = (typeof CLIENT_MESSAGES)[number];

/** The translate function over `messages`, with `locale`'s plural rules and number format. */
export function createTranslator<Key extends string>(locale: string, messages: Record<Key, string | PluralForms>): Translate<Key> {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  // A build asks for a few hundred words on each of thousands of pages: each
  // template is split at its placeholders once, and one without any is the answer.
  const compiled = new Map<string, (values: Values) => string>();
  const compile = (template: string) => {
    const parts = template.split(/\{(\w+)\}/);
    if (parts.length === 1) return () => template;
    return (values: Values) => {
      let text = parts[0];
      for (let index = 1; index < parts.length; index += 2) {
        const value = values[parts[index]];
        text += (value === undefined ? `{${parts[index]}}` : typeof value === 'number' ? numbers.format(value) : value) + parts[index + 1];
      }
      return text;
    };
  };
  const fill = (template: string, values: Values) => {
    let filled = compiled.get(template);
    if (!filled) compiled.set(template, (filled = compile(template)));
    return filled(values);
  };
  return (key, values = {}) => {
    const message = messages[key];
    if (typeof message === 'string') return fill(message, values);
    return fill(message[plurals.select(Number(values.count ?? 0))] ?? message.other, values);
  };
}

/** Splits a template around its placeholders, for messages that hold links: "{set}" → the link element. */
export function messageParts(template: string): Array<{ text: string } | { slot: string }> {
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => (/^\{\w+\}$/.test(part) ? { slot: part.slice(1, -1) } : { text: part }));
}
