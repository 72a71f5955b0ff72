// https://code.claude.com/docs/en/plugin-marketplaces and
// https://code.claude.com/docs/en/plugins-reference: `.claude-plugin/marketplace.json`
// lists plugins (`name`, `source` folder, `category`…); each plugin folder may
// hold `.claude-plugin/plugin.json`, subagents in `agents/*.md` (or the files
// its `agents` field names), skills in `skills/<name>/SKILL.md` (or its
// `skills` field), and commands, hooks and scripts, which are no personas.
import { reader as subagentReader } from './claudeCode.ts';
import { reader as skillReader } from './agentSkills.ts';
import type { CollectionFolder, CollectionLayout, FormatReader, LayoutRead } from './format.ts';

const DOCS = 'https://code.claude.com/docs/en/plugin-marketplaces';
const MARKETPLACE = '.claude-plugin/marketplace.json';
const PLUGIN = /^(?:(.*)\/)?\.claude-plugin\/plugin\.json$/;

interface Plugin {
  folder: string;
  name?: string;
  category?: string;
  agents: string[];
  skills: string[];
  /** The manifest's licence, author and homepage (or repository), given to its personas that name none. */
  provenance: Record<string, unknown>;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const definedOf = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** A path a manifest gives (`./agents/x.md`, `plugins/a/`), inside the folder read; undefined when it leaves it. */
function inFolder(base: string, path: string): string | undefined {
  const parts: string[] = base ? base.split('/') : [];
  for (const part of path.split('/')) {
    if (part === '..') {
      if (parts.pop() === undefined) return undefined;
    } else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function parseJson(folder: CollectionFolder, path: string, problems: LayoutRead['problems']): Record<string, unknown> | undefined {
  const text = folder.text(path);
  if (text === undefined) return undefined;
  try {
    return record(JSON.parse(text));
  } catch (error) {
    problems.push({ path, message: `is not valid JSON (${(error as Error).message.split('\n')[0]})` });
    return undefined;
  }
}

/** The plugins: those the marketplace lists with a folder here, then any other folder with its own plugin.json. */
function plugins(folder: CollectionFolder, problems: LayoutRead['problems']): Plugin[] {
  const found = new Map<string, Plugin>();
  const add = (base: string, entry: Record<string, unknown>) => {
    const known = found.get(base);
    found.set(base, {
      folder: base,
      name: known?.name ?? (typeof entry.name === 'string' ? entry.name : undefined),
      category: known?.category ?? (typeof entry.category === 'string' ? entry.category : undefined),
      agents: [...(known?.agents ?? []), ...strings(entry.agents)],
      skills: [...(known?.skills ?? []), ...strings(entry.skills)],
      provenance: { ...definedOf({ license: entry.license, author: entry.author, homepage: entry.homepage ?? entry.repository }), ...known?.provenance },
    });
  };
  const marketplace = parseJson(folder, MARKETPLACE, problems);
  const pluginRoot = typeof record(marketplace?.metadata).pluginRoot === 'string' ? (record(marketplace?.metadata).pluginRoot as string) : '';
  for (const entry of Array.isArray(marketplace?.plugins) ? marketplace.plugins.map(record) : []) {
    // A plugin fetched from elsewhere (a git URL) has no files here.
    if (typeof entry.source !== 'string') continue;
    const base = inFolder(inFolder('', pluginRoot) ?? '', entry.source);
    if (base !== undefined) add(base, entry);
  }
  for (const path of folder.paths) {
    const base = PLUGIN.exec(path)?.[1] ?? (PLUGIN.test(path) ? '' : undefined);
    if (base === undefined) continue;
    const manifest = parseJson(folder, path, problems);
    if (manifest) add(base, manifest);
  }
  return [...found.values()];
}

/** Whether `path` is `place/<name>` (depth 1 below it), or `place` itself. */
const childOf = (path: string, place: string) => path === place || (path.startsWith(`${place}/`) && !path.slice(place.length + 1).includes('/'));

/** A plugin's persona files: its agents' markdown and its skills' SKILL.md, by the default folders and its manifest's fields. */
function personaFiles(folder: CollectionFolder, plugin: Plugin): Array<{ path: string; reader: FormatReader }> {
  const inPlugin = (paths: string[], fallback: string) => [inFolder(plugin.folder, fallback)!, ...paths.flatMap((path) => inFolder(plugin.folder, path) ?? [])];
  const agentPlaces = inPlugin(plugin.agents, 'agents');
  const skillPlaces = inPlugin(plugin.skills, 'skills');
  // A subagent beside the files a manifest lists is one it forgot to list: read too, so no agent is lost.
  const listedFolders = new Set(agentPlaces.filter((place) => place.endsWith('.md')).map((place) => place.replace(/\/?[^/]*$/, '')));
  const unlistedAgent = (path: string) => listedFolders.has(path.replace(/\/?[^/]*$/, '')) && subagentReader.detect({ path, text: folder.text(path) ?? '', sibling: () => undefined });
  return folder.paths.flatMap((path) => {
    if (path.endsWith('.md') && (agentPlaces.some((place) => childOf(path, place)) || unlistedAgent(path))) return [{ path, reader: subagentReader }];
    // A skill is a folder with SKILL.md; a manifest may name the skill folder itself or the folder of skills.
    const skillFolder = path.replace(/\/SKILL\.md$/, '');
    if (skillFolder !== path && skillPlaces.some((place) => childOf(skillFolder, place))) return [{ path, reader: skillReader }];
    return [];
  });
}

export const layout: CollectionLayout = {
  id: 'claude-plugins',
  label: 'Claude Code plugin marketplace',
  docs: DOCS,
  detect: (folder) => folder.paths.includes(MARKETPLACE) || folder.paths.includes('.claude-plugin/plugin.json'),
  read: (folder) => {
    const read: LayoutRead = { personas: [], translations: [], uses: [], problems: [] };
    const seen = new Set<string>();
    for (const plugin of plugins(folder, read.problems)) {
      for (const { path, reader } of personaFiles(folder, plugin)) {
        const text = folder.text(path);
        // A file two plugins both list is one persona.
        if (text === undefined || seen.has(path)) continue;
        seen.add(path);
        const file = { path, text, sibling: () => undefined };
        const [persona] = reader.read(file).personas;
        // A file without frontmatter is still a prompt: the whole file, named after it (a skill after its folder).
        const found = persona ?? { id: path.replace(/(\/SKILL)?\.md$/, '').split('/').at(-1), prompt: text, extra: {} };
        read.personas.push({ path, persona: { ...found, category: plugin.category ?? plugin.name, extra: { ...plugin.provenance, ...found.extra } } });
      }
    }
    return read;
  },
};
