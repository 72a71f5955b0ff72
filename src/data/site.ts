import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';
import { createRoutes } from '../lib/site/urls.ts';

export const site = siteConfigFromEnv();
export const routes = createRoutes(import.meta.env.BASE_URL);
