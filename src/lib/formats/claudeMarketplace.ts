// https://code.claude.com/docs/en/plugin-marketplaces (zip archives, host a marketplace)
// https://code.claude.com/docs/en/plugins/marketplace-reference (the archive plugin source, reserved names)
import { createHash } from 'node:crypto';
import { categoryPluginName } from '../catalog/catalogLinks.ts';
import * as claudeCode from './claudeCode.ts';
import { exportSet } from './exports.ts';
import type { ExportPersona } from './format.ts';
import { noticeText } from './provenance.ts';
import { json } from './shared.ts';
import { zipArchive, zipEntry, type ZipEntry } from './zipFile.ts';

/**
 * A catalog as a Claude Code plugin marketplace: one plugin per persona,
 * named by its id, and one per category holding all of its personas. Each
 * plugin is a zip archive holding `agents/<id>.md` exactly as the
 * `claude-code` export writes it, a `plugin.json` and a NOTICE; Claude Code
 * downloads it by the marketplace's URL and checks its SHA-256. Archives are
 * named by their content, so a client holding an older marketplace.json
 * finds either the very bytes it expects or nothing, never other bytes under
 * the same name. No `version` is written: Claude Code then takes the
 * archive's hash as the version, and a changed persona is an update.
 */

/** Where the archives live, below the site's base: shared by every language's marketplace. */
export const ARCHIVE_FOLDER = 'claude-plugins';

/**
 * Translations that get plugins of their own, one archive each: past this,
 * another language's marketplace holds its categories' plugins only.
 * LobeHub's 8,585 would add as many files to its 42,309 (the hosts' limit is
 * 45,000, see src/lib/build/outputSize.ts); its 17 languages' categories take 170.
 */
const TRANSLATED_PLUGIN_BUDGET = 2000;

/** Whether a catalog with this many translations publishes a plugin per translation (else per category only). */
export const translatedPluginsFit = (translations: number) => translations <= TRANSLATED_PLUGIN_BUDGET;

export interface PluginArchive {
  /** File name below ARCHIVE_FOLDER: the plugin's name and the start of its hash. */
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Zip entries carry one fixed date, so the same plugin always makes the same bytes, and so the same name. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

const agentFile = (persona: ExportPersona) => exportSet(claudeCode.target, [persona])[0].content;

/** One licence for a plugin when all its personas share one; the NOTICE lists each otherwise. */
function shared<T>(values: Array<T | undefined>): T | undefined {
  return values.length > 0 && values.every((value) => value !== undefined && value === values[0]) ? values[0] : undefined;
}

/** Licence, author and homepage as a plugin's manifest and a marketplace entry write them. */
function pluginProvenance(personas: readonly ExportPersona[]) {
  const license = shared(personas.map((p) => p.license));
  const author = shared(personas.map((p) => p.author));
  const homepage = shared(personas.map((p) => p.source));
  return { ...(author && { author: { name: author } }), ...(homepage && { homepage }), ...(license && { license }) };
}

/** What a plugin's README says: what it installs and how to call it, in enough words for a reader and Claude Code's plugin directory. */
function readme(name: string, description: string, catalog: string, personas: readonly ExportPersona[]): string {
  const agents = personas.map((p) => `- \`${name}:${p.id}\`: ${p.emoji} ${p.name}. ${p.description}`).join('\n');
  return `# ${name}\n\n${description}\n\nThis plugin comes from the ${catalog} catalog and installs ${personas.length === 1 ? 'one persona' : `${personas.length} personas`} as Claude Code subagents. Ask Claude Code to use one by name, or pick it with /agents:\n\n${agents}\n\nEach subagent's prompt is the persona's, exactly as the catalog publishes it. NOTICE lists each persona's licence, author and source.\n`;
}

/**
 * The files one build has deflated, by their path in an archive: a persona's
 * agent file goes into its own plugin and its category's, deflated once.
 */
export type ZipMemo = Map<string, { content: string; entry: ZipEntry }>;

function memoEntry(memo: ZipMemo | undefined, path: string, content: string): ZipEntry {
  const known = memo?.get(path);
  if (known && known.content === content) return known.entry;
  const entry = zipEntry(path, content);
  memo?.set(path, { content, entry });
  return entry;
}

/** A plugin's zip archive: its manifest, README, each persona's agent file and the notice of where they come from. */
export function pluginArchive(name: string, description: string, catalog: string, personas: readonly ExportPersona[], memo?: ZipMemo): PluginArchive {
  const files: Array<[string, string]> = [
    ['.claude-plugin/plugin.json', json({ name, description, ...pluginProvenance(personas) })],
    ['README.md', readme(name, description, catalog, personas)],
    ...personas.map((persona): [string, string] => [`agents/${persona.id}.md`, agentFile(persona)]),
    ['NOTICE', noticeText(personas)],
  ];
  const bytes = zipArchive(files.map(([path, content]) => memoEntry(memo, path, content)), ZIP_DATE);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { fileName: `${name}-${sha256.slice(0, 16)}.zip`, bytes, sha256 };
}

export interface MarketplaceInput {
  name: string;
  /** Who keeps the catalog: its title. */
  owner: string;
  description: string;
  personas: readonly ExportPersona[];
  /** Categories with their label and personas, in the order the site lists them. */
  categories: ReadonlyArray<{ slug: string; label: string; personas: readonly ExportPersona[] }>;
  /** The absolute URL an archive is served at. */
  archiveUrl(fileName: string): string;
  /** Files deflated for this build's other archives, reused where they read the same. */
  memo?: ZipMemo;
}

/**
 * The marketplace's JSON and the archives it points at; every plugin name is
 * unique (see categoryPluginName).
 */
export function claudeMarketplace(input: MarketplaceInput): { json: string; archives: PluginArchive[] } {
  const archives: PluginArchive[] = [];
  // Category plugins are named apart from every persona's id, listed or not.
  const taken = new Set(input.categories.flatMap((category) => category.personas.map((persona) => persona.id)));
  const entry = (name: string, description: string, personas: readonly ExportPersona[], extra: Record<string, unknown>) => {
    const archive = pluginArchive(name, description, input.owner, personas, input.memo);
    archives.push(archive);
    return { name, description, ...extra, ...pluginProvenance(personas), source: { source: 'archive', url: input.archiveUrl(archive.fileName), sha256: archive.sha256 } };
  };
  const personaPlugins = input.personas.map((persona) =>
    entry(persona.id, persona.description, [persona], { category: persona.category, ...(persona.tags.length > 0 && { keywords: persona.tags }) }),
  );
  const categoryPlugins = input.categories.map(({ slug, label, personas }) => {
    const name = categoryPluginName(slug, taken);
    taken.add(name);
    return entry(name, `Every persona of ${label} (${personas.length}) as subagents: ${personas.map((p) => p.name).join(', ')}`.slice(0, 1000), personas, { category: slug });
  });
  const marketplace = { name: input.name, owner: { name: input.owner }, metadata: { description: input.description }, plugins: [...personaPlugins, ...categoryPlugins] };
  return { json: json(marketplace), archives };
}
