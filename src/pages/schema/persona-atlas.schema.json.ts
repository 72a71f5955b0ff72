import type { APIRoute } from 'astro';
import { settingsJsonSchema } from '../../lib/site/catalogSettings.ts';

export const GET: APIRoute = ({ url, site }) => new Response(JSON.stringify(settingsJsonSchema(new URL(url.pathname, site).href), null, 2));
