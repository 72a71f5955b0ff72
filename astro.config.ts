import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { hostingFiles } from './src/integrations/hostingFiles.ts';
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
  // Every script and stylesheet is a file of the site's own, so the
  // Content-Security-Policy needs no 'unsafe-inline' (see src/lib/securityHeaders.ts).
  build: { inlineStylesheets: 'never' },
  integrations: [sitemap(), pagefindIndex(), hostingFiles()],
  vite: { plugins: [tailwindcss()], build: { assetsInlineLimit: 0 } },
});
