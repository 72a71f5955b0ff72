// Persona Atlas's own persona file: YAML frontmatter with our fields, the
// prompt as the body (see src/content/docs/persona-files.mdx). Read strictly by the persona checker, which
// reports every missing or wrong field; this module says which files are ours
// and writes a persona in our format.
import type { Persona } from '../persona/persona.ts';
import type { FormatReader } from './format.ts';
import { hasKeys, yaml } from './shared.ts';

/** A file in our format: the fields, then the prompt exactly as given after the closing line. */
export const personaFileText = (data: Persona | Record<string, unknown>, prompt: string) => `---\n${yaml(data)}---\n${prompt}`;

/** Only `detect` is used: the checker reads these files. */
export const reader: FormatReader = {
  id: 'persona-atlas',
  label: 'Persona Atlas persona file',
  detect: ({ text }) => hasKeys(text, 'id') || hasKeys(text, 'category') || hasKeys(text, 'worker_affinity'),
  read: () => ({ personas: [] }),
};
