import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { buildTimings } from './src/integrations/buildTimings.ts';
import { cliTarball } from './src/integrations/cliTarball.ts';
import { codeThemeStyles } from './src/integrations/codeTheme.ts';
import { devPreview } from './src/integrations/devPreview.ts';
import { hostingFiles } from './src/integrations/hostingFiles.ts';
import { installChannels } from './src/integrations/installChannels.ts';
import { pageReuse } from './src/integrations/pageReuse.ts';
import { searchIndex } from './src/integrations/searchIndex.ts';
import { staleOutput } from './src/integrations/staleOutput.ts';
import { siteConfigFromEnv } from './src/lib/site/siteConfig.ts';

const config = siteConfigFromEnv();
const { languages } = config.settings;
// Each page's versions in the other languages, as xhtml:link alternates in the sitemap.
const sitemapLanguages = languages && { defaultLocale: languages[0], locales: Object.fromEntries(languages.map((lang) => [lang, lang])) };
// With a link to each of 18 languages' versions a sitemap entry is about 2 KB: 45,000 (the default)
// made LobeHub's sitemap 64 MB, over Cloudflare Pages' 25 MiB a file and the protocol's 50 MB.
const SITEMAP_ENTRIES = 5000;
// Pages a rebuild kept rather than rendered, for the sitemap (src/integrations/pageReuse.ts).
const keptPages: string[] = [];

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  trailingSlash: 'ignore',
  compressHTML: true,
  // Shiki's highlighting writes inline styles, which the Content-Security-Policy forbids; code blocks of
  // the MDX and markdown pages (documentation, a catalog's pages/) stay plain. Prompts have their own highlighter.
  markdown: { syntaxHighlight: false },
  build: {
    // Every script and stylesheet is a file of the site's own, so the
    // Content-Security-Policy needs no 'unsafe-inline' (see src/lib/securityHeaders.ts).
    inlineStylesheets: 'never',
    // Page generation waits on file writes more than on the CPU. Generating
    // 10,000 personas' files on 2 cores took 33.6 s with 4 pages in flight,
    // 30.4 s with 8, 29.2 s with 16 and 31.3 s with 32.
    concurrency: 16,
  },
  integrations: [mdx(), devPreview(config.personasDir), buildTimings(), pageReuse(keptPages), sitemap({ customPages: keptPages, i18n: sitemapLanguages, entryLimit: SITEMAP_ENTRIES }), hostingFiles(languages?.slice(1) ?? []), cliTarball(), installChannels(config), searchIndex(), staleOutput(languages ?? [])],
  vite: {
    plugins: [tailwindcss(), codeThemeStyles()],
    // Astro empties the output folder first unless told not to; with 10,000
    // personas that deletion took about 12 s of every rebuild. staleOutput()
    // removes only what the build no longer writes.
    build: {
      assetsInlineLimit: 0,
      emptyOutDir: false,
      rollupOptions: {
        // Astro marks each MDX guide page "use astro:head-inject" for its styles; the bundler's
        // note that it drops the directive is expected, one line per page, and hides real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
