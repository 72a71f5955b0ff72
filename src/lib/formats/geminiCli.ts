// https://geminicli.com/docs/core/subagents
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { frontmatterReader, hasKeys, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://geminicli.com/docs/core/subagents';

export const target: PerPersonaTarget = {
  id: 'gemini-cli',
  label: 'Gemini CLI subagent',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.gemini/agents/',
  paths: ['.gemini/agents/<id>.md'],
  render: (p) => [withFrontmatter({ name: p.id, description: p.description, kind: 'local', ...keptExtras(p, ['tools', 'model', 'temperature', 'max_turns']) }, p.prompt)],
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text, path }) => path.includes('.gemini/agents/') || hasKeys(text, 'name', 'kind'),
  read: frontmatterReader(['name', 'description', 'kind'], (data) => ({ id: data.name, description: data.description })),
};
