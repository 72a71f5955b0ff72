// https://opencode.ai/docs/agents/
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, frontmatterReader, hasKeys, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://opencode.ai/docs/agents/';

export const target: PerPersonaTarget = {
  id: 'opencode',
  label: 'OpenCode agent',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.config/opencode/agents/',
  paths: ['.opencode/agents/<id>.md'],
  render: (p) => [withFrontmatter({ description: p.description, mode: 'all', ...keptExtras(p, ['model', 'temperature', 'tools', 'permission']) }, p.prompt)],
};

/** The file name is the agent's id. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text, path }) => path.includes('.opencode/agents/') || (hasKeys(text, 'description', 'mode') && !hasKeys(text, 'name')),
  read: frontmatterReader(['description', 'mode'], (data, path) => ({ id: fileStem(path, '.md'), description: data.description })),
};
