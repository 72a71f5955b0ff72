import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapInBatches } from '../lib/catalog/batches.ts';
import { facetLabel } from '../lib/catalog/catalog.ts';
import { MARKETPLACE_PATH } from '../lib/catalog/catalogLinks.ts';
import { ARCHIVE_FOLDER, claudeMarketplace, translatedPluginsFit, type PluginArchive, type ZipMemo } from '../lib/formats/claudeMarketplace.ts';
import { marketplaceName } from '../lib/catalog/catalogLinks.ts';
import { exportPersonaOf } from '../lib/formats/exports.ts';
import type { ExportPersona } from '../lib/formats/format.ts';
import { skillsIndex } from '../lib/formats/skillsIndex.ts';
import type { SiteConfig } from '../lib/site/siteConfig.ts';

/**
 * The tools' own install channels, written after the pages from the JSON
 * API the build just wrote (the same personas the command line reads): a
 * Claude Code plugin marketplace per language (`/.claude-plugin/marketplace.json`,
 * `/<lang>/.claude-plugin/marketplace.json`) with its content-addressed
 * archives, and the Agent Skills index of the default language. A
 * marketplace needs archives at absolute https URLs: a build without an
 * https SITE_URL leaves it out and says so. `"marketplace": false` turns both off.
 */
export function installChannels(config: SiteConfig): AstroIntegration {
  return {
    name: 'persona-atlas:install-channels',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (config.settings.marketplace === false) return logger.info('Install channels: turned off ("marketplace": false)');
        const started = performance.now();
        const written = await writeChannels(fileURLToPath(dir), config);
        logger.info(written.join('; '));
        logger.info(`Install channels: ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

interface ApiIndex {
  languages?: string[];
  personas: Array<{ id: string; category: string; translations?: Array<{ lang: string }> }>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A persona as the export registry takes it, from its JSON in the API. */
function personaFrom(out: string, id: string, lang?: string): ExportPersona {
  const detail = readJson(join(out, ...(lang ? [lang] : []), 'api', 'personas', `${id}.json`));
  return exportPersonaOf(detail, detail.prompt, detail.extra ?? {});
}

/** Writes a file into an existing folder unless the very file is there already (an archive is named by its bytes): then it only gets this build's time, so the stale-output sweep keeps it. */
async function writeOnce(path: string, bytes: Uint8Array): Promise<boolean> {
  if (existsSync(path)) {
    const now = new Date();
    utimesSync(path, now, now);
    return false;
  }
  await writeFile(path, bytes);
  return true;
}

/** Files written at once: enough to keep the disk busy, few enough not to hold 10,000 open. */
const WRITES_IN_FLIGHT = 32;

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function writeChannels(out: string, config: SiteConfig): Promise<string[]> {
  const index: ApiIndex = readJson(join(out, 'api', 'personas.json'));
  const [, ...otherLanguages] = index.languages ?? [];
  const originals = index.personas.map((persona) => personaFrom(out, persona.id));

  const skills = skillsIndex(originals);
  await writeText(join(out, '.well-known', 'agent-skills', 'index.json'), skills.json);
  await mapInBatches(skills.files, WRITES_IN_FLIGHT, (file) => writeText(join(out, ...file.path.split('/')), file.content));
  const report = [`Agent Skills index: ${skills.files.length} skills${skills.leftOut.length ? ` (left out: ${skills.leftOut.join(', ')})` : ''}`];

  if (!config.marketplaceOrigin) return [...report, 'Claude Code marketplace: left out, as this build has no https site URL (set SITE_URL or --site to where it is deployed: Claude Code downloads its archives over https only)'];
  const base = new URL(`${config.base.replace(/\/?$/, '/')}`, `${config.site}/`);
  const archiveUrl = (fileName: string) => new URL(`${ARCHIVE_FOLDER}/${fileName}`, base).href;
  const translations = index.personas.reduce((sum, persona) => sum + (persona.translations?.length ?? 0), 0);
  const translatedPlugins = translatedPluginsFit(translations);
  const languages: Array<{ lang?: string; personas: ExportPersona[]; plugins: boolean }> = [{ personas: originals, plugins: true }];
  for (const lang of otherLanguages) {
    // A language's marketplace: its translations, and the originals of personas it has none of.
    const translated = new Set(index.personas.filter((p) => p.translations?.some((t) => t.lang === lang)).map((p) => p.id));
    if (translated.size === 0) continue;
    languages.push({ lang, personas: originals.map((persona) => (translated.has(persona.id) ? personaFrom(out, persona.id, lang) : persona)), plugins: translatedPlugins });
  }
  // A plugin that reads the same in several languages (an untranslated persona) is one archive, named by its bytes.
  const archives = new Map<string, PluginArchive>();
  const memo: ZipMemo = new Map();
  for (const { lang, personas, plugins } of languages) {
    const categories = [...new Set(personas.map((persona) => persona.category))].map((slug) => ({
      slug,
      label: facetLabel('categories', slug, config.settings, lang ?? index.languages?.[0]),
      personas: personas.filter((persona) => persona.category === slug),
    }));
    const marketplace = claudeMarketplace({ name: marketplaceName(config.title, config.settings.marketplace || undefined, lang), owner: config.title, description: config.tagline, personas: plugins ? personas : [], categories, archiveUrl, memo });
    for (const archive of marketplace.archives) archives.set(archive.fileName, archive);
    await writeText(join(out, ...(lang ? [lang] : []), ...MARKETPLACE_PATH.split('/')), marketplace.json);
  }
  await mkdir(join(out, ARCHIVE_FOLDER), { recursive: true });
  const written = await mapInBatches([...archives.values()], WRITES_IN_FLIGHT, (archive) => writeOnce(join(out, ARCHIVE_FOLDER, archive.fileName), archive.bytes));
  const fresh = written.filter(Boolean).length;
  const bytes = [...archives.values()].reduce((sum, archive) => sum + archive.bytes.length, 0);
  const where = languages.map(({ lang }) => (lang ? `${lang}/` : '') + MARKETPLACE_PATH).join(', ');
  if (!translatedPlugins) report.push(`the other languages' marketplaces hold their categories' plugins only: ${translations.toLocaleString('en')} translations would each take an archive of their own`);
  return [...report, `Claude Code marketplace "${marketplaceName(config.title, config.settings.marketplace || undefined)}": ${where}; ${archives.size} plugin archives (${(bytes / 1024 / 1024).toFixed(1)} MB, ${fresh} new)`];
}
