import { basename, posix, sep } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { derivePersona, uniqueIds, type DerivationKind, type DerivationSettings, type DerivedPersona } from '../formats/derive.ts';
import { FILE_SIZE_LIMIT, readPersonaSources, shownPath, type LeftOutKind, type PersonaSource } from '../formats/collectionFiles.ts';
import type { CollectionFolder, FormatReader, SourceFile, SourcePersona } from '../formats/format.ts';
import { detectLayout, layoutLanguages } from '../formats/layouts.ts';
import { personaFileText } from '../formats/personaAtlas.ts';
import { detectFormat, OWN_FORMAT, readerById } from '../formats/readers.ts';
import { DEFAULT_LINT_SETTINGS, readCatalogSettings, type LintSettings } from '../site/catalogSettings.ts';
import { describeHidden, findHiddenCharacters, parseCodePoint, textPosition } from './hiddenCharacters.ts';
import { nearDuplicates, NEAR_DUPLICATE_THRESHOLD } from './nearDuplicates.ts';
import { DESCRIPTION_LIMIT, personaSchema, PROVENANCE_FIELDS, quoted, type Persona } from './persona.ts';
import { lintPrompt } from './promptLint.ts';
import { LANGUAGE_PATTERN } from './slug.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
  severity: Severity;
}

interface Position {
  line: number;
  column: number;
}

/** Frontmatter whose YAML aliases expand past this many values is refused (a "billion laughs" file). */
const EXPANDED_VALUE_LIMIT = 10_000;

export interface CheckedPersona {
  file: string;
  /** A translation's language (its folder); none for the personas of the default language. */
  lang?: string;
  /** The persona's file in our format: the file itself, or what a persona read from another format is written as. */
  text: string;
  /** The format it was read from: our own (`persona-atlas`) or a reader's id. */
  format: string;
  /** Where in a file holding many: "row 3". */
  where?: string;
  /** What was derived rather than read (empty for our own format). */
  derived: DerivationKind[];
  data: Persona;
  /** The prompt: everything after the frontmatter's closing line, untouched. */
  body: string;
  idPosition: Position;
}

export interface CheckResult {
  personas: CheckedPersona[];
  problems: Problem[];
  /** How many files were read, and how many of each kind were left out unread: together, every file of the folder. */
  files: { read: number; leftOut: Record<LeftOutKind, number> };
  /** What was derived or left out, one line per kind (not per file). */
  notes: string[];
  /** Files that hold no persona, with the reason: documentation, rows without a prompt (other kinds left out are only counted, in `files`). */
  skipped: Array<{ file: string; reason: string }>;
  /**
   * Translations in the catalog's languages: `<lang>/<id>.md` files, each with
   * its original's fields where it gives none, and those another format or
   * layout keeps (LobeHub's `locales/<id>/index.<lang>.json`).
   */
  translations: CheckedPersona[];
  /**
   * Every translation another format or layout keeps, in any language, as
   * the `<lang>/<id>.md` files of our format that `import` writes.
   */
  foreignTranslations: CheckedPersona[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many values a parsed YAML document holds once its aliases are expanded, counting up to `limit`. */
function expandedSize(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const next = stack.pop();
    count += 1;
    if (next && typeof next === 'object') stack.push(...Object.values(next));
  }
  return count;
}

/**
 * Where each frontmatter key (and each item of a list key) sits in the file,
 * keyed as `tags` or `tags.1`. Lines are 1-based and count the opening `---`.
 */
function keyPositions(rawFrontmatter: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  let currentKey = '';
  let itemIndex = 0;
  rawFrontmatter.split('\n').forEach((text, index) => {
    const line = index + 1;
    const key = /^([^\s#:-][^:]*?)\s*:\s*/.exec(text);
    if (key) {
      currentKey = key[1];
      itemIndex = 0;
      positions.set(currentKey, { line, column: key[0].length + 1 });
      return;
    }
    const item = /^(\s*-\s+)/.exec(text);
    if (item && currentKey) {
      positions.set(`${currentKey}.${itemIndex++}`, { line, column: item[1].length + 1 });
    }
  });
  return positions;
}

function fieldName(path: PropertyKey[]): string {
  return path.length ? String(path[0]) : 'frontmatter';
}

export interface CheckOptions {
  /** The folder's lint settings (persona-atlas.json or persona-lint.json); the defaults otherwise. */
  lint?: LintSettings;
  /** Defaults for personas read from other formats (persona-atlas.json). */
  derivation?: DerivationSettings;
  /** Read every file in this format instead of detecting each file's (`import --from`). */
  from?: string;
  /** The catalog's languages, the default first: a folder named after another holds its translations. */
  languages?: readonly string[];
  /** Counts tokens for the size rule; without it the rule is skipped. */
  countTokens?: (text: string) => number;
  /** Compare every body with every other for near-duplicates (seconds at 10,000 personas; `npm run check` does). */
  nearDuplicates?: boolean;
  /** Hidden characters the catalog allows, by persona id (persona-atlas.json "allowHiddenCharacters"): code points as "U+200B". */
  allowHidden?: Readonly<Record<string, readonly string[]>>;
}

/** The code points a catalog allows one persona to carry unseen. */
function allowedFor(options: CheckOptions, id: unknown): Set<number> {
  const names = typeof id === 'string' ? (options.allowHidden?.[id] ?? []) : [];
  return new Set(names.flatMap((name) => parseCodePoint(name) ?? []));
}

/** Line and column of a character offset in a text. */
/**
 * Problems for the hidden characters in what a persona carries. `texts` are
 * its values (or its whole file); each finding is placed in `file` where
 * its run occurs there (a JSON file may spell it as escapes: then line 1).
 */
function hiddenProblems(file: string, fileText: string | undefined, texts: readonly string[], allowed: ReadonlySet<number>, where?: string): Problem[] {
  const seen = new Set<string>();
  return texts.flatMap((text) =>
    findHiddenCharacters(text, allowed).flatMap((finding): Problem[] => {
      const run = text.slice(finding.index, finding.index + finding.length);
      const offset = text === fileText ? finding.index : (fileText?.indexOf(run) ?? -1);
      const key = `${offset}:${run}`;
      if (offset >= 0 && seen.has(key)) return [];
      seen.add(key);
      const at = offset >= 0 && fileText !== undefined ? textPosition(fileText, offset) : { line: 1, column: 1 };
      return [{ file, ...at, field: 'text', message: `${where ? `${where}: ` : ''}${describeHidden(finding)}`, severity: finding.severity }];
    }),
  );
}

/** Line and column in the file of a character offset in the body. */
function bodyPosition(body: string, index: number, bodyLine: number): Position {
  const before = body.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: bodyLine + before.split('\n').length - 1, column: index - lineStart + 1 };
}

/** Parses and validates one file on its own (duplicates need the whole folder). */
/** For a translation: the fields it takes from its original, or why it has none. */
type Inherit = (data: Record<string, unknown>) => { data: Record<string, unknown> } | { problem: string };

function checkPersonaSource(source: PersonaSource, options: CheckOptions, decoded?: string, inherit?: Inherit): { persona?: CheckedPersona; problems: Problem[] } {
  const { file } = source;
  const problem = (field: string, message: string, at: Position = { line: 1, column: 1 }, severity: Severity = 'error'): Problem => ({
    file,
    ...at,
    field,
    message,
    severity,
  });

  if (source.refused) return { problems: [problem('file', source.refused)] };
  if (!source.bytes) return { problems: [problem('file', `cannot be read (${source.readError})`)] };
  let text: string;
  try {
    text = decoded ?? utf8.decode(source.bytes);
  } catch {
    return { problems: [problem('file', 'is not valid UTF-8 text')] };
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would hold every file in memory.
    parsed = matter(text, {});
  } catch (error) {
    const yamlError = error as { reason?: string; mark?: { line: number; column: number }; message: string };
    const at = yamlError.mark ? { line: yamlError.mark.line + 1, column: yamlError.mark.column + 1 } : undefined;
    return { problems: [problem('frontmatter', `invalid YAML: ${yamlError.reason ?? yamlError.message}`, at)] };
  }
  if (!parsed.matter) {
    return { problems: [problem('frontmatter', FRONTMATTER_MISSING)] };
  }
  if (expandedSize(parsed.data, EXPANDED_VALUE_LIMIT) > EXPANDED_VALUE_LIMIT) {
    return { problems: [problem('frontmatter', `its YAML aliases expand to more than ${EXPANDED_VALUE_LIMIT.toLocaleString('en')} values; persona fields need no aliases`)] };
  }

  const positions = keyPositions(parsed.matter);
  const positionOf = (path: PropertyKey[]) =>
    positions.get(path.slice(0, 2).join('.')) ?? positions.get(fieldName(path));
  const problems: Problem[] = [];

  let fields = parsed.data;
  if (inherit) {
    const inherited = inherit(fields);
    if ('problem' in inherited) return { problems: [problem('id', inherited.problem, positionOf(['id']))] };
    fields = inherited.data;
  }
  const data = personaSchema.safeParse(fields);
  if (!data.success) {
    for (const issue of data.error.issues as z.core.$ZodIssue[]) {
      problems.push(problem(fieldName(issue.path), issue.message, positionOf(issue.path)));
    }
  }

  problems.push(...hiddenProblems(file, text, [text], allowedFor(options, fields.id)));

  // The raw frontmatter starts on the opening `---` line; the closing one follows it.
  const bodyLine = parsed.matter.split('\n').length + 2;
  if (parsed.content.trim() === '') {
    problems.push(problem('body', 'is empty: write the prompt below the frontmatter', { line: bodyLine, column: 1 }));
  }

  if (data.success) {
    const persona = data.data;
    const expectedName = `${persona.id}.md`;
    if (basename(file) !== expectedName) {
      problems.push(problem('id', `warning: ${quoted(persona.id)} does not match the file name (expected ${expectedName})`, positionOf(['id']), 'warning'));
    }
    if (persona.description.length > DESCRIPTION_LIMIT) {
      problems.push(problem('description', `warning: is ${persona.description.length} characters; keep it to one sentence under ${DESCRIPTION_LIMIT}`, positionOf(['description']), 'warning'));
    }
    if (persona.description.includes('\n')) {
      problems.push(problem('description', 'warning: spans several lines; keep it to one sentence', positionOf(['description']), 'warning'));
    }
    if (parsed.content.trim() !== '') {
      for (const finding of lintPrompt(parsed.content, { config: options.lint ?? DEFAULT_LINT_SETTINGS, countTokens: options.countTokens })) {
        problems.push(problem('body', finding.message, bodyPosition(parsed.content, finding.index, bodyLine), 'warning'));
      }
    }
  }

  const persona = data.success && !problems.some((p) => p.severity === 'error')
    ? { file, text, format: OWN_FORMAT, derived: [], data: data.data, body: parsed.content, idPosition: positionOf(['id']) ?? { line: 1, column: 1 } }
    : undefined;
  return { persona, problems };
}

/** A file decoded, with what reading it as another format gave. */
interface Decoded {
  source: PersonaSource;
  path: string;
  text?: string;
  reader?: FormatReader;
}

/** Reads each file not in our own format through its reader; returns the personas, problems, skips and the files readers used as parts of others. */
function readOtherFormats(decoded: Decoded[], options: CheckOptions) {
  // Files by their shown path, which is unique even across several folders read at once.
  const texts = new Map(decoded.flatMap((d) => (d.text === undefined ? [] : [[d.source.file.split(sep).join('/'), d.text] as const])));
  const used = new Set<string>();
  const personas: Candidate[] = [];
  const translations: Array<{ source: PersonaSource; translation: SourcePersona; format: string; original: string }> = [];
  const problems: Problem[] = [];
  const skipped: CheckResult['skipped'] = [];
  for (const entry of decoded) {
    const shown = entry.source.file.split(sep).join('/');
    if (entry.text === undefined || entry.source.leftOut || used.has(shown)) continue;
    // A neighbouring file, only inside the folder read.
    const siblingPath = (name: string) => {
      const inner = posix.normalize(posix.join(posix.dirname(entry.path), name));
      return inner.startsWith('../') || inner === '..' ? undefined : posix.normalize(posix.join(posix.dirname(shown), name));
    };
    const sibling = (name: string) => {
      const path = siblingPath(name);
      return path === undefined ? undefined : texts.get(path);
    };
    const file: SourceFile = { path: entry.path, text: entry.text, sibling };
    entry.reader = options.from ? readerById(options.from) : detectFormat(file);
    if (!entry.reader || entry.reader.id === OWN_FORMAT) continue;
    const error = (message: string, field = 'file') => problems.push({ file: entry.source.file, line: 1, column: 1, field, message, severity: 'error' });
    let read;
    try {
      read = entry.reader.read(file);
    } catch (failure) {
      error(`is not a valid ${entry.reader.label} (${(failure as Error).message.split('\n')[0]})`);
      continue;
    }
    for (const name of read.uses ?? []) used.add(siblingPath(name)!);
    if (read.personas.length === 0) {
      if (options.from) skipped.push({ file: entry.source.file, reason: `holds no ${entry.reader.label}` });
      else error(`holds no persona (read as ${entry.reader.label})`);
      continue;
    }
    for (const source of read.personas) {
      if (source.translationOf) {
        translations.push({ source: entry.source, translation: source, format: entry.reader.id, original: siblingPath(source.translationOf.original)! });
        continue;
      }
      personas.push({ source: entry.source, persona: source, path: entry.path, format: entry.reader.id });
    }
  }
  return { personas, problems, skipped, used, translations };
}

/** A persona read from another format or a layout, before derivation: the path is what the derivation rules see (a layout's has no folder). */
interface Candidate {
  source: PersonaSource;
  persona: SourcePersona;
  path: string;
  format: string;
}

/**
 * The personas of other formats and layouts with our fields derived. A row
 * or entry without a prompt is no persona (collections hold such rows): left
 * out, and said so; a prompt over 1 MB is an error naming its file.
 */
function derivedPersonas(candidates: Candidate[], options: CheckOptions, problems: Problem[], skipped: CheckResult['skipped']) {
  const personas: Array<{ source: PersonaSource; derived: DerivedPersona; format: string; where?: string }> = [];
  let empty = 0;
  for (const { source, persona, path, format } of candidates) {
    const at = persona.where ? `${persona.where}: ` : '';
    if (persona.prompt.trim() === '') {
      empty += 1;
      skipped.push({ file: source.file, reason: `${at}no prompt` });
    } else if (Buffer.byteLength(persona.prompt) > FILE_SIZE_LIMIT) {
      problems.push({ file: source.file, line: 1, column: 1, field: 'body', message: `${at}is over 1 MB; a prompt must be under 1 MB`, severity: 'error' });
    } else {
      personas.push({ source, derived: derivePersona(persona, path, options.derivation), format, where: persona.where });
    }
  }
  return { personas, empty };
}

type OtherFormats = ReturnType<typeof readOtherFormats>;

/**
 * Reads each folder laid out as a known collection (a LobeHub repository,
 * Fabric's patterns, a plugin marketplace) through its layout, in the shapes
 * the per-file readers give; returns those folders' files, which no reader
 * reads then, and the ones the layout holds no persona in.
 */
function readLayouts(decoded: Decoded[], options: CheckOptions): { read: Omit<OtherFormats, 'used' | 'skipped'>; claimed: Set<Decoded>; notPersonas: Set<PersonaSource> } {
  const read: Omit<OtherFormats, 'used' | 'skipped'> = { personas: [], translations: [], problems: [] };
  const claimed = new Set<Decoded>();
  const notPersonas = new Set<PersonaSource>();
  const byRoot = new Map<string, Decoded[]>();
  for (const entry of decoded) {
    if (entry.source.root === undefined) continue;
    const entries = byRoot.get(entry.source.root);
    if (entries) entries.push(entry);
    else byRoot.set(entry.source.root, [entry]);
  }
  for (const entries of byRoot.values()) {
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    const folder: CollectionFolder = { paths: [...byPath.keys()], text: (path) => byPath.get(path)?.text };
    const layout = options.from ? undefined : detectLayout(folder);
    if (!layout) continue;
    const found = layout.read(folder);
    const sourceOf = (path: string) => byPath.get(path)!.source;
    const taken = new Set([...found.personas, ...found.translations].map(({ path }) => path).concat(found.uses));
    for (const entry of entries) {
      claimed.add(entry);
      if (!taken.has(entry.path) && !entry.source.leftOut) notPersonas.add(entry.source);
    }
    for (const { path, message } of found.problems) read.problems.push({ file: sourceOf(path).file, line: 1, column: 1, field: 'file', message, severity: 'error' });
    // A layout names categories itself: its folders (plugins/x/agents) are no categories.
    for (const { path, persona } of found.personas) {
      read.personas.push({ source: sourceOf(path), persona, path: posix.basename(path), format: layout.id });
    }
    for (const { path, persona } of found.translations) {
      read.translations.push({ source: sourceOf(path), translation: persona, format: layout.id, original: sourceOf(persona.translationOf!.original).file.split(sep).join('/') });
    }
  }
  return { read, claimed, notPersonas };
}

/** One line per kind of derivation, with how many personas and a first example. */
function derivationNotes(personas: CheckedPersona[], renamed: Array<[string, string]>, translations: CheckedPersona[], empty: number): string[] {
  const byKind = new Map<DerivationKind, CheckedPersona[]>();
  for (const persona of personas) {
    for (const kind of persona.derived) {
      const list = byKind.get(kind);
      if (list) list.push(persona);
      else byKind.set(kind, [persona]);
    }
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const formats = new Map<string, number>();
  for (const persona of personas) formats.set(persona.format, (formats.get(persona.format) ?? 0) + 1);
  const notes = formats.size > 1 || !formats.has(OWN_FORMAT) ? [`read ${[...formats].map(([format, n]) => `${n} ${format}`).join(', ')}`] : [];
  for (const [kind, list] of byKind) {
    const first = list[0];
    notes.push(`${kind}: ${count(list.length, 'persona')} (e.g. ${first.file}${first.where ? ` ${first.where}` : ''} → ${first.data.id})`);
  }
  if (renamed.length) notes.push(`ids made unique with a suffix: ${renamed.length} (${renamed.slice(0, 3).map(([from, to]) => `${from} → ${to}`).join(', ')}${renamed.length > 3 ? ', …' : ''})`);
  if (translations.length) {
    const languages = [...new Set(translations.map((translation) => translation.lang))].sort().join(', ');
    notes.push(`translations in other formats left out: ${translations.length} (${languages}; persona-atlas import writes them to <lang>/<id>.md)`);
  }
  if (empty) notes.push(`left out for having no prompt: ${empty} (import lists them)`);
  return notes.map((note) => `note: ${note}`);
}

/** Every text a persona carries, for the hidden-character rules: its fields (extra ones too) and its prompt. */
const carriedTexts = (data: Record<string, unknown>, prompt: string) => [JSON.stringify(data), prompt];

/** Why each kind of file was left out, as `check --verbose` and `import` list them. */
const LEFT_OUT_REASONS: Record<LeftOutKind, string> = {
  documentation: 'documentation, not a persona',
  'not a persona in this layout': 'not a persona in this layout',
  'excluded by settings': 'excluded by the settings (include/exclude)',
  'in dot folders': 'in a dot folder',
  'other file types': 'of no persona file type (or data no reader knows)',
  'project files': "the project's own files",
};

/** Parses data files to tell data that no reader knows (a name list, a config) from a broken file. */
const DATA_PARSERS: Array<[RegExp, (text: string) => unknown]> = [
  [/\.json$/, JSON.parse],
  [/\.ya?ml$/, (text) => parseYaml(text)],
  [/\.csv$/, (text) => text],
];

/**
 * A JSON, YAML or CSV file that parses but that no reader knows (a JSON name
 * list, a site config): data, not a persona, left out as another file type.
 * One that does not parse stays an error: it may be a persona gone wrong.
 */
function isDataNoReaderKnows(entry: Decoded): boolean {
  const parser = DATA_PARSERS.find(([pattern]) => pattern.test(entry.path))?.[1];
  if (!parser || entry.text === undefined) return false;
  try {
    parser(entry.text);
    return true;
  } catch {
    return false;
  }
}

/** A file no reader took: checked as our own format when it could be one (markdown, or claimed by our detector), else an error. */
function checkUnread(entry: Decoded, options: CheckOptions): { persona?: CheckedPersona; problems: Problem[] } {
  if (entry.reader || /\.(md|markdown)$/.test(entry.path) || entry.text === undefined) return checkPersonaSource(entry.source, options, entry.text);
  return { problems: [{ file: entry.source.file, line: 1, column: 1, field: 'file', message: 'is in no format a reader knows (see the documentation: Import a collection)', severity: 'error' }] };
}

const FRONTMATTER_MISSING = 'is missing: the file must start with a --- block of fields';

/**
 * Markdown files without frontmatter in a folder that holds no persona at any
 * depth (strategy/, examples/): documentation, left out. Beside persona files
 * (in their folder or one above, or at the top of the folder read) such a
 * file stays an error, since that is where a persona whose frontmatter was
 * lost would vanish.
 */
function documentsBesideNoPersona(
  checked: Array<{ entry: Decoded; result: { problems: Problem[] } }>,
  all: Decoded[],
  notPersonas: ReadonlySet<PersonaSource>,
): Set<PersonaSource> {
  // Paths keyed by the folder read, so several folders read at once stay apart; a folder's key ends in '/'.
  const pathOf = (source: PersonaSource) => `${source.root ?? ''}\0${source.relative ?? basename(source.file)}`;
  const folderOf = (source: PersonaSource) => pathOf(source).replace(/[^/\0]*$/, '');
  const withoutFrontmatter = new Set(
    checked.filter(({ entry, result }) => /\.(md|markdown)$/.test(entry.path) && result.problems.some((p) => p.field === 'frontmatter' && p.message === FRONTMATTER_MISSING)).map(({ entry }) => entry.source),
  );
  const personaFiles = all.map(({ source }) => source).filter((source) => !source.leftOut && !notPersonas.has(source) && !withoutFrontmatter.has(source)).map(pathOf);
  const holdsPersona = (folder: string) => personaFiles.some((file) => file.startsWith(folder));
  // The folder read is where personas go: a file at its top is never taken for documentation by this rule.
  const atTop = (source: PersonaSource) => !(source.relative ?? basename(source.file)).includes('/');
  return new Set([...withoutFrontmatter].filter((source) => !atTop(source) && !holdsPersona(folderOf(source))));
}

/** Checks a whole folder's files, including rules across files (unique ids, near-duplicates). */
export function checkPersonas(allSources: PersonaSource[], options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const languageOf = (source: PersonaSource) => {
    if (!options.languages) return source.lang;
    const folder = source.relative?.split('/')[0];
    return source.relative?.includes('/') && options.languages.includes(folder!) ? folder : undefined;
  };
  // In a catalog of several languages, a folder named like a language it does not list is a mistake, not a category.
  const unlistedLanguage = (source: PersonaSource) => {
    const folder = source.relative?.includes('/') ? source.relative.split('/')[0] : undefined;
    return options.languages && !source.leftOut && folder && !options.languages.includes(folder) && looksLikeLanguage(folder) ? folder : undefined;
  };
  const decodedAll: Decoded[] = allSources.map((source) => {
    const path = source.relative ?? basename(source.file);
    if (!source.bytes) return { source, path };
    try {
      return { source, path, text: utf8.decode(source.bytes) };
    } catch {
      return { source, path };
    }
  });
  // A folder laid out as a known collection is read as a whole; language folders are a rule of the other folders.
  const layouts = readLayouts(decodedAll, options);
  const unclaimed = decodedAll.filter((entry) => !layouts.claimed.has(entry));
  for (const { source } of unclaimed) {
    const folder = unlistedLanguage(source);
    if (folder) {
      problems.push({ file: source.file, line: 1, column: 1, field: 'file', message: `${folder}/ is named like a language that persona-atlas.json "languages" does not list (${options.languages!.join(', ')}); add it or rename the folder`, severity: 'error' });
    }
  }
  const translationSources = unclaimed.filter(({ source }) => languageOf(source) && !source.leftOut).map(({ source }) => source);
  const isTranslation = new Set(translationSources);
  const decoded = unclaimed.filter(({ source }) => !isTranslation.has(source) && !unlistedLanguage(source));
  const other = readOtherFormats(decoded, options);
  const derivedFrom = derivedPersonas([...other.personas, ...layouts.read.personas], options, problems, other.skipped);
  other.translations.push(...layouts.read.translations);
  problems.push(...layouts.read.problems, ...other.problems);

  // Our own format, and whatever no reader took that looks like it (a .md file): checked strictly, as always.
  const unread = decoded.filter((entry) => !entry.source.leftOut && !other.used.has(entry.source.file.split(sep).join('/')) && (!entry.reader || entry.reader.id === OWN_FORMAT));
  const otherData = new Set(unread.filter((entry) => !entry.reader && isDataNoReaderKnows(entry)).map((entry) => entry.source));
  const checked = unread.filter((entry) => !otherData.has(entry.source)).map((entry) => ({ entry, result: checkUnread(entry, options) }));
  const documents = documentsBesideNoPersona(checked, decodedAll, new Set([...otherData, ...layouts.notPersonas]));
  const results = checked.filter(({ entry }) => !documents.has(entry.source)).map(({ result }) => result);
  const own = results.flatMap((result) => (result.persona ? [result.persona] : []));
  problems.push(...results.flatMap((result) => result.problems));

  // A loop rather than Map.groupBy: the command line runs this on Node 20, which lacks it.
  const filesById = new Map<string, CheckedPersona[]>();
  for (const persona of own) filesById.set(persona.data.id, [...(filesById.get(persona.data.id) ?? []), persona]);
  for (const [id, holders] of filesById) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((other) => other !== holder).map((other) => other.file);
      problems.push({
        file: holder.file,
        ...holder.idPosition,
        field: 'id',
        message: `${quoted(id)} is also the id of ${others.join(', ')}`,
        severity: 'error',
      });
    }
  }

  // Personas read from other formats take ids no persona of our own format has; repeats get a suffix.
  const renamed = uniqueIds(derivedFrom.personas.map((p) => p.derived), new Set(filesById.keys()));
  const derived: CheckedPersona[] = [];
  const fileTexts = new Map(decodedAll.map((entry) => [entry.source.file, entry.text]));
  for (const { source, derived: persona, format, where } of derivedFrom.personas) {
    const data = personaSchema.safeParse(persona.data);
    if (!data.success) {
      for (const issue of data.error.issues as z.core.$ZodIssue[]) {
        problems.push({ file: source.file, line: 1, column: 1, field: fieldName(issue.path), message: `${where ? `${where}: ` : ''}${issue.message}`, severity: 'error' });
      }
      continue;
    }
    const hidden = hiddenProblems(source.file, fileTexts.get(source.file), carriedTexts(data.data, persona.prompt), allowedFor(options, data.data.id), where);
    problems.push(...hidden);
    if (hidden.some((problem) => problem.severity === 'error')) continue;
    for (const finding of lintPrompt(persona.prompt, { config: { recommendedSections: false }, countTokens: options.countTokens })) {
      problems.push({ file: source.file, line: 1, column: 1, field: 'body', message: `${where ? `${where}: ` : ''}${finding.message}`, severity: 'warning' });
    }
    const text = personaFileText(persona.data, persona.prompt);
    derived.push({ file: source.file, text, format, where, derived: persona.derived, data: data.data, body: persona.prompt, idPosition: { line: 1, column: 1 } });
  }
  const personas = [...own, ...derived];
  const foreignTranslations = translationsOfOtherFormats(other.translations, derived, problems).filter((translation) => {
    const hidden = hiddenProblems(translation.file, fileTexts.get(translation.file), carriedTexts(translation.data, translation.body), allowedFor(options, translation.data.id));
    problems.push(...hidden);
    return !hidden.some((problem) => problem.severity === 'error');
  });
  // Another format's translations join the catalog in the languages it lists (the layout's own, when the settings name none).
  const [defaultLanguage, ...otherLanguages] = options.languages ?? [];
  const listed = foreignTranslations.filter((translation) => otherLanguages.includes(translation.lang!));
  const translations = [...checkTranslations(translationSources, languageOf, personas, options, problems), ...listed];

  if (options.nearDuplicates) {
    for (const { first, second, similarity } of nearDuplicates(personas.map((persona) => persona.body))) {
      const [a, b] = [personas[first], personas[second]];
      problems.push({
        file: a.file,
        line: 1,
        column: 1,
        field: 'body',
        message: `warning: ${a.where ? `${a.where} ` : ''}is mostly the same text as ${b.file}${b.where ? ` ${b.where}` : ''} (${Math.round(similarity * 100)}% of 5-word runs shared; reported from ${Math.round(NEAR_DUPLICATE_THRESHOLD * 100)}%)`,
        severity: 'warning',
      });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  // A file of our own format with an error holds no persona; a collection file's bad rows were left out above.
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const leftOutKind = (source: PersonaSource): LeftOutKind | undefined =>
    source.leftOut ?? (layouts.notPersonas.has(source) ? 'not a persona in this layout' : otherData.has(source) ? 'other file types' : documents.has(source) ? 'documentation' : undefined);
  const leftOut: Record<LeftOutKind, number> = { documentation: 0, 'not a persona in this layout': 0, 'excluded by settings': 0, 'in dot folders': 0, 'other file types': 0, 'project files': 0 };
  for (const source of allSources) {
    const kind = leftOutKind(source);
    if (kind) leftOut[kind] += 1;
  }
  const unlisted = foreignTranslations.filter((translation) => translation.lang !== defaultLanguage && !listed.includes(translation));
  return {
    personas: personas.filter((persona) => persona.format !== OWN_FORMAT || !failed.has(persona.file)),
    problems,
    files: { read: allSources.filter((source) => !leftOutKind(source)).length, leftOut },
    notes: [...derivationNotes(personas, renamed, unlisted, derivedFrom.empty), ...translationNotes(personas, translations, options.languages)],
    skipped: [...allSources.flatMap((source) => {
      const kind = leftOutKind(source);
      return kind ? [{ file: source.file, reason: LEFT_OUT_REASONS[kind] }] : [];
    }), ...other.skipped],
    translations: translations.filter((translation) => !failed.has(translation.file)),
    foreignTranslations,
  };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A folder named like a language (de, ja, pt-BR) rather than a category. */
function looksLikeLanguage(folder: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3})?$/.test(folder)) return false;
  try {
    return languageNames.of(folder) !== undefined;
  } catch {
    return false;
  }
}

/** Fields a translation takes from its original unless it gives them: what is not text. */
const INHERITED = ['emoji', 'category', 'tags', 'worker_affinity', ...PROVENANCE_FIELDS] as const;

/**
 * Checks the translations: files of our own format in a language folder,
 * each the translation of the original with its id. Its name, description
 * and prompt are its own; the other fields come from the original unless given.
 */
function checkTranslations(
  sources: PersonaSource[],
  languageOf: (source: PersonaSource) => string | undefined,
  originals: CheckedPersona[],
  options: CheckOptions,
  problems: Problem[],
): CheckedPersona[] {
  const byId = new Map(originals.map((persona) => [persona.data.id, persona]));
  const [defaultLanguage] = options.languages ?? [];
  const translations: CheckedPersona[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const lang = languageOf(source)!;
    if (lang === defaultLanguage) {
      problems.push({ file: source.file, line: 1, column: 1, field: 'file', message: `${lang}/ is the default language's folder; its personas are the originals and sit outside language folders`, severity: 'error' });
      continue;
    }
    const inherit: Inherit = (data) => {
      const original = typeof data.id === 'string' ? byId.get(data.id) : undefined;
      if (!original) return { problem: `${quoted(data.id)} is no persona of the default language; a translation needs its original (the same id outside ${lang}/)` };
      return { data: { ...Object.fromEntries(INHERITED.map((key) => [key, original.data[key]])), ...data } };
    };
    // The recommended section names are written in the default language; a translation's headings are its own.
    const result = checkPersonaSource(source, { ...options, lint: { ...(options.lint ?? DEFAULT_LINT_SETTINGS), recommendedSections: false } }, undefined, inherit);
    problems.push(...result.problems);
    if (!result.persona) continue;
    const key = `${lang}/${result.persona.data.id}`;
    if (seen.has(key)) {
      problems.push({ file: source.file, ...result.persona.idPosition, field: 'id', message: `${quoted(result.persona.data.id)} is also translated to ${lang} in ${seen.get(key)}`, severity: 'error' });
      continue;
    }
    seen.set(key, source.file);
    translations.push({ ...result.persona, lang });
  }
  return translations;
}

/**
 * Another format's translations as files of our own format: the id is the
 * original's (as derived), the name, description and prompt the
 * translation's own, the rest inherited. A translation whose original was
 * left out, or whose language is no language code, is a problem naming its file.
 */
function translationsOfOtherFormats(
  translations: Array<{ source: PersonaSource; translation: SourcePersona; format: string; original: string }>,
  originals: CheckedPersona[],
  problems: Problem[],
): CheckedPersona[] {
  const byFile = new Map(originals.map((persona) => [persona.file.split(sep).join('/'), persona]));
  return translations.flatMap(({ source, translation, format, original: originalFile }) => {
    const { lang } = translation.translationOf!;
    const original = byFile.get(originalFile);
    const problem = (message: string) => problems.push({ file: source.file, line: 1, column: 1, field: 'file', message, severity: 'error' });
    if (!original) return problem(`is a ${lang} translation of ${originalFile}, which holds no persona`), [];
    if (!LANGUAGE_PATTERN.test(lang)) return problem(`${JSON.stringify(lang)} is no language code (like de or pt-BR)`), [];
    const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);
    const own = { id: original.data.id, name: text(translation.name, original.data.name), description: text(translation.description, original.data.description) };
    if (translation.prompt.trim() === '') return problem('has no prompt'), [];
    return [{ ...original, file: source.file, format, lang, data: { ...original.data, ...own }, body: translation.prompt, text: personaFileText(own, translation.prompt), derived: [] }];
  });
}

/** How many personas each language translates, as `npm run check` reports it. */
function translationNotes(originals: CheckedPersona[], translations: CheckedPersona[], languages: readonly string[] = []): string[] {
  return languages.slice(1).map((lang) => `note: ${lang}: ${translations.filter((t) => t.lang === lang).length} of ${originals.length} personas translated`);
}

/** Checks a persona folder with its own settings: what `npm run check` and the build run. */
export function checkPersonaFolder(dir: string, options: Omit<CheckOptions, 'lint' | 'derivation'> = {}): CheckResult {
  const { settings, problems } = readCatalogSettings(dir, shownPath(dir));
  const languages = settings.languages ?? layoutLanguages(dir);
  const result = checkPersonas(readPersonaSources(dir), { ...options, lint: settings.lint, derivation: settings, languages, allowHidden: settings.allowHiddenCharacters });
  const settingsProblems = problems.map(({ key, severity, ...rest }): Problem => ({ ...rest, field: key, severity: severity ?? 'error' }));
  // The catalog's licence, author and source, for the personas that name none.
  const defaults = Object.fromEntries(PROVENANCE_FIELDS.flatMap((field) => (settings[field] ? [[field, settings[field]]] : [])));
  const withDefaults = (persona: CheckedPersona): CheckedPersona => ({ ...persona, data: { ...defaults, ...persona.data } });
  return {
    ...result,
    personas: result.personas.map(withDefaults),
    translations: result.translations.map(withDefaults),
    foreignTranslations: result.foreignTranslations.map(withDefaults),
    problems: [...settingsProblems, ...result.problems],
  };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`;
}

export function countBySeverity(problems: Problem[]): Record<Severity, number> {
  return {
    error: problems.filter((p) => p.severity === 'error').length,
    warning: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** The report `npm run check` prints and the build fails with. */
export function formatReport(result: CheckResult): string {
  return [...result.problems.map(formatProblem), ...result.notes, summaryLine(result)].join('\n');
}

/** Kinds of left-out file the summary line names only when there are some: most collections have none. */
const QUIET_WHEN_NONE: ReadonlySet<LeftOutKind> = new Set(['in dot folders', 'other file types', 'project files']);

/**
 * The line every reading ends with (check, build, import): files read,
 * personas and translations found, files left out by kind, problems. Read and
 * left out add up to every file of the folder, so a missing persona shows.
 */
export function summaryLine({ problems, files, personas, translations, foreignTranslations }: CheckResult): string {
  const { error, warning } = countBySeverity(problems);
  const number = (n: number) => n.toLocaleString('en');
  const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;
  const translated = Math.max(translations.length, foreignTranslations.length);
  const leftOut = Object.values(files.leftOut).reduce((sum, n) => sum + n, 0);
  const kinds = Object.entries(files.leftOut)
    .filter(([kind, n]) => n > 0 || !QUIET_WHEN_NONE.has(kind as LeftOutKind))
    .map(([kind, n]) => `${number(n)} ${kind}`);
  return `read ${plural(files.read, 'file')}: ${plural(personas.length, 'persona')}, ${plural(translated, 'translation')}; left out ${plural(leftOut, 'file')}: ${kinds.join(', ')}; ${plural(error, 'error')}, ${plural(warning, 'warning')}`;
}
