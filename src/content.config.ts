import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { personaSchema } from './lib/persona/persona.ts';
import { siteConfigFromEnv } from './lib/site/siteConfig.ts';
import { personaLoader } from './loaders/personaLoader.ts';

export const collections = {
  personas: defineCollection({
    loader: personaLoader(siteConfigFromEnv().personasDir),
    schema: personaSchema,
  }),
  // The editorial guide, in MDX: one page per tool group and language (<lang>/<group>.mdx).
  // Only these pages are MDX; persona bodies are data and never compiled.
  guide: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './src/content/guide' }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
};
