import { inCode, scanMarkdown } from './markdownScan.ts';

/**
 * Fill-in variables in prompts: `{{name}}` or `{{name:default}}`, anywhere
 * but in code spans and code blocks, which stay literal.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w-]*)\s*(?::([^{}\n]*))?\}\}/g;

export interface PromptVariable {
  name: string;
  /** The default written after the colon, or empty. */
  default: string;
}

/** The prompt as literal text and placeholders, in order: joining the `text`s and `raw`s gives the prompt back. */
export type PromptSegment = { text: string } | { name: string; raw: string };

/** A stretch of text already known to be outside code, split at its placeholders. */
export function splitPlaceholders(text: string): PromptSegment[] {
  const segments: PromptSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    segments.push({ name: match[1], raw: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** Every placeholder outside code, with where it stands. */
function placeholders(prompt: string) {
  if (!prompt.includes('{{')) return [];
  const scan = scanMarkdown(prompt);
  return [...prompt.matchAll(PLACEHOLDER)]
    .filter((match) => !inCode(scan, match.index))
    .map((match) => ({ index: match.index, raw: match[0], name: match[1], default: (match[2] ?? '').trim() }));
}

/** The distinct variables of a prompt, in order of first use; the first default given wins. */
export function promptVariables(prompt: string): PromptVariable[] {
  const byName = new Map<string, PromptVariable>();
  for (const found of placeholders(prompt)) {
    const known = byName.get(found.name);
    if (!known) byName.set(found.name, { name: found.name, default: found.default });
    else if (!known.default && found.default) known.default = found.default;
  }
  return [...byName.values()];
}

export function promptSegments(prompt: string): PromptSegment[] {
  const segments: PromptSegment[] = [];
  let at = 0;
  for (const found of placeholders(prompt)) {
    if (found.index > at) segments.push({ text: prompt.slice(at, found.index) });
    segments.push({ name: found.name, raw: found.raw });
    at = found.index + found.raw.length;
  }
  if (at < prompt.length || segments.length === 0) segments.push({ text: prompt.slice(at) });
  return segments;
}

/** The prompt with values filled in; a placeholder without a value stays as written. */
export function fillSegments(segments: readonly PromptSegment[], values: Readonly<Record<string, string>>): string {
  return segments.map((segment) => ('text' in segment ? segment.text : values[segment.name] || segment.raw)).join('');
}

export function fillPrompt(prompt: string, values: Readonly<Record<string, string>>): string {
  return Object.keys(values).length ? fillSegments(promptSegments(prompt), values) : prompt;
}

export interface PlaceholderProblem {
  /** Character offset in the prompt. */
  index: number;
  message: string;
}

/** Placeholders that will not work as meant: empty, unclosed, or names that differ only in case. */
export function placeholderProblems(prompt: string): PlaceholderProblem[] {
  if (!prompt.includes('{{')) return [];
  const scan = scanMarkdown(prompt);
  const problems: PlaceholderProblem[] = [];
  for (const match of prompt.matchAll(/\{\{\s*\}\}/g)) {
    if (!inCode(scan, match.index)) problems.push({ index: match.index, message: `warning: empty placeholder ${match[0]}: give it a name, like {{topic}}` });
  }
  for (const match of prompt.matchAll(/\{\{(?![^\n]*?\}\})[^\n]*/g)) {
    if (!inCode(scan, match.index)) problems.push({ index: match.index, message: `warning: placeholder ${JSON.stringify(match[0].slice(0, 30))} is not closed with }} on its line` });
  }
  const found = placeholders(prompt);
  const spellings = new Map<string, Set<string>>();
  for (const placeholder of found) {
    const key = placeholder.name.toLowerCase();
    spellings.set(key, (spellings.get(key) ?? new Set()).add(placeholder.name));
  }
  for (const names of spellings.values()) {
    if (names.size < 2) continue;
    const [first, ...others] = [...names];
    const { index } = found.find((placeholder) => others.includes(placeholder.name))!;
    problems.push({ index, message: `warning: placeholders ${[first, ...others].map((n) => `{{${n}}}`).join(' and ')} differ only in case; they are different variables` });
  }
  return problems.sort((a, b) => a.index - b.index);
}
