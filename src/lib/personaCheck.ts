import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { DESCRIPTION_LIMIT, personaSchema, type Persona } from './persona.ts';

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
}

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

/** Every `.md` file below `dir`, sorted so reports are stable. */
export function readPersonaSources(dir: string, cwd = process.cwd()): PersonaSource[] {
  if (!existsSync(dir)) throw new Error(`The persona folder ${dir} does not exist (set PERSONAS_DIR to another folder)`);
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
  return names.map((name) => {
    const path = join(dir, name);
    const shown = relative(cwd, path);
    const file = shown.startsWith('..') ? path : shown;
    try {
      return { file, bytes: readFileSync(path) };
    } catch (error) {
      return { file, readError: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  });
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

/** Parses and validates one file on its own (duplicates need the whole folder). */
function checkPersonaSource(source: PersonaSource): { persona?: CheckedPersona; problems: Problem[] } {
  const { file } = source;
  const problem = (field: string, message: string, at: Position = { line: 1, column: 1 }, severity: Severity = 'error'): Problem => ({
    file,
    ...at,
    field,
    message,
    severity,
  });

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
      problems.push(problem('id', `warning: ${JSON.stringify(persona.id)} does not match the file name (expected ${expectedName})`, positionOf(['id']), 'warning'));
    }
    if (persona.description.length > DESCRIPTION_LIMIT) {
      problems.push(problem('description', `warning: is ${persona.description.length} characters; keep it to one sentence under ${DESCRIPTION_LIMIT}`, positionOf(['description']), 'warning'));
    }
    if (persona.description.includes('\n')) {
      problems.push(problem('description', 'warning: spans several lines; keep it to one sentence', positionOf(['description']), 'warning'));
    }
  }

  const persona = data.success && !problems.some((p) => p.severity === 'error')
    ? { file, text, data: data.data, body: parsed.content, idPosition: positionOf(['id']) ?? { line: 1, column: 1 } }
    : undefined;
  return { persona, problems };
}

/** Checks a whole folder's files, including rules across files (unique ids). */
export function checkPersonas(sources: PersonaSource[]): CheckResult {
  const results = sources.map(checkPersonaSource);
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
        message: `${JSON.stringify(id)} is also the id of ${others.join(', ')}`,
        severity: 'error',
      });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return { personas: personas.filter((persona) => !failed.has(persona.file)), problems, fileCount: sources.length };
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
