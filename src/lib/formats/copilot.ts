// https://docs.github.com/en/copilot/reference/custom-agents-configuration
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, frontmatterReader, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://docs.github.com/en/copilot/reference/custom-agents-configuration';

export const target: PerPersonaTarget = {
  id: 'copilot',
  label: 'GitHub Copilot custom agent',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: '~/.copilot/agents/',
  paths: ['.github/agents/<id>.agent.md'],
  render: (p) => [withFrontmatter({ name: p.name, description: p.description, ...keptExtras(p, ['tools', 'model', 'target']) }, p.prompt)],
};

/** `<id>.agent.md`: the display name and description in frontmatter. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.endsWith('.agent.md'),
  read: frontmatterReader(['name', 'description'], (data, path) => ({ id: fileStem(path, '.agent.md'), name: data.name, description: data.description })),
};
