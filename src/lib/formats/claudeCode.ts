// https://docs.claude.com/en/docs/claude-code/sub-agents
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { frontmatterReader, subagentFields, hasKeys, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://docs.claude.com/en/docs/claude-code/sub-agents';
/** Optional subagent fields Claude Code documents, written back when a persona carries them. */
const KEPT = ['tools', 'disallowedTools', 'model', 'permissionMode', 'skills', 'color'];

export const target: PerPersonaTarget = {
  id: 'claude-code',
  label: 'Claude Code subagent',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.claude/agents/',
  paths: ['.claude/agents/<id>.md'],
  render: (p) => [withFrontmatter({ name: p.id, description: p.description, ...keptExtras(p, KEPT) }, p.prompt)],
};

/**
 * Subagent files (`name`, `description`, optional `tools`, `model`, `color`…),
 * the shape most subagent collections use. `name` is the id; a name that is
 * not a slug is kept as the display name too.
 */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ text }) => hasKeys(text, 'name', 'description'),
  read: frontmatterReader(['name', 'description'], subagentFields),
};
