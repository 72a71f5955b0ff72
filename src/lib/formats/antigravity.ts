// https://antigravity.google/docs/rules-workflows
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { modelDecisionRule, readModelDecisionRule } from './shared.ts';

const DOCS = 'https://antigravity.google/docs/rules-workflows';

export const target: PerPersonaTarget = {
  id: 'antigravity',
  label: 'Antigravity rule',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: '~/.gemini/GEMINI.md',
  paths: ['.agents/rules/<id>.md'],
  render: (p) => [modelDecisionRule(p)],
};

/** The same shape as a Windsurf rule; told apart by its folder. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => path.includes('.agents/rules/'),
  read: readModelDecisionRule,
};
