import { siteConfigFromEnv } from '../lib/siteConfig.ts';
import { createRoutes } from '../lib/urls.ts';

export const site = siteConfigFromEnv();
export const routes = createRoutes(import.meta.env.BASE_URL);
