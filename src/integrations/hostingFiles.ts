import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/site/securityHeaders.ts';

/** Writes _headers (Netlify, Cloudflare Pages) for the base path this build is for, and each other language's search index. */
export function hostingFiles(otherLanguages: readonly string[]): AstroIntegration {
  let base = '/';
  return {
    name: 'persona-atlas:hosting-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(fileURLToPath(new URL('_headers', dir)), headersFile(base, otherLanguages));
      },
    },
  };
}
