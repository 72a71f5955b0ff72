import type { Persona } from '../persona/persona.ts';

/**
 * The shapes every format module shares. A format module (one per file format,
 * in this folder) holds the documentation URL of its format, its writer (an
 * export target) when personas can be written in it, and its reader when
 * personas can be read from it, side by side.
 */

/** What an export needs of a persona: the published fields, any extra fields a tool uses, and the prompt as written. */
export type ExportPersona = Pick<Persona, 'id' | 'name' | 'emoji' | 'category' | 'description' | 'tags' | 'worker_affinity' | 'license' | 'author' | 'source'> & {
  prompt: string;
  /** Fields a source kept beyond ours (tools, model, color…), written back by the tools that use them. */
  extra?: Record<string, unknown>;
};

export interface ExportFile {
  path: string;
  content: string;
  mediaType: string;
}

export const EXPORT_GROUPS = {
  'coding-agents': 'Coding agents',
  'ide-assistants': 'IDE assistants',
  'api-formats': 'API formats',
} as const;

export type ExportGroup = keyof typeof EXPORT_GROUPS;

interface TargetInfo {
  id: string;
  label: string;
  group: ExportGroup;
  /** The tool's own documentation of the format, when there is a tool. */
  docs?: string;
  /** Where the tool also looks for a copy that applies to every project, when it has such a place. */
  userWide?: string;
  /** What to do once the file is in place, when the tool does not pick it up by itself. */
  hint?: string;
  /** Where the files go, relative to a project root; `<id>` stands for the persona's id (or `fileId` of it). */
  paths: readonly string[];
  /** The name a tool that restricts names gives a persona's files, when it is not the id itself. */
  fileId?(id: string): string;
}

/** A target with files of its own for each persona: `render` gives their contents, in the order of `paths`. */
export interface PerPersonaTarget extends TargetInfo {
  render(persona: ExportPersona): string[];
}

/**
 * One persona's part of a shared file, found again without guessing: where it
 * starts and ends in the file, its text with the file's indentation of it
 * (`indent` spaces on every line after the first) taken off, so a section
 * compares and merges the same wherever a file nests it.
 */
export interface FileSection {
  start: number;
  end: number;
  indent: number;
  text: string;
}

/**
 * A target whose one file holds every persona of a set. `merge` adds the
 * personas to the file's current text (none for a new file), replacing their
 * earlier sections and keeping everything else; `section` finds one persona's
 * section again (its delimiters are the file's own: marker comments, a mode's slug).
 */
export interface SharedFileTarget extends TargetInfo {
  merge(existing: string | undefined, personas: readonly ExportPersona[]): string;
  section(text: string, id: string): FileSection | undefined;
}

export type ExportTarget = PerPersonaTarget | SharedFileTarget;

/**
 * A persona as a source format holds it, before the derivation rules
 * (derive.ts) fill what the format lacks. Fields the format names like ours
 * are mapped to ours; everything else is kept in `extra`.
 */
export interface SourcePersona {
  id?: unknown;
  name?: unknown;
  emoji?: unknown;
  category?: unknown;
  description?: unknown;
  tags?: unknown;
  worker_affinity?: unknown;
  /** The prompt exactly as the format defines it: a body after frontmatter, an unescaped string. */
  prompt: string;
  extra: Record<string, unknown>;
  /** Where in a file that holds many: "row 3", "section code-reviewer". */
  where?: string;
  /** Its frontmatter was not valid YAML and was read line by line. */
  looseFrontmatter?: true;
  /** A translation: its language, and the file beside it that holds the original (LobeHub's `<id>.<lang>.json` beside `<id>.json`). */
  translationOf?: { lang: string; original: string };
}

/** A file being read: its path relative to the folder read ('/'-separated), its text, and its folder's other files. */
export interface SourceFile {
  path: string;
  text: string;
  /** Another file's text, by a path relative to this file's folder; undefined when there is none. */
  sibling(name: string): string | undefined;
}

export interface FormatReader {
  /** The format's id for `import --from`: an export target's id, or a source collection's. */
  id: string;
  label: string;
  docs?: string;
  /** Whether the file is in this format; readers are asked in registry order. */
  detect(file: SourceFile): boolean;
  /** The personas the file holds (empty when it holds none), and the siblings it read as part of them. */
  read(file: SourceFile): { personas: SourcePersona[]; uses?: string[] };
}

/** A collection folder as a layout sees it: every file's path ('/'-separated, dot files and left-out files included) and the text of those read. */
export interface CollectionFolder {
  paths: readonly string[];
  /** A file's text; undefined for files not read (left out, too large, not UTF-8). */
  text(path: string): string | undefined;
}

/** A persona a layout found, with the file that holds its prompt. */
export interface LayoutPersona {
  path: string;
  persona: SourcePersona;
}

export interface LayoutRead {
  /** The personas; a layout names their categories, so folder names are not taken for categories. */
  personas: LayoutPersona[];
  /** Translations; each `translationOf.original` is the path of its original's file. */
  translations: LayoutPersona[];
  /** Other files read as parts of those personas (LobeHub's `src/<id>.json` beside `locales/<id>/`). */
  uses: string[];
  /** Files that should hold a persona in this layout and do not. */
  problems: Array<{ path: string; message: string }>;
}

/**
 * A whole collection as its owners publish it (a repository of agents in
 * several places, a folder of pattern folders, a plugin marketplace): told
 * from the folder's paths, it says which files are personas and which are
 * not; the others are counted as "not a persona in this layout".
 */
export interface CollectionLayout {
  id: string;
  label: string;
  /** Where the layout is documented by its owners. */
  docs: string;
  detect(folder: CollectionFolder): boolean;
  read(folder: CollectionFolder): LayoutRead;
  /** The languages its translations are in, told from the paths alone (the site's languages when the settings name none). */
  languages?(paths: readonly string[]): string[];
}
