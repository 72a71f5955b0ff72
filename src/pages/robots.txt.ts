import type { APIRoute } from 'astro';
import { routes } from '../data/site.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(routes.asset('/sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`);
};
