// https://aider.chat/docs/usage/conventions.html
import type { FormatReader, SharedFileTarget } from './format.ts';
import { hasMarkdownSections, mergeMarkdownSections, readMarkdownSections } from './sharedMarkdown.ts';

const DOCS = 'https://aider.chat/docs/usage/conventions.html';
const INTRO = '# Personas\n\nEach section below is a persona. When I ask for one by name or id, follow its instructions until I ask you to stop.';

export const target: SharedFileTarget = {
  id: 'aider',
  label: 'Aider conventions',
  group: 'coding-agents',
  docs: DOCS,
  userWide: 'read: CONVENTIONS.md in ~/.aider.conf.yml',
  hint: 'aider --read CONVENTIONS.md',
  paths: ['CONVENTIONS.md'],
  merge: (existing, personas) => mergeMarkdownSections(existing, personas, INTRO),
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text, path }) => path.split('/').at(-1) === 'CONVENTIONS.md' && hasMarkdownSections(text),
  read: ({ text }) => ({ personas: readMarkdownSections(text) }),
};
