import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { LEGACY_LINT_FILE, PAGES_FOLDER, readCatalogSettings, SETTINGS_FILE, hasSitePages, type CatalogSettings } from '../site/catalogSettings.ts';
import { hasKeys } from './shared.ts';

/**
 * The walk over a collection folder: which files are read, which are left
 * out and why. Every file below the folder becomes a source, read or left out
 * with its kind, so the summary line can account for each one (nothing
 * vanishes without a count).
 */

/** Why a file was left out unread; the summary line counts each kind. */
export type LeftOutKind = 'documentation' | 'excluded by settings' | 'in dot folders' | 'not a persona in this layout' | 'other file types' | 'project files';

export interface PersonaSource {
  /** Path as shown to the maintainer (relative to the working directory). */
  file: string;
  /** Path inside the folder read, '/'-separated: readers take folder names and neighbouring files from it. Default: the file name. */
  relative?: string;
  /** The folder read, as shown: files of one folder form one collection (a layout is told per folder). */
  root?: string;
  bytes?: Buffer;
  readError?: string;
  /** Why the file was deliberately not read (too large, a link out of the folder). */
  refused?: string;
  /** Left out unread, and of what kind (a README, a dot file, an excluded path); a dot folder's manifest may still be read for its layout. */
  leftOut?: LeftOutKind;
  /** The folder's language, for a file in a language folder its folder's settings list (a translation). */
  lang?: string;
}

/** Larger files are refused unread: no prompt needs a megabyte, and the build holds every file in memory. */
export const FILE_SIZE_LIMIT = 1024 * 1024;
/** A CSV holds a persona a row: the largest prompt library's file is several megabytes. */
const CSV_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * Documentation beside personas: exactly README, CONTRIBUTING, LICENSE or
 * LICENCE, CHANGELOG, CODE_OF_CONDUCT and SECURITY, in any case, with any
 * extension and an optional language after a dot or an underscore
 * (README.zh-CN.md, CONTRIBUTING_zh-CN.md). `security-auditor.md` and
 * `README-writer.md` are persona files like any other.
 */
const DOCUMENTATION = /^(readme|contributing|licen[cs]e|changelog|code_of_conduct|security)([._][a-z]{2,3}([-_][a-z0-9]{2,8})*)?(\.[a-z0-9]+)?$/i;

export const isDocumentationName = (name: string) => DOCUMENTATION.test(name);

/** Frontmatter naming a persona: such a file is read whatever its name. */
const hasPersonaFrontmatter = (text: string) => hasKeys(text, 'name') || hasKeys(text, 'id');

/**
 * Extensions a reader may accept; a folder named like one is reported, other
 * folders are walked. Files of any other type (scripts, images, a Makefile)
 * are left out unread as "other file types".
 */
const PERSONA_EXTENSIONS = /\.(md|mdc|markdown|json|csv|txt|ya?ml)$|(^|\/)\.roomodes$/;

/** Folders never read, even by `import`, which walks the other dot folders (tools keep their files in .claude/, .cursor/…). */
export const NEVER_READ: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Manifests in dot folders that tell a collection's layout (.claude-plugin/marketplace.json): read though left out. */
const LAYOUT_MANIFEST = /(^|\/)\.claude-plugin\/[^/]+\.json$/;

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** A path as messages show it: relative to the working directory when under it, else absolute. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
}

/** Files at the folder's root that are its settings, not personas. */
const SETTINGS_FILES = new Set([SETTINGS_FILE, LEGACY_LINT_FILE]);

export interface WalkOptions {
  /** Walk dot folders too (but .git and node_modules): `import` reads tools' folders (.claude/agents…). */
  dotFolders?: boolean;
  /** Glob patterns relative to the folder: only matching files are read (default: the folder's settings' `include`). */
  include?: readonly string[];
  /** Glob patterns relative to the folder: matching files are left out (default: the folder's settings' `exclude`). */
  exclude?: readonly string[];
}

/** Whether a path is kept by the include and exclude patterns (none given: every path). */
function globFilter(include: readonly string[] = [], exclude: readonly string[] = []): (path: string) => boolean {
  const options = { dot: true };
  const included = include.length ? picomatch([...include], options) : () => true;
  const excluded = exclude.length ? picomatch([...exclude], options) : () => false;
  return (path) => included(path) && !excluded(path);
}

/**
 * Every file below `dir`, sorted so reports are stable: read, or left out
 * with its kind (documentation, dot files, excluded by the settings). The
 * settings files at the root are no source at all. A symlink (to a file or a
 * folder) that resolves outside `dir` is refused unread, so nothing outside
 * the persona folder reaches the site.
 */
export function readPersonaSources(dir: string, cwd = process.cwd(), options: WalkOptions = {}): PersonaSource[] {
  if (!existsSync(dir)) throw new Error(`The persona folder ${dir} does not exist (set PERSONAS_DIR to another folder)`);
  const root = realpathSync(dir);
  const rootShown = shownPath(root, cwd) || '.';
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  // A folder named after a language the folder's settings list holds translations, however the files are checked.
  const { settings } = readCatalogSettings(dir);
  const languages = settings.languages ?? [];
  const kept = globFilter(options.include ?? settings.include, options.exclude ?? settings.exclude);
  const projectFile = projectFileFilter(dir, settings);
  // A site built inside the collection (dist/ when the collection is the project's root) is output, not personas.
  const builtSites = names.filter((name) => name.endsWith(BUILT_SITE_MARK)).map((name) => name.slice(0, -BUILT_SITE_MARK.length + 1));
  return names.flatMap((name): PersonaSource[] => {
    const parts = name.split(sep);
    if (parts.some((part) => NEVER_READ.has(part))) return [];
    const path = join(dir, name);
    const relativePath = parts.join('/');
    if (parts.length === 1 && SETTINGS_FILES.has(name)) return [];
    const folder = parts.length > 1 ? parts[0] : undefined;
    const source: PersonaSource = { file: shownPath(path, cwd), relative: relativePath, root: rootShown, ...(folder && languages.includes(folder) && { lang: folder }) };
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return [{ ...source, refused: 'is a symlink to nothing' }];
    }
    const link = lstatSync(path).isSymbolicLink();
    if (!inside(root, target)) {
      // Files reached through a linked folder are covered by the report on the folder's link.
      return link ? [{ ...source, refused: `is a symlink to ${shownPath(target, cwd)}, outside the persona folder; nothing outside it is read` }] : [];
    }
    const isFolder = statSync(target).isDirectory();
    // Linked folders inside are read where they really are, once; folders are walked, unless named like a persona file.
    if ((link && isFolder) || (isFolder && !PERSONA_EXTENSIONS.test(name))) return [];
    if (!link && target !== join(root, name)) return [];
    if (!kept(relativePath)) return [{ ...source, leftOut: 'excluded by settings' }];
    if (projectFile(parts) || builtSites.some((site) => name.startsWith(site))) return [{ ...source, leftOut: 'project files' }];
    const hidden = parts.some((part) => part.startsWith('.') && part !== '.roomodes');
    if (hidden && !options.dotFolders) return [LAYOUT_MANIFEST.test(relativePath) ? { ...readSource(path, source), leftOut: 'in dot folders' } : { ...source, leftOut: 'in dot folders' }];
    if (isDocumentationName(parts.at(-1)!)) {
      const read = readSource(path, source);
      return [read.bytes && hasPersonaFrontmatter(read.bytes.toString('utf8')) ? read : { ...source, leftOut: 'documentation' }];
    }
    if (!PERSONA_EXTENSIONS.test(name)) return [{ ...source, leftOut: 'other file types' }];
    return [readSource(path, source)];
  });
}

/** The file every built catalog has, below its output folder. */
const BUILT_SITE_MARK = `${sep}api${sep}personas.json`;

/** Files of a project's tooling, wherever a collection keeps them: a catalog built without a fork has its package.json beside its personas. */
const PROJECT_FILES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'bun.lock', 'bun.lockb', 'tsconfig.json', 'netlify.toml', 'wrangler.toml', 'wrangler.jsonc', 'vercel.json']);

/** Files that belong to the project and its site rather than being personas: tooling files, and the logo and pages/ beside the settings. */
function projectFileFilter(dir: string, settings: CatalogSettings): (parts: readonly string[]) => boolean {
  const sitePages = hasSitePages(dir);
  return (parts) =>
    PROJECT_FILES.has(parts.at(-1)!) || (sitePages && ((parts.length > 1 && parts[0] === PAGES_FOLDER) || (parts.length === 1 && parts[0] === settings.logo)));
}

/** Reads one file into a source, refusing files over the size limit unread. */
export function readSource(path: string, source: PersonaSource): PersonaSource {
  try {
    const { size } = statSync(path);
    const csv = path.endsWith('.csv');
    if (size > (csv ? CSV_SIZE_LIMIT : FILE_SIZE_LIMIT)) {
      return { ...source, refused: `is ${(size / 1024 / 1024).toFixed(1)} MB; a ${csv ? 'CSV file must be under 64 MB' : 'persona file must be under 1 MB'} (not read)` };
    }
    return { ...source, bytes: readFileSync(path) };
  } catch (error) {
    return { ...source, readError: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
