import { join, resolve } from 'node:path';
import { PAGES_PER_PART } from '../build/searchParts.ts';
import { layoutLanguages } from '../formats/layouts.ts';
import { readCatalogSettings, type CatalogSettings } from './catalogSettings.ts';

/**
 * Site-wide settings, read once and validated: the catalog's settings file
 * (persona-atlas.json next to the persona files), then the environment,
 * which wins.
 */
export interface SiteConfig {
  title: string;
  tagline: string;
  /** The catalog's settings file, with its defaults. */
  settings: CatalogSettings;
  /** Folder of persona files, relative to the project root. */
  personasDir: string;
  /** The project the build was started in (the repository, for edit links): the current folder, or PROJECT_DIR. */
  projectDir: string;
  /** Build output folder; tests and benchmarks build elsewhere than dist/. */
  outDir: string;
  /** Where builds keep what the next one reuses (Astro's content store, unchanged pages, search index parts). */
  cacheDir: string;
  /** URL path the site is served under: "/" or "/atlas". */
  base: string;
  /** Absolute origin used for canonical URLs, sitemap and feeds. */
  site: string;
  /**
   * Whether the site publishes a Claude Code marketplace: SITE_URL gave an https origin (Claude Code downloads
   * plugin archives over https from public hosts only; the local default and http origins cannot serve them).
   */
  marketplaceOrigin: boolean;
  /** Whether SITE_URL named the origin: without it, pages' commands take the address they were loaded from (src/scripts/commandCopy.ts). */
  originGiven: boolean;
  /** GitHub repository URL for "Edit this persona" links, when known. */
  repoUrl?: string;
  /** Branch the edit links open. */
  repoBranch: string;
  /** Persona pages per search index part (src/lib/searchParts.ts); tests set a small one to exercise merging. */
  searchPartPages: number;
  /** Hosts' limits scaled by this in the build's output report (src/lib/build/outputSize.ts); tests lower it to try a small site. */
  hostLimitScale: number;
}

function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed && !/^[\w.~-]+(\/[\w.~-]+)*$/.test(trimmed)) {
    throw new Error(`BASE_PATH ${JSON.stringify(raw)} is not a URL path like /atlas`);
  }
  return trimmed ? `/${trimmed}` : '/';
}

function absoluteUrl(name: string, raw: string): string {
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new Error(`${name} ${JSON.stringify(raw)} must be an absolute http(s) URL`);
  }
  return raw.replace(/\/+$/, '');
}

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined;
  if (!/^[1-9]\d*$/.test(raw.trim())) throw new Error(`${name} ${JSON.stringify(raw)} must be a positive whole number`);
  return Number(raw.trim());
}

export function siteConfigFromEnv(env: Record<string, string | undefined> = process.env): SiteConfig {
  const personasDir = env.PERSONAS_DIR?.trim() || 'personas';
  const { settings, problems } = readCatalogSettings(personasDir);
  if (problems.length > 0) throw new Error(`Invalid catalog settings:\n${problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.key}  ${p.message}`).join('\n')}`);
  return {
    title: env.SITE_TITLE?.trim() || settings.title,
    tagline: env.SITE_TAGLINE?.trim() || settings.tagline,
    // A collection laid out with translations (a LobeHub repository) has their languages unless the settings name others.
    settings: { ...settings, languages: settings.languages ?? layoutLanguages(personasDir) },
    personasDir,
    projectDir: resolve(env.PROJECT_DIR?.trim() || '.'),
    outDir: env.OUT_DIR?.trim() || 'dist',
    cacheDir: resolve(env.CACHE_DIR?.trim() || join('node_modules', '.astro')),
    base: normalizeBase(env.BASE_PATH),
    site: absoluteUrl('SITE_URL', env.SITE_URL?.trim() || 'http://localhost:4321'),
    marketplaceOrigin: /^https:\/\//.test(env.SITE_URL?.trim() ?? ''),
    originGiven: Boolean(env.SITE_URL?.trim()),
    repoUrl: env.REPO_URL?.trim() ? absoluteUrl('REPO_URL', env.REPO_URL.trim()) : undefined,
    repoBranch: env.REPO_BRANCH?.trim() || 'main',
    searchPartPages: positiveInteger('SEARCH_PART_PAGES', env.SEARCH_PART_PAGES) ?? PAGES_PER_PART,
    hostLimitScale: env.HOST_LIMIT_SCALE?.trim() ? Number(env.HOST_LIMIT_SCALE) : 1,
  };
}
