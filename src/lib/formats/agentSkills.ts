// https://agentskills.io/specification
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { cutAtWord, frontmatterReader, keptExtras, withFrontmatter } from './shared.ts';

const DOCS = 'https://agentskills.io/specification';

/**
 * A skill's name is at most 64 characters with no consecutive hyphens (the
 * specification), and names its folder. An id outside those rules is written
 * shortened (hyphens merged, cut at 64 at a hyphen), and the persona's own id
 * goes into the specification's `metadata` map so reading gives it back.
 */
export function skillName(id: string): string {
  const merged = id.replace(/-{2,}/g, '-');
  if (merged.length <= 64) return merged;
  const cut = merged.slice(0, 65);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 64).replace(/-$/, '');
}

/** A description as the specification allows it: at most 1,024 characters (a longer one cut at a word, with "…"). */
export const skillDescription = (description: string) => cutAtWord(description, 1024);

export const target: PerPersonaTarget = {
  id: 'agent-skills',
  label: 'Agent Skill (SKILL.md)',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.claude/skills/ (Claude Code), ~/.agents/skills/ (Codex)',
  paths: ['.agents/skills/<id>/SKILL.md'],
  fileId: skillName,
  render: (p) => {
    const name = skillName(p.id);
    const metadata = name === p.id ? {} : { metadata: { 'persona-atlas-id': p.id } };
    // The specification's own `license` field: the persona's SPDX licence, else the free text its source gave.
    return [withFrontmatter({ name, description: skillDescription(p.description), ...metadata, ...keptExtras(p, ['license']), ...(p.license && { license: p.license }), ...keptExtras(p, ['allowed-tools']) }, p.prompt)];
  },
};

export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path }) => /(^|\/)SKILL\.md$/.test(path),
  read: frontmatterReader(['name', 'description'], (data) => ({
    id: (data.metadata as Record<string, unknown> | undefined)?.['persona-atlas-id'] ?? data.name,
    description: data.description,
  })),
};
