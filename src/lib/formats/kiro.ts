// https://kiro.dev/docs/steering/
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, keptExtras, plainPrompt, splitFrontmatter, withFrontmatter, withoutKeys } from './shared.ts';

const DOCS = 'https://kiro.dev/docs/steering/';

export const target: PerPersonaTarget = {
  id: 'kiro',
  label: 'Kiro steering file',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: '~/.kiro/steering/',
  hint: 'Manual inclusion: mention #<id> in chat to use it.',
  paths: ['.kiro/steering/<id>.md'],
  render: (p) => [withFrontmatter({ inclusion: p.extra?.inclusion ?? 'manual', ...keptExtras(p, ['fileMatchPattern']) }, p.prompt)],
};

/** A steering file: its name is the id, its body the prompt. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.includes('.kiro/steering/'),
  read: ({ path, text }) => {
    const data = splitFrontmatter(text)?.data ?? {};
    const extra = withoutKeys(data, data.inclusion === 'manual' ? ['inclusion'] : []);
    return { personas: [{ id: fileStem(path, '.md'), prompt: plainPrompt(text), extra }] };
  },
};
