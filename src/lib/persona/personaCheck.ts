import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { DEFAULT_LINT_CONFIG, LINT_CONFIG_FILE, readLintConfig, type LintConfig } from './lintConfig.ts';
import { nearDuplicates, NEAR_DUPLICATE_THRESHOLD } from './nearDuplicates.ts';
import { DESCRIPTION_LIMIT, personaSchema, quoted, type Persona } from './persona.ts';
import { lintPrompt } from './promptLint.ts';

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

export interface PersonaSource {
  /** Path as shown to the maintainer (relative to the working directory). */
  file: string;
  bytes?: Buffer;
  readError?: string;
  /** Why the file was deliberately not read (too large, a link out of the folder). */
  refused?: string;
}

/** Larger files are refused unread: no prompt needs a megabyte, and the build holds every file in memory. */
export const FILE_SIZE_LIMIT = 1024 * 1024;
/** Frontmatter whose YAML aliases expand past this many values is refused (a "billion laughs" file). */
const EXPANDED_VALUE_LIMIT = 10_000;

export interface CheckedPersona {
  file: string;
  /** The whole file as text. */
  text: string;
  data: Persona;
  /** The prompt: everything after the frontmatter's closing line, untouched. */
  body: string;
  idPosition: Position;
}

export interface CheckResult {
  personas: CheckedPersona[];
  problems: Problem[];
  fileCount: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** A path as messages show it: relative to the working directory when under it, else absolute. */
function shownPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
}

/**
 * Every `.md` file below `dir`, sorted so reports are stable. A symlink
 * (to a file or a folder) that resolves outside `dir` is refused unread, so
 * nothing outside the persona folder reaches the site.
 */
export function readPersonaSources(dir: string, cwd = process.cwd()): PersonaSource[] {
  if (!existsSync(dir)) throw new Error(`The persona folder ${dir} does not exist (set PERSONAS_DIR to another folder)`);
  const root = realpathSync(dir);
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return names.flatMap((name): PersonaSource[] => {
    const path = join(dir, name);
    const file = shownPath(path, cwd);
    const link = lstatSync(path).isSymbolicLink();
    if (!link && !name.endsWith('.md')) return [];
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return name.endsWith('.md') ? [{ file, refused: 'is a symlink to nothing' }] : [];
    }
    if (!inside(root, target)) {
      // Files reached through a linked folder are covered by the report on the folder's link.
      return link ? [{ file, refused: `is a symlink to ${shownPath(target, cwd)}, outside the persona folder; nothing outside it is read` }] : [];
    }
    // Linked folders inside are read where they really are, once.
    if (link && (!name.endsWith('.md') || statSync(target).isDirectory())) return [];
    if (!link && target !== join(root, name)) return [];
    try {
      const { size } = statSync(path);
      if (size > FILE_SIZE_LIMIT) {
        return [{ file, refused: `is ${(size / 1024 / 1024).toFixed(1)} MB; a persona file must be under 1 MB (not read)` }];
      }
      return [{ file, bytes: readFileSync(path) }];
    } catch (error) {
      return [{ file, readError: (error as NodeJS.ErrnoException).code ?? String(error) }];
    }
  });
}

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
  /** The folder's lint settings (persona-lint.json); the defaults otherwise. */
  config?: LintConfig;
  /** Counts tokens for the size rule; without it the rule is skipped. */
  countTokens?: (text: string) => number;
  /** Compare every body with every other for near-duplicates (seconds at 10,000 personas; `npm run check` does). */
  nearDuplicates?: boolean;
}

/** Line and column in the file of a character offset in the body. */
function bodyPosition(body: string, index: number, bodyLine: number): Position {
  const before = body.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: bodyLine + before.split('\n').length - 1, column: index - lineStart + 1 };
}

/** Parses and validates one file on its own (duplicates need the whole folder). */
function checkPersonaSource(source: PersonaSource, options: CheckOptions): { persona?: CheckedPersona; problems: Problem[] } {
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
    text = utf8.decode(source.bytes);
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
    return { problems: [problem('frontmatter', 'is missing: the file must start with a --- block of fields')] };
  }
  if (expandedSize(parsed.data, EXPANDED_VALUE_LIMIT) > EXPANDED_VALUE_LIMIT) {
    return { problems: [problem('frontmatter', `its YAML aliases expand to more than ${EXPANDED_VALUE_LIMIT.toLocaleString('en')} values; persona fields need no aliases`)] };
  }

  const positions = keyPositions(parsed.matter);
  const positionOf = (path: PropertyKey[]) =>
    positions.get(path.slice(0, 2).join('.')) ?? positions.get(fieldName(path));
  const problems: Problem[] = [];

  const data = personaSchema.safeParse(parsed.data);
  if (!data.success) {
    for (const issue of data.error.issues as z.core.$ZodIssue[]) {
      problems.push(problem(fieldName(issue.path), issue.message, positionOf(issue.path)));
    }
  }

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
      for (const finding of lintPrompt(parsed.content, { config: options.config ?? DEFAULT_LINT_CONFIG, countTokens: options.countTokens })) {
        problems.push(problem('body', finding.message, bodyPosition(parsed.content, finding.index, bodyLine), 'warning'));
      }
    }
  }

  const persona = data.success && !problems.some((p) => p.severity === 'error')
    ? { file, text, data: data.data, body: parsed.content, idPosition: positionOf(['id']) ?? { line: 1, column: 1 } }
    : undefined;
  return { persona, problems };
}

/** Checks a whole folder's files, including rules across files (unique ids, near-duplicates). */
export function checkPersonas(sources: PersonaSource[], options: CheckOptions = {}): CheckResult {
  const results = sources.map((source) => checkPersonaSource(source, options));
  const personas = results.flatMap((result) => (result.persona ? [result.persona] : []));
  const problems = results.flatMap((result) => result.problems);

  // A loop rather than Map.groupBy: the command line runs this on Node 20, which lacks it.
  const filesById = new Map<string, CheckedPersona[]>();
  for (const persona of personas) filesById.set(persona.data.id, [...(filesById.get(persona.data.id) ?? []), persona]);
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

  if (options.nearDuplicates) {
    for (const { first, second, similarity } of nearDuplicates(personas.map((persona) => persona.body))) {
      const [a, b] = [personas[first], personas[second]];
      problems.push({
        file: a.file,
        line: 1,
        column: 1,
        field: 'body',
        message: `warning: is mostly the same text as ${b.file} (${Math.round(similarity * 100)}% of 5-word runs shared; reported from ${Math.round(NEAR_DUPLICATE_THRESHOLD * 100)}%)`,
        severity: 'warning',
      });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return { personas: personas.filter((persona) => !failed.has(persona.file)), problems, fileCount: sources.length };
}

/** Checks a persona folder with its own lint settings: what `npm run check` and the build run. */
export function checkPersonaFolder(dir: string, options: Omit<CheckOptions, 'config'> = {}): CheckResult {
  const { config, problem } = readLintConfig(dir);
  const sources = readPersonaSources(dir);
  const result = checkPersonas(sources, { ...options, config });
  if (!problem) return result;
  const file = shownPath(join(dir, LINT_CONFIG_FILE));
  return { ...result, problems: [{ file, line: 1, column: 1, field: 'settings', message: problem, severity: 'error' }, ...result.problems] };
}

/** Lets gray-matter find where the frontmatter ends without parsing its YAML again. */
const SKIP_YAML = { engines: { yaml: { parse: () => ({}) } } };

/**
 * The prompt of a persona file, already checked: its text after the
 * frontmatter's closing line, byte for byte, as the checker sees it.
 */
export function readPrompt(path: string): string {
  return matter(readFileSync(path, 'utf8'), SKIP_YAML).content;
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
export function formatReport({ problems, fileCount }: CheckResult): string {
  const { error, warning } = countBySeverity(problems);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(fileCount, 'persona file')} checked: ${plural(error, 'error')}, ${plural(warning, 'warning')}`;
  return [...problems.map(formatProblem), summary].join('\n');
}
