// https://docs.continue.dev/customize/deep-dives/rules
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, frontmatterReader, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://docs.continue.dev/customize/deep-dives/rules';

export const target: PerPersonaTarget = {
  id: 'continue',
  label: 'Continue rule',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: '~/.continue/rules/',
  paths: ['.continue/rules/<id>.md'],
  render: (p) => [withFrontmatter({ name: p.name, description: p.description, alwaysApply: p.extra?.alwaysApply ?? false, ...keptExtras(p, ['globs']) }, p.prompt)],
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.includes('.continue/rules/'),
  read: frontmatterReader(['name', 'description'], (data, path) => ({ id: fileStem(path, '.md'), name: data.name, description: data.description })),
};
