import type { APIRoute } from 'astro';
import { personaJsonSchema } from '../../lib/persona/personaJsonSchema.ts';

export const GET: APIRoute = ({ url, site }) =>
  new Response(JSON.stringify(personaJsonSchema(new URL(url.pathname, site).href), null, 2));
