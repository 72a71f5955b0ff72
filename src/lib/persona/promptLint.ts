import type { LintSettings } from '../site/catalogSettings.ts';
import { scanMarkdown } from '../prompt/markdownScan.ts';
import { placeholderProblems } from '../prompt/promptVariables.ts';

/** More tokens than most models' context window. */
export const PROMPT_TOKEN_LIMIT = 100_000;

export interface Finding {
  /** Character offset in the body. */
  index: number;
  message: string;
}

export interface LintOptions {
  config: LintSettings;
  /** Counts tokens; without it the size rule is skipped. */
  countTokens?: (text: string) => number;
}

/** Headings compare without case, emoji, punctuation or markup: "## 🧭 **Key principles:**" is "Key Principles". */
const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sectionFindings(body: string, sections: Exclude<LintSettings['recommendedSections'], false>): Finding[] {
  const scan = scanMarkdown(body);
  const findings: Finding[] = [];
  if (sections.openingParagraph && scan.opening !== 'paragraph') {
    findings.push({ index: 0, message: 'warning: does not open with a paragraph saying who the persona is' });
  }
  const headings = new Set(scan.headings.map(normalize));
  const missing = sections.headings.filter((heading) => !headings.has(normalize(heading)));
  if (missing.length > 0) {
    findings.push({ index: 0, message: `warning: has no ${missing.map((h) => JSON.stringify(h)).join(', ')} ${missing.length === 1 ? 'section' : 'sections'} (recommended; see persona-atlas.json)` });
  }
  return findings;
}

/** Warnings about a prompt's body: placeholders, size and recommended sections. */
export function lintPrompt(body: string, { config, countTokens }: LintOptions): Finding[] {
  const findings: Finding[] = placeholderProblems(body);
  // A token is at least one byte, so only a body over the limit in bytes can be over it in tokens.
  if (countTokens && Buffer.byteLength(body) > PROMPT_TOKEN_LIMIT) {
    const tokens = countTokens(body);
    if (tokens > PROMPT_TOKEN_LIMIT) {
      findings.push({ index: 0, message: `warning: is ${tokens.toLocaleString('en')} tokens, more than most models' context (${PROMPT_TOKEN_LIMIT.toLocaleString('en')})` });
    }
  }
  if (config.recommendedSections) findings.push(...sectionFindings(body, config.recommendedSections));
  return findings;
}
