// https://developers.openai.com/codex/guides/agents-md
import type { FormatReader, SharedFileTarget } from './format.ts';
import { hasMarkdownSections, mergeMarkdownSections, readMarkdownSections } from './sharedMarkdown.ts';

const DOCS = 'https://developers.openai.com/codex/guides/agents-md';
const INTRO = '# Personas\n\nEach section below is a persona. When the user asks for one by name or id, take on its instructions until asked to stop.';

export const target: SharedFileTarget = {
  id: 'codex',
  label: 'OpenAI Codex (AGENTS.md)',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.codex/AGENTS.md',
  paths: ['AGENTS.md'],
  merge: (existing, personas) => mergeMarkdownSections(existing, personas, INTRO),
};

/** The persona sections this project writes into AGENTS.md (any other markdown with them, too). */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text }) => hasMarkdownSections(text),
  read: ({ text }) => ({ personas: readMarkdownSections(text) }),
};
