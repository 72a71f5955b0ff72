import { resolve } from 'node:path';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { routes, site } from '../data/site.ts';
import { lastCommitDates } from '../lib/build/gitDates.ts';
import { newestFirst } from '../lib/catalog/feedOrder.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async (context) => {
  const { personas } = await getCatalog();
  const dates = lastCommitDates(site.personasDir);
  const dated = personas.map((entry) => ({ entry, date: dates.get(resolve(entry.filePath ?? '')) }));
  return rss({
    title: site.title,
    description: site.tagline,
    site: new URL(routes.home(), context.site).href,
    items: newestFirst(dated, (item) => item.date)
      .slice(0, FEED_SIZE)
      .map(({ entry, date }) => ({
        title: `${entry.data.emoji} ${entry.data.name}`,
        description: entry.data.description,
        link: routes.persona(entry.data.id),
        pubDate: date,
        categories: [entry.data.category, ...entry.data.tags],
      })),
  });
};
