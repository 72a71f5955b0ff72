// https://developers.openai.com/codex/guides/agents-md
import { hasMarkdownSections, sharedMarkdownFormat } from './sharedMarkdown.ts';

/** AGENTS.md; its reader takes the persona sections of any markdown file that has them. */
export const { target, reader } = sharedMarkdownFormat({
  id: 'codex',
  label: 'OpenAI Codex (AGENTS.md)',
  docs: 'https://developers.openai.com/codex/guides/agents-md',
  userWide: '~/.codex/AGENTS.md',
  paths: ['AGENTS.md'],
  intro: '# Personas\n\nEach section below is a persona. When the user asks for one by name or id, take on its instructions until asked to stop.',
  detect: ({ text }) => hasMarkdownSections(text),
});
