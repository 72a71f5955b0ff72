import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SiteConfig } from '../site/siteConfig.ts';
import { createRoutes } from '../site/urls.ts';

/**
 * Keeping a persona's files across builds. Astro has no incremental build: it
 * renders every page on every build, which at 10,000 personas made a rebuild
 * after a one-line edit take longer than the first build. A persona's page,
 * raw markdown and JSON show only that persona's inputs (src/data/pageReuse.ts
 * lists them) and the code that renders them; when neither changed since the
 * last build into the same folder, and the files are still there, the build
 * keeps the files instead of rendering them again.
 *
 * The record of the last build is written as `<file>.next` while pages are
 * generated and takes the place of `<file>` only when the build completes.
 */
export interface ReuseRecord {
  /** Digest of the code and site settings the files were rendered with. */
  code: string;
  /** Digest of each persona's inputs. */
  inputs: Record<string, string>;
  /** The pages (site paths, /de/personas/<id>/) of the personas and translations whose files this build kept rather than rendered. */
  kept: string[];
}

export const pendingRecordFile = (recordFile: string) => `${recordFile}.next`;

/** A persona's files (its page, raw markdown and JSON; see src/data/personaFiles.ts), relative to the output folder. */
export function personaFiles(id: string, lang?: string): string[] {
  const paths = createRoutes('/', lang);
  return [`${paths.persona(id)}index.html`, paths.localMarkdown(id), paths.localJson(id)].map((path) => path.slice(1));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Digest of everything besides a persona's own inputs that its files depend
 * on: the site's settings, the source, the configuration and the exact
 * dependency versions. Any change there renders every page again.
 */
export function codeDigest(root: string, config: SiteConfig): string {
  const hash = createHash('sha1').update(JSON.stringify(config));
  const files = [...filesUnder(join(root, 'src')), ...['astro.config.ts', 'tsconfig.json', 'package-lock.json'].map((name) => join(root, name))];
  for (const file of files.filter((file) => existsSync(file))) hash.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}
