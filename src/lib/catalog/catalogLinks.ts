import { SLUG_PATTERN } from '../persona/slug.ts';
import { slugify } from '../persona/slugify.ts';

/**
 * The links and commands a catalog hands out about itself, built in one place
 * for the set page, the export list and the command line: the command line
 * each catalog publishes at a fixed path, the command that runs it, and the
 * share link of a set.
 */

/** Where every build publishes the packed command line, relative to the site root. */
export const CLI_TARBALL_PATH = 'persona-atlas.tgz';

/** The share link's path, relative to the site root: the set page. */
const SET_PAGE_PATH = 'selection/';

const siteRoot = (catalogUrl: string) => catalogUrl.replace(/\/+$/, '');

/** A word for a POSIX shell: as it is when nothing in it is special, else single-quoted. */
export const shellWord = (word: string) => (/^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** The command that runs this catalog's own command line with `args` against it, through npx. */
export function cliCommand(catalogUrl: string, args: readonly string[]): string {
  const root = siteRoot(catalogUrl);
  return ['npx', '-y', `${root}/${CLI_TARBALL_PATH}`, ...args, '--catalog', root].map(shellWord).join(' ');
}

/** Where every build with a site URL publishes its Claude Code plugin marketplace, relative to the site root (or a language's). */
export const MARKETPLACE_PATH = '.claude-plugin/marketplace.json';

/** The plugin that holds a whole category: `<category>-collection`, numbered on should a persona have that id. */
export function categoryPluginName(slug: string, personaIds: ReadonlySet<string>): string {
  let name = `${slug}-collection`;
  for (let n = 2; personaIds.has(name); n += 1) name = `${slug}-collection-${n}`;
  return name;
}

/** Names Claude Code keeps for its own marketplaces; `anthropic-…` and names posing as official ones are refused too. */
const RESERVED = new Set([
  'claude-code-marketplace', 'claude-code-plugins', 'claude-plugins-official', 'anthropic-marketplace', 'anthropic-plugins', 'agent-skills', 'anthropic-agent-skills',
  'life-sciences', 'knowledge-work-plugins', 'claude-for-legal', 'claude-for-financial-services', 'financial-services-plugins', 'first-party-plugins', 'claude-tag-plugins',
  'claude-community', 'claude-plugins-community', 'healthcare', 'anthropic-plugin-directory', 'claude-plugin-directory', 'inline', 'builtin', 'skills-dir', 'synced', 'npm', 'github',
]);

/** Why a marketplace name is refused, or undefined when Claude Code takes it. */
export function marketplaceNameProblem(name: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return 'must be kebab-case: lowercase letters and digits joined by single hyphens';
  if (RESERVED.has(name) || name.startsWith('anthropic-')) return 'is reserved by Claude Code for its own marketplaces';
  if (/claude|anthropic/.test(name) && /official|anthropic/.test(name)) return 'would pose as an official Claude marketplace';
  return undefined;
}

/**
 * The marketplace's name: the settings' `marketplace`, else the title as a
 * slug, made acceptable where it is not; another language's marketplace
 * adds its code, since a user registers one marketplace per name.
 */
export function marketplaceName(title: string, given?: string, lang?: string): string {
  const slug = slugify(title) ?? 'personas';
  const name = given || (marketplaceNameProblem(slug) ? `${slug.replace(/^anthropic-/, '')}-personas` : slug);
  return lang ? `${name}-${lang.toLowerCase()}` : name;
}

/** Claude Code's commands for a plugin of a catalog's marketplace: inside a session (add the marketplace, install), and from a terminal. */
export function claudePluginCommands(catalogUrl: string, marketplace: string, plugin: string): { session: string[]; terminal: string } {
  const url = `${siteRoot(catalogUrl)}/${MARKETPLACE_PATH}`;
  return { session: [`/plugin marketplace add ${url}`, `/plugin install ${plugin}@${marketplace}`], terminal: `claude plugin install ${plugin} --marketplace ${url}` };
}

/** The skills command line's install of skills from a catalog's Agent Skills index. */
export const skillsAddCommand = (catalogUrl: string, skills: readonly string[]) => ['npx', 'skills', 'add', siteRoot(catalogUrl), '--skill', ...skills].map(shellWord).join(' ');

/** A link to the set page that carries a set of persona ids. */
export function shareLink(catalogUrl: string, ids: readonly string[]): string {
  return `${siteRoot(catalogUrl)}/${SET_PAGE_PATH}?ids=${ids.join(',')}`;
}

/** The ids a share link's `ids` parameter carries, each a slug, in order, once. */
export function idsOfShareParam(value: string | null): { ids: string[]; invalid: string[] } {
  const items = [...new Set((value ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
  return { ids: items.filter((id) => SLUG_PATTERN.test(id)), invalid: items.filter((id) => !SLUG_PATTERN.test(id)) };
}

/** The catalog a share link belongs to (the site it was made on) and the ids it carries; undefined when it is not one. */
export function parseShareLink(link: string): { catalog: string; ids: string[]; invalid: string[] } | undefined {
  if (!URL.canParse(link)) return undefined;
  const url = new URL(link);
  const path = url.pathname.replace(/\/?$/, '/');
  if (!path.endsWith(`/${SET_PAGE_PATH}`) || !url.searchParams.has('ids')) return undefined;
  return { catalog: `${url.origin}${path.slice(0, -SET_PAGE_PATH.length - 1)}`, ...idsOfShareParam(url.searchParams.get('ids')) };
}
