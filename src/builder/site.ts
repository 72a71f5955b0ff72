// `persona-atlas build` and `persona-atlas dev`: Astro, run programmatically
// on the site this package carries, over a collection folder anywhere. The
// site's code reads its folders from the environment (src/lib/site/siteConfig.ts),
// the same contract `npm run build` honours here, so both make the same site.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../lib/packageRoot.ts';
import { SETTINGS_FILE } from '../lib/site/catalogSettings.ts';
import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';
import { reportOutput } from './buildSteps.ts';

export interface SiteOptions {
  /** The collection: persona files and their persona-atlas.json. */
  folder?: string;
  out?: string;
  base?: string;
  site?: string;
}

/**
 * The collection folder a command means: the one given, else personas/ when
 * there is one, else the current folder. Settings beside the current folder's
 * files make it the collection, with personas/ one of its folders.
 */
export function collectionFolder(folder: string | undefined, cwd = process.cwd()): string {
  if (folder) return resolve(cwd, folder);
  return existsSync(join(cwd, 'personas')) && !existsSync(join(cwd, SETTINGS_FILE)) ? join(cwd, 'personas') : cwd;
}

/** Points the site's code at the collection; the cache stays in the user's project, never inside node_modules. */
function useCollection({ folder, out, base, site }: SiteOptions, cwd = process.cwd()): void {
  process.env.PERSONAS_DIR = collectionFolder(folder, cwd);
  process.env.PROJECT_DIR = cwd;
  process.env.OUT_DIR = resolve(cwd, out ?? 'dist');
  process.env.CACHE_DIR = join(cwd, '.cache', 'persona-atlas');
  // An address with a path (GitLab's $CI_PAGES_URL) names the base path too, unless --base is given.
  const address = site && URL.canParse(site) ? new URL(site) : undefined;
  if (site !== undefined) process.env.SITE_URL = address ? address.origin : site;
  if (base) process.env.BASE_PATH = base;
  else if (base !== undefined || address) process.env.BASE_PATH = address && address.pathname !== '/' ? address.pathname : base ?? '';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro writes the code that renders pages inside the current folder when the output is elsewhere, and runs it
  // from there: inside this package, its imports find the dependencies installed with it.
  process.chdir(PACKAGE_ROOT);
}

/** Builds the site into the output folder; returns the lines to print after Astro's own. */
export async function buildSite(options: SiteOptions): Promise<string[]> {
  useCollection(options);
  // Settings errors are found before Astro starts, with their file and line.
  const config = siteConfigFromEnv();
  const { build } = await import('astro');
  await build({ root: PACKAGE_ROOT, logLevel: 'info' });
  return reportOutput(config);
}

/** Serves the site with live reload until the process ends. */
export async function devSite(options: SiteOptions & { port?: number }): Promise<{ url: string }> {
  useCollection(options);
  // Settings errors are found before Astro starts, as for a build.
  const { base } = siteConfigFromEnv();
  const { dev } = await import('astro');
  const server = await dev({ root: PACKAGE_ROOT, server: { port: options.port ?? 4321 }, logLevel: 'info' });
  return { url: `http://localhost:${server.address.port}${base}` };
}
