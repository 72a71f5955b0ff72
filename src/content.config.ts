import { defineCollection } from 'astro:content';
import { personaSchema } from './lib/persona/persona.ts';
import { siteConfigFromEnv } from './lib/site/siteConfig.ts';
import { personaLoader } from './loaders/personaLoader.ts';

export const collections = {
  personas: defineCollection({
    loader: personaLoader(siteConfigFromEnv().personasDir),
    schema: personaSchema,
  }),
};
