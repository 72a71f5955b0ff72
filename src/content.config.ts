import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { personaSchema } from './lib/persona/persona.ts';
import { hasSitePages, PAGES_FOLDER } from './lib/site/catalogSettings.ts';
import { siteConfigFromEnv } from './lib/site/siteConfig.ts';
import { personaLoader } from './loaders/personaLoader.ts';
import { ownDocsFolder } from './data/ownDocs.ts';

const { personasDir } = siteConfigFromEnv();
const docsFolder = ownDocsFolder(personasDir);

/** Markdown and MDX pages of a folder, or none when there are none (without the glob loader's warning). */
const pagesIn = (folder: string | undefined, pattern: string) => (folder ? glob({ pattern, base: folder }) : { name: 'no-pages', load: async () => {} });

export const collections = {
  personas: defineCollection({
    loader: personaLoader(personasDir),
    schema: personaSchema,
  }),
  // The editorial guide, in MDX: one page per tool group and language (<lang>/<group>.mdx).
  // Only these pages are MDX; persona bodies are data and never compiled.
  guide: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './src/content/guide' }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
  // The catalog's own pages (pages/<slug>.md or .mdx beside its settings, pages/<lang>/<slug>.md in other
  // languages): its maintainers' words, like this site's own code, so MDX is theirs to use.
  pages: defineCollection({
    loader: pagesIn(hasSitePages(personasDir) ? join(personasDir, PAGES_FOLDER) : undefined, '{*,*/*}.{md,mdx}'),
    schema: z.object({
      /** The heading and the link's label; else the page's own first heading, else its name in title case. */
      title: z.string().trim().min(1).optional(),
      description: z.string().trim().min(1).optional(),
      /** Where its link goes: the header (default) or the footer only. */
      nav: z.enum(['header', 'footer']).default('header'),
      /** Place among the catalog's pages: lower first; then by title. */
      order: z.number().optional(),
    }),
  }),
  // This project's documentation, on its own site only (src/data/ownDocs.ts).
  docs: defineCollection({
    loader: pagesIn(docsFolder, '*.mdx'),
    schema: z.object({ title: z.string(), description: z.string(), group: z.enum(['use', 'host', 'contribute']), order: z.number() }),
  }),
};
