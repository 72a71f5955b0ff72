// https://aider.chat/docs/usage/conventions.html
import { hasMarkdownSections, sharedMarkdownFormat } from './sharedMarkdown.ts';

export const { target, reader } = sharedMarkdownFormat({
  id: 'aider',
  label: 'Aider conventions',
  docs: 'https://aider.chat/docs/usage/conventions.html',
  userWide: 'read: CONVENTIONS.md in ~/.aider.conf.yml',
  hint: 'aider --read CONVENTIONS.md',
  paths: ['CONVENTIONS.md'],
  intro: '# Personas\n\nEach section below is a persona. When I ask for one by name or id, follow its instructions until I ask you to stop.',
  detect: ({ text, path }) => path.split('/').at(-1) === 'CONVENTIONS.md' && hasMarkdownSections(text),
});
