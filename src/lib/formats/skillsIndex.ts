// https://github.com/cloudflare/agent-skills-discovery-rfc (the Agent Skills discovery index, schema 0.2.0)
import { createHash } from 'node:crypto';
import * as agentSkills from './agentSkills.ts';
import { exportSet } from './exports.ts';
import type { ExportPersona } from './format.ts';
import { json } from './shared.ts';

/**
 * A catalog as an Agent Skills index: `npx skills add <site> --skill <name>`
 * reads `<site>/.well-known/agent-skills/index.json`, fetches the skill's
 * SKILL.md by its URL (relative to the index) and checks its digest, and
 * `skills check` / `skills update` compare digests to follow the catalog.
 * Each SKILL.md is the `agent-skills` export of a persona, byte for byte.
 */

export const SKILLS_FOLDER = '.well-known/agent-skills';
export const SKILLS_INDEX_FILE = `${SKILLS_FOLDER}/index.json`;
const SCHEMA = 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';

export interface SkillsIndex {
  json: string;
  /** The SKILL.md files, by their path below the site's base. */
  files: Array<{ path: string; content: string }>;
  /** Personas left out, with why (a skill name another persona's id already gives). */
  leftOut: string[];
}

export function skillsIndex(personas: readonly ExportPersona[]): SkillsIndex {
  const files: SkillsIndex['files'] = [];
  const leftOut: string[] = [];
  const skills = [];
  const names = new Set<string>();
  for (const persona of personas) {
    const [file] = exportSet(agentSkills.target, [persona]);
    const name = agentSkills.skillName(persona.id);
    if (names.has(name)) {
      leftOut.push(`${persona.id} (its skill name ${name} is another persona's)`);
      continue;
    }
    names.add(name);
    const path = `${SKILLS_FOLDER}/${name}/SKILL.md`;
    files.push({ path, content: file.content });
    skills.push({ name, type: 'skill-md', description: agentSkills.skillDescription(persona.description), url: `${name}/SKILL.md`, digest: `sha256:${createHash('sha256').update(file.content).digest('hex')}` });
  }
  return { json: json({ $schema: SCHEMA, skills }), files, leftOut };
}
