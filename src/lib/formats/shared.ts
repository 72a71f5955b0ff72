import { parse, stringify } from 'yaml';
import { SLUG_PATTERN } from '../persona/slug.ts';
import type { ExportPersona, FileSection, SourcePersona } from './format.ts';
import { withoutProvenanceNote } from './provenance.ts';

/**
 * What the format modules share: writing prompts into markdown, YAML and
 * JSON, and reading them back out of the same shapes.
 */

/** Prompts are pasted into other files here, so blank lines around them are dropped (indentation is kept). */
export const body = (prompt: string) => prompt.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

/** YAML through a real serializer: quotes, colons, `---`, CRLF and any script come back as written. */
export const yaml = (value: unknown) => stringify(value, { lineWidth: 0, nullStr: '' });

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A text shorter than `limit` as it is; a longer one cut at a word to fit `limit` with its "…". */
export function cutAtWord(text: string, limit: number): string {
  if (text.length < limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Extra fields of the persona that a tool documents, in the order it lists them; `undefined` values are left out. */
export function keptExtras(persona: ExportPersona, keys: readonly string[]): Record<string, unknown> {
  const extra = persona.extra ?? {};
  return Object.fromEntries(keys.filter((key) => extra[key] !== undefined && extra[key] !== null).map((key) => [key, extra[key]]));
}

/** A markdown file with YAML frontmatter and the prompt as its body, the shape most agent tools read. */
export const withFrontmatter = (fields: Record<string, unknown>, prompt: string) => `---\n${yaml(fields)}---\n\n${body(prompt)}\n`;

/**
 * A prompt as a plain markdown file. Tools that read optional frontmatter
 * would take a prompt's own leading `---` block for theirs, so such a prompt
 * gets an empty frontmatter block first.
 */
export const plainMarkdown = (prompt: string) =>
  /^---[ \t]*\r?(?:\n|$)/.test(body(prompt)) ? withFrontmatter({}, prompt) : `${body(prompt)}\n`;

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Frontmatter that is not valid YAML, read as agent tools read it: one
 * `key: value` a line, the value as written (one pair of surrounding quotes
 * removed), indented lines added to the value before them. Collections hold
 * such files (a description with `: ` in it, unquoted) and tools load them.
 */
function looseFrontmatter(block: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let last: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)$/.exec(line);
    if (pair) {
      last = pair[1];
      data[last] = pair[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    } else if (last && /^[ \t]/.test(line)) {
      data[last] = `${String(data[last])}\n${line.trim()}`.trim();
    }
  }
  return data;
}

/**
 * A markdown file's frontmatter and body, as tools and gray-matter split them:
 * the body is everything after the closing `---` line, untouched. Undefined
 * when the file has no frontmatter. Frontmatter that is not valid YAML is read
 * line by line (`loose`), as agent tools do.
 */
export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string; loose?: true } | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const body = text.slice(match[0].length);
  let data: unknown;
  try {
    data = parse(match[1] ?? '', { maxAliasCount: 100 }) ?? {};
  } catch {
    return { data: looseFrontmatter(match[1] ?? ''), body, loose: true };
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('the frontmatter is not a mapping of fields');
  return { data: data as Record<string, unknown>, body };
}

/** The prompt of a plain markdown file: the whole text, or what follows a frontmatter block (plainMarkdown writes an empty one). */
export const plainPrompt = (text: string) => splitFrontmatter(text)?.body ?? withoutProvenanceNote(text);

/** Splits off the fields a format sets itself, keeping the rest as extra fields. */
export function withoutKeys(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

/** The last segment of a path without the given ending: the id a per-persona file was written under. */
export function fileStem(path: string, ending: string): string | undefined {
  const name = path.split('/').at(-1)!;
  return name.endsWith(ending) && name.length > ending.length ? name.slice(0, -ending.length) : undefined;
}

/**
 * Reads a markdown file of one frontmatter shape: `fields` maps the
 * frontmatter (and the path) to our fields, `consumed` names the frontmatter
 * keys it mapped or the format sets itself; every other key is kept as extra.
 */
export function frontmatterReader(consumed: readonly string[], fields: (data: Record<string, unknown>, path: string) => Omit<SourcePersona, 'prompt' | 'extra'>) {
  return ({ text, path }: { text: string; path: string }) => {
    const parts = splitFrontmatter(text);
    if (!parts) return { personas: [] };
    return { personas: [{ ...fields(parts.data, path), prompt: parts.body, extra: withoutKeys(parts.data, consumed), ...(parts.loose && { looseFrontmatter: true as const }) }] };
  };
}

/**
 * Whether a file's frontmatter has these top-level keys. Told from the lines
 * alone, without parsing the YAML: format detection runs on every file of a
 * collection, and parsing each one twice made reading 10,000 persona files
 * 1.7 s slower.
 */
export function hasKeys(text: string, ...keys: string[]): boolean {
  const block = FRONTMATTER.exec(text)?.[1];
  return block !== undefined && keys.every((key) => new RegExp(`^["']?${key}["']?[ \t]*:`, 'm').test(block));
}

/** Subagent frontmatter (Claude Code, Qwen Code): `name` is the id; a name that is not a slug is the display name too. */
export const subagentFields = (data: Record<string, unknown>) => ({
  id: data.name,
  name: typeof data.name === 'string' && SLUG_PATTERN.test(data.name) ? undefined : data.name,
  description: data.description,
});

/** A rule file the assistant applies when its description fits (Windsurf, Antigravity): `trigger` and `description`. */
export const modelDecisionRule = (p: ExportPersona) =>
  withFrontmatter({ trigger: p.extra?.trigger ?? 'model_decision', description: p.description, ...keptExtras(p, ['globs']) }, p.prompt);

/** Reads such a rule file back; its name is the id. */
export const readModelDecisionRule = frontmatterReader(['trigger', 'description'], (data, path) => ({ id: fileStem(path, '.md'), description: data.description }));

/** A file's stretch from `start` to `end` as a section: every line after the first loses the `indent` spaces the file nests it by. */
export function sectionAt(file: string, start: number, end: number, indent = 0): FileSection {
  const pad = ' '.repeat(indent);
  const text = file
    .slice(start, end)
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(pad) ? line.slice(indent) : line))
    .join('\n');
  return { start, end, indent, text };
}

/** The file with a section's stretch replaced by `text`, nested as deep as the section was (blank lines stay blank). */
export function replaceSection(file: string, section: FileSection, text: string): string {
  const pad = ' '.repeat(section.indent);
  const nested = text
    .split('\n')
    .map((line, index) => (index > 0 && line !== '' ? pad + line : line))
    .join('\n');
  return file.slice(0, section.start) + nested + file.slice(section.end);
}
