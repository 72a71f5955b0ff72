// https://docs.windsurf.com/windsurf/cascade/memories#rules
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { hasKeys, modelDecisionRule, readModelDecisionRule } from './shared.ts';

const DOCS = 'https://docs.windsurf.com/windsurf/cascade/memories#rules';

export const target: PerPersonaTarget = {
  id: 'windsurf',
  label: 'Windsurf rule',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: '~/.codeium/windsurf/memories/global_rules.md',
  paths: ['.windsurf/rules/<id>.md'],
  render: (p) => [modelDecisionRule(p)],
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text, path }) => path.includes('.windsurf/rules/') || hasKeys(text, 'trigger'),
  read: readModelDecisionRule,
};
