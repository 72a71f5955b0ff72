import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { inertMarkdown } from './src/lib/inertMarkdown.ts';
import { siteConfigFromEnv } from './src/lib/siteConfig.ts';

const config = siteConfigFromEnv();

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  trailingSlash: 'ignore',
  compressHTML: false,
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ mdastPlugins: [inertMarkdown], features: { smartPunctuation: false } }),
  },
  integrations: [pagefindIndex()],
  vite: { plugins: [tailwindcss()] },
});
