import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/**
 * Records when each build phase starts, for `npm run bench` (which sets
 * BUILD_TIMINGS_FILE); does nothing otherwise. Listed first, so its
 * build:done runs before the search index is written.
 */
export function buildTimings(file = process.env.BUILD_TIMINGS_FILE): AstroIntegration {
  const marks: Record<string, number> = {};
  const mark = (name: string) => {
    if (!file) return;
    marks[name] = Date.now();
    writeFileSync(file, JSON.stringify(marks));
  };
  return {
    name: 'persona-atlas:build-timings',
    hooks: {
      'astro:config:done': () => mark('configDone'),
      'astro:build:start': () => mark('buildStart'),
      'astro:build:generated': () => mark('pagesGenerated'),
      'astro:build:done': () => mark('buildDone'),
    },
  };
}
