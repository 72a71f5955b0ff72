import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Deletes files the build did not write (older than its start) and folders
 * left empty; true when `dir` ends up empty. `kept` are folders (relative to
 * `dir`) the search index step manages itself (src/lib/build/searchIndex.ts).
 */
function sweep(dir: string, startedMs: number, kept: Set<string>, relative = ''): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (kept.has(`${relative}${entry.name}`)) {
      empty = false;
    } else if (entry.isDirectory()) {
      if (sweep(path, startedMs, kept, `${relative}${entry.name}/`)) rmdirSync(path);
      else empty = false;
    } else if (statSync(path).mtimeMs < startedMs) {
      unlinkSync(path);
    } else {
      empty = false;
    }
  }
  return empty;
}

/**
 * The output folder is not emptied before a build (see astro.config.ts), so
 * that a rebuild overwrites files instead of deleting and rewriting 40,000 of
 * them. Each build writes every asset, public file and page except the persona
 * files it keeps (which get its time, see src/data/pageReuse.ts); this removes
 * what it neither wrote nor kept, such as the pages of a deleted persona.
 */
export function staleOutput(languages: readonly string[]): AstroIntegration {
  // pagefind/ and each other language's <lang>/pagefind/: a language taken out of the settings loses its index.
  const kept = new Set(['pagefind', ...languages.slice(1).map((lang) => `${lang}/pagefind`)]);
  let startedMs = 0;
  // A build into an empty or new folder leaves nothing stale: the sweep would stat every file it wrote (1 s at 10,000 personas).
  let emptyAtStart = false;
  return {
    name: 'persona-atlas:stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        const outDir = fileURLToPath(config.outDir);
        emptyAtStart = !existsSync(outDir) || readdirSync(outDir).length === 0;
      },
      'astro:build:start': () => {
        // File times can lag the clock by a few milliseconds; a second of margin is far below a build's length.
        startedMs = Date.now() - 1000;
      },
      'astro:build:done': ({ dir }) => {
        if (!emptyAtStart) sweep(fileURLToPath(dir), startedMs, kept);
      },
    },
  };
}
