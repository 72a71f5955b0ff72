// The page's language in the browser: the messages its scripts show and its
// language's URLs, as the page says (<html lang>, data-default-lang, and the
// messages BaseLayout writes as data; no catalog ships in the scripts).

import { createTranslator, type ClientMessageKey, type PluralForms } from '../i18n/translate.ts';
import { createRoutes } from '../lib/site/urls.ts';

const root = document.documentElement;
const data = JSON.parse(document.querySelector('[data-client-messages]')?.textContent ?? '{}') as {
  locale?: string;
  messages?: Record<ClientMessageKey, string | PluralForms>;
};

export const pageLanguage = root.lang;
export const isDefaultLanguage = !root.dataset.defaultLang || root.dataset.defaultLang === root.lang;
export const t = createTranslator<ClientMessageKey>(data.locale ?? pageLanguage, data.messages ?? ({} as Record<ClientMessageKey, string>));
export const routes = createRoutes(import.meta.env.BASE_URL, isDefaultLanguage ? undefined : pageLanguage);
