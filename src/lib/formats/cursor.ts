// https://docs.cursor.com/context/rules
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, frontmatterReader, withFrontmatter } from './shared.ts';

const DOCS = 'https://docs.cursor.com/context/rules';

export const target: PerPersonaTarget = {
  id: 'cursor',
  label: 'Cursor project rule',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: 'Cursor Settings → Rules → User Rules',
  // An "agent requested" rule unless the persona came with its own globs or alwaysApply: Cursor reads the description to decide when to apply it.
  paths: ['.cursor/rules/<id>.mdc'],
  render: (p) => [withFrontmatter({ description: p.description, globs: p.extra?.globs ?? null, alwaysApply: p.extra?.alwaysApply ?? false }, p.prompt)],
};

/** The file name is the rule's id. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.endsWith('.mdc'),
  read: frontmatterReader(['description'], (data, path) => ({ id: fileStem(path, '.mdc'), description: data.description })),
};
