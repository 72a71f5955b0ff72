// https://qwenlm.github.io/qwen-code-docs/en/users/features/sub-agents/
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { frontmatterReader, subagentFields, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://qwenlm.github.io/qwen-code-docs/en/users/features/sub-agents/';

export const target: PerPersonaTarget = {
  id: 'qwen-code',
  label: 'Qwen Code subagent',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.qwen/agents/',
  paths: ['.qwen/agents/<id>.md'],
  render: (p) => [withFrontmatter({ name: p.id, description: p.description, ...keptExtras(p, ['tools', 'color']) }, p.prompt)],
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.includes('.qwen/agents/'),
  read: frontmatterReader(['name', 'description'], subagentFields),
};
