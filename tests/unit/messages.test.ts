import assert from 'node:assert/strict';
import test from 'node:test';
import { languageName, textDirection } from '../../src/i18n/languages.ts';
import { clientMessages, MESSAGE_CATALOGS, translator } from '../../src/i18n/messages.ts';
import { CLIENT_MESSAGES, createTranslator, messageParts, type PluralForms } from '../../src/i18n/translate.ts';

const english = MESSAGE_CATALOGS.en;
const placeholders = (message: string | PluralForms) =>
  new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])));

for (const [lang, catalog] of Object.entries(MESSAGE_CATALOGS)) {
  test(`the ${lang} messages have every key of the English ones, no other, with the same placeholders and every plural form ${lang} needs`, () => {
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(english).sort(), `${lang} keys differ from English`);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalog) as Array<[keyof typeof english, string | PluralForms]>) {
      const reference = english[key] as string | PluralForms;
      assert.equal(typeof message, typeof reference, `${lang} ${key}: a plural in one language is a plural in all`);
      assert.deepEqual([...placeholders(message)].sort(), [...placeholders(reference)].sort(), `${lang} ${key}: placeholders`);
      if (typeof message === 'string') continue;
      for (const category of categories) assert.ok(message[category] !== undefined, `${lang} ${key}: no "${category}" form`);
      for (const form of Object.keys(message)) assert.ok((categories as string[]).includes(form), `${lang} ${key}: ${lang} has no "${form}" form`);
    }
  });
}

test('counts take the plural form and number format of the language', () => {
  assert.equal(translator('en')('count.personas', { count: 1 }), '1 persona');
  assert.equal(translator('en')('count.personas', { count: 1200 }), '1,200 personas');
  assert.equal(translator('de')('count.personas', { count: 1200 }), '1.200 Personas');
  assert.equal(translator('ar')('count.personas', { count: 2 }), 'شخصيتان');
  assert.equal(translator('ar')('count.personas', { count: 3 }), `${new Intl.NumberFormat('ar').format(3)} شخصيات`);
  assert.equal(translator('ja')('count.personas', { count: 3 }), '3 件のペルソナ');
});

test('a language without a message catalog gets the English words; a region gets its language’s', () => {
  assert.equal(translator('fr')('nav.search'), 'Search');
  assert.equal(translator('de-AT')('nav.search'), 'Suche');
});

test('right-to-left scripts are told apart from left-to-right ones', () => {
  for (const lang of ['ar', 'he', 'fa', 'ur', 'ar-EG']) assert.equal(textDirection(lang), 'rtl', lang);
  for (const lang of ['en', 'de', 'ja', 'zh-Hant', 'tr']) assert.equal(textDirection(lang), 'ltr', lang);
  assert.equal(languageName('de'), 'Deutsch');
  assert.equal(languageName('en', 'de'), 'Englisch');
});

test('a message with links splits around its placeholders', () => {
  assert.deepEqual(messageParts('{browse} and add some.'), [{ slot: 'browse' }, { text: ' and add some.' }]);
});

test('a page hands its scripts only the messages they show, in its language, and they translate as on the page', () => {
  const { locale, messages } = clientMessages('de');
  assert.deepEqual(Object.keys(messages).sort(), [...CLIENT_MESSAGES].sort());
  const browser = createTranslator(locale, messages);
  assert.equal(browser('count.found', { count: 2 }), translator('de')('count.found', { count: 2 }));
  assert.equal(clientMessages('fr').locale, 'en');
});
