// The page's language in the browser: its words and its language's URLs,
// as <html lang> and data-default-lang (BaseLayout) say.

import { translator } from '../i18n/messages.ts';
import { createRoutes } from '../lib/site/urls.ts';

const root = document.documentElement;

export const pageLanguage = root.lang;
export const isDefaultLanguage = !root.dataset.defaultLang || root.dataset.defaultLang === root.lang;
export const t = translator(pageLanguage);
export const routes = createRoutes(import.meta.env.BASE_URL, isDefaultLanguage ? undefined : pageLanguage);
