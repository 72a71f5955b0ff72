import { resolve } from 'node:path';
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, languageOfEntry } from '../../data/catalog.ts';
import { everyLanguage, localeOf } from '../../data/locale.ts';
import { site } from '../../data/site.ts';
import { lastCommitDates } from '../../lib/build/gitHistory.ts';
import { newestFirst } from '../../lib/catalog/feedOrder.ts';

const FEED_SIZE = 50;

/**
 * One feed per language (/feed.xml, /de/feed.xml…): the personas as that
 * language lists them. The commit dates are asked for while the other routes
 * list their pages: the feeds render first, and waiting for git there left
 * the rendering thread idle (0.4 s for LobeHub's history).
 */
export const getStaticPaths = (() => {
  void lastCommitDates(site.personasDir);
  return everyLanguage();
}) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const { lang, routes } = localeOf(context.params.lang);
  const { personas } = await getCatalog(lang);
  const dates = await lastCommitDates(site.personasDir);
  const dated = personas.map((entry) => ({ entry, date: dates.get(resolve(entry.filePath ?? '')) }));
  return rss({
    title: site.title,
    description: site.tagline,
    site: new URL(routes.home(), context.site).href,
    customData: `<language>${lang}</language>`,
    items: newestFirst(dated, (item) => item.date)
      .slice(0, FEED_SIZE)
      .map(({ entry, date }) => ({
        title: `${entry.data.emoji} ${entry.data.name}`,
        description: entry.data.description,
        link: localeOf(languageOfEntry(entry)).routes.persona(entry.data.id),
        pubDate: date,
        categories: [entry.data.category, ...entry.data.tags],
      })),
  });
};
