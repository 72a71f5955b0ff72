// Agency-style persona markdown, as the best-known persona collection publishes
// it: frontmatter `name` (a display name), `description`, `emoji`, `color`,
// `vibe`, in category folders. Read only: exports write the tools' own shapes.
import type { FormatReader } from './format.ts';
import { frontmatterReader, hasKeys } from './shared.ts';

export const reader: FormatReader = {
  id: 'agency',
  label: 'Agency-style persona markdown',
  detect: ({ text }) => hasKeys(text, 'name', 'emoji') && (hasKeys(text, 'vibe') || hasKeys(text, 'color')),
  read: frontmatterReader(['name', 'description', 'emoji'], (data) => ({ name: data.name, description: data.description, emoji: data.emoji })),
};
