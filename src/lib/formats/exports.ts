import { Document, isMap, isSeq, parseDocument, stringify, YAMLSeq } from 'yaml';
import type { Persona } from '../persona/persona.ts';

/**
 * The one export registry: how a persona goes into each agent tool. The
 * persona page, the set downloads and the command line all call it. Each
 * target writes the file shape its tool documents (the URL beside it) at the
 * path the tool reads, relative to a project root.
 */

/** What an export needs of a persona: the published fields and the prompt as written. */
export type ExportPersona = Pick<Persona, 'id' | 'name' | 'emoji' | 'category' | 'description' | 'tags' | 'worker_affinity'> & {
  prompt: string;
};

export interface ExportFile {
  path: string;
  content: string;
  mediaType: string;
}

export const EXPORT_GROUPS = {
  'coding-agents': 'Coding agents',
  'ide-assistants': 'IDE assistants',
  'api-formats': 'API formats',
} as const;

export type ExportGroup = keyof typeof EXPORT_GROUPS;

interface TargetInfo {
  id: string;
  label: string;
  group: ExportGroup;
  /** The tool's own documentation of the format, when there is a tool. */
  docs?: string;
  /** Where the tool also looks for a copy that applies to every project, when it has such a place. */
  userWide?: string;
  /** What to do once the file is in place, when the tool does not pick it up by itself. */
  hint?: string;
  /** Where the files go, relative to a project root; `<id>` stands for the persona's id. */
  paths: readonly string[];
}

/** A target with files of its own for each persona: `render` gives their contents, in the order of `paths`. */
interface PerPersonaTarget extends TargetInfo {
  render(persona: ExportPersona): string[];
}

/**
 * A target whose one file holds every persona of a set. `merge` adds the
 * personas to the file's current text (none for a new file), replacing their
 * earlier sections and keeping everything else.
 */
interface SharedFileTarget extends TargetInfo {
  merge(existing: string | undefined, personas: readonly ExportPersona[]): string;
}

export type ExportTarget = PerPersonaTarget | SharedFileTarget;

export const isSharedFile = (target: ExportTarget): target is SharedFileTarget => 'merge' in target;

/** Prompts are pasted into other files here, so blank lines around them are dropped (indentation is kept). */
const body = (prompt: string) => prompt.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

const byId = (personas: readonly ExportPersona[]) => [...personas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** YAML through a real serializer: quotes, colons, `---`, CRLF and any script come back as written. */
const yaml = (value: unknown) => stringify(value, { lineWidth: 0, nullStr: '' });

/** A markdown file with YAML frontmatter and the prompt as its body, the shape most agent tools read. */
const withFrontmatter = (fields: Record<string, unknown>, prompt: string) => `---\n${yaml(fields)}---\n\n${body(prompt)}\n`;

/**
 * A prompt as a plain markdown file. Tools that read optional frontmatter
 * would take a prompt's own leading `---` block for theirs, so such a prompt
 * gets an empty frontmatter block first.
 */
const plainMarkdown = (prompt: string) =>
  /^---[ \t]*\r?(?:\n|$)/.test(body(prompt)) ? withFrontmatter({}, prompt) : `${body(prompt)}\n`;

const SECTION = /^<!-- persona-atlas:begin ([a-z0-9-]+) -->\r?\n[\s\S]*?\r?\n<!-- persona-atlas:end \1 -->[ \t]*(?:\r?\n|$)/gm;

/** The persona sections of a shared markdown file, by id, as merging finds them. */
export function markdownSections(text: string): Map<string, string> {
  return new Map([...text.matchAll(SECTION)].map((match) => [match[1], match[0].trimEnd()]));
}

/**
 * A markdown file shared by many personas: one marked section each, sorted by
 * id after whatever else the file holds, so adding the same personas again
 * changes nothing and other content is kept.
 */
function mergeMarkdownSections(existing: string | undefined, personas: readonly ExportPersona[], intro: string): string {
  const sections = markdownSections(existing ?? '');
  const rest = existing === undefined ? intro : existing.replace(SECTION, '');
  for (const persona of personas) {
    const heading = `## ${persona.emoji} ${persona.name} (\`${persona.id}\`)\n\n${persona.description}`;
    sections.set(
      persona.id,
      `<!-- persona-atlas:begin ${persona.id} -->\n${heading}\n\n${body(persona.prompt)}\n<!-- persona-atlas:end ${persona.id} -->`,
    );
  }
  const ordered = [...sections.keys()].sort().map((id) => sections.get(id)!);
  const head = rest.trimEnd();
  return `${head ? `${head}\n\n` : ''}${ordered.join('\n\n')}\n`;
}

const sharedMarkdown = (intro: string) => (existing: string | undefined, personas: readonly ExportPersona[]) =>
  mergeMarkdownSections(existing, personas, intro);

/** Roo Code's modes file: one `customModes` entry per persona, other modes and comments kept. */
function mergeRooModes(existing: string | undefined, personas: readonly ExportPersona[]): string {
  const doc = existing?.trim() ? parseDocument(existing) : new Document({ customModes: [] });
  if (doc.errors.length > 0) throw new Error(`is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  if (!isMap(doc.contents)) throw new Error('is not a YAML mapping with customModes');
  if (!doc.has('customModes')) doc.set('customModes', new YAMLSeq());
  const modes = doc.get('customModes');
  if (!isSeq(modes)) throw new Error('has a customModes entry that is not a list');
  for (const persona of personas) {
    const mode = doc.createNode({
      slug: persona.id,
      name: `${persona.emoji} ${persona.name}`,
      description: persona.description,
      roleDefinition: body(persona.prompt),
      whenToUse: persona.description,
      groups: ['read', 'edit', 'browser', 'command', 'mcp'],
    });
    const index = modes.items.findIndex((item) => isMap(item) && item.get('slug') === persona.id);
    if (index >= 0) modes.items[index] = mode;
    else modes.items.push(mode);
  }
  return doc.toString({ lineWidth: 0 });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const EXPORT_TARGETS: readonly ExportTarget[] = [
  {
    // https://docs.claude.com/en/docs/claude-code/sub-agents
    id: 'claude-code',
    label: 'Claude Code subagent',
    group: 'coding-agents',
    docs: 'https://docs.claude.com/en/docs/claude-code/sub-agents',
    userWide: '~/.claude/agents/',
    paths: ['.claude/agents/<id>.md'],
    render: (p) => [withFrontmatter({ name: p.id, description: p.description }, p.prompt)],
  },
  {
    // https://developers.openai.com/codex/guides/agents-md
    id: 'codex',
    label: 'OpenAI Codex (AGENTS.md)',
    group: 'coding-agents',
    docs: 'https://developers.openai.com/codex/guides/agents-md',
    userWide: '~/.codex/AGENTS.md',
    paths: ['AGENTS.md'],
    merge: sharedMarkdown(
      '# Personas\n\nEach section below is a persona. When the user asks for one by name or id, take on its instructions until asked to stop.',
    ),
  },
  {
    // https://geminicli.com/docs/core/subagents
    id: 'gemini-cli',
    label: 'Gemini CLI subagent',
    group: 'coding-agents',
    docs: 'https://geminicli.com/docs/core/subagents',
    userWide: '~/.gemini/agents/',
    paths: ['.gemini/agents/<id>.md'],
    render: (p) => [withFrontmatter({ name: p.id, description: p.description, kind: 'local' }, p.prompt)],
  },
  {
    // https://opencode.ai/docs/agents/
    id: 'opencode',
    label: 'OpenCode agent',
    group: 'coding-agents',
    docs: 'https://opencode.ai/docs/agents/',
    userWide: '~/.config/opencode/agents/',
    paths: ['.opencode/agents/<id>.md'],
    render: (p) => [withFrontmatter({ description: p.description, mode: 'all' }, p.prompt)],
  },
  {
    // https://aider.chat/docs/usage/conventions.html
    id: 'aider',
    label: 'Aider conventions',
    group: 'coding-agents',
    docs: 'https://aider.chat/docs/usage/conventions.html',
    userWide: 'read: CONVENTIONS.md in ~/.aider.conf.yml',
    hint: 'aider --read CONVENTIONS.md',
    paths: ['CONVENTIONS.md'],
    merge: sharedMarkdown(
      '# Personas\n\nEach section below is a persona. When I ask for one by name or id, follow its instructions until I ask you to stop.',
    ),
  },
  {
    // https://qwenlm.github.io/qwen-code-docs/en/users/features/sub-agents/
    id: 'qwen-code',
    label: 'Qwen Code subagent',
    group: 'coding-agents',
    docs: 'https://qwenlm.github.io/qwen-code-docs/en/users/features/sub-agents/',
    userWide: '~/.qwen/agents/',
    paths: ['.qwen/agents/<id>.md'],
    render: (p) => [withFrontmatter({ name: p.id, description: p.description }, p.prompt)],
  },
  {
    // https://moonshotai.github.io/kimi-cli/en/customization/agents.html
    id: 'kimi-code',
    label: 'Kimi Code agent',
    group: 'coding-agents',
    docs: 'https://moonshotai.github.io/kimi-cli/en/customization/agents.html',
    hint: 'kimi --agent-file .kimi/agents/<id>/agent.yaml',
    paths: ['.kimi/agents/<id>/agent.yaml', '.kimi/agents/<id>/system.md'],
    render: (p) => [
      yaml({ version: 1, agent: { extend: 'default', name: p.id, system_prompt_path: './system.md' } }),
      `${body(p.prompt)}\n`,
    ],
  },
  {
    // https://docs.openclaw.ai/concepts/agent-workspace and https://docs.openclaw.ai/reference/templates/IDENTITY.md
    id: 'openclaw',
    label: 'OpenClaw workspace',
    group: 'coding-agents',
    docs: 'https://docs.openclaw.ai/concepts/agent-workspace',
    userWide: '~/.openclaw/workspace-<id>/ (paths here are relative to your home folder)',
    hint: 'openclaw agents add <id> --workspace ~/.openclaw/workspace-<id>',
    paths: ['.openclaw/workspace-<id>/SOUL.md', '.openclaw/workspace-<id>/IDENTITY.md'],
    render: (p) => [
      plainMarkdown(p.prompt),
      `# IDENTITY.md - Who Am I?\n\n- **Name:** ${p.name}\n- **Emoji:** ${p.emoji}\n- **Vibe:** ${p.description}\n`,
    ],
  },
  {
    // https://agentskills.io/specification
    id: 'agent-skills',
    label: 'Agent Skill (SKILL.md)',
    group: 'coding-agents',
    docs: 'https://agentskills.io/specification',
    userWide: '~/.claude/skills/ (Claude Code), ~/.agents/skills/ (Codex)',
    paths: ['.agents/skills/<id>/SKILL.md'],
    render: (p) => [withFrontmatter({ name: p.id, description: p.description }, p.prompt)],
  },
  {
    // https://docs.cursor.com/context/rules
    id: 'cursor',
    label: 'Cursor project rule',
    group: 'ide-assistants',
    docs: 'https://docs.cursor.com/context/rules',
    userWide: 'Cursor Settings → Rules → User Rules',
    // An "agent requested" rule: Cursor reads the description to decide when to apply it.
    paths: ['.cursor/rules/<id>.mdc'],
    render: (p) => [withFrontmatter({ description: p.description, globs: null, alwaysApply: false }, p.prompt)],
  },
  {
    // https://docs.github.com/en/copilot/reference/custom-agents-configuration
    id: 'copilot',
    label: 'GitHub Copilot custom agent',
    group: 'ide-assistants',
    docs: 'https://docs.github.com/en/copilot/reference/custom-agents-configuration',
    userWide: '~/.copilot/agents/',
    paths: ['.github/agents/<id>.agent.md'],
    render: (p) => [withFrontmatter({ name: p.name, description: p.description }, p.prompt)],
  },
  {
    // https://docs.windsurf.com/windsurf/cascade/memories#rules
    id: 'windsurf',
    label: 'Windsurf rule',
    group: 'ide-assistants',
    docs: 'https://docs.windsurf.com/windsurf/cascade/memories#rules',
    userWide: '~/.codeium/windsurf/memories/global_rules.md',
    paths: ['.windsurf/rules/<id>.md'],
    render: (p) => [withFrontmatter({ trigger: 'model_decision', description: p.description }, p.prompt)],
  },
  {
    // https://antigravity.google/docs/rules-workflows
    id: 'antigravity',
    label: 'Antigravity rule',
    group: 'ide-assistants',
    docs: 'https://antigravity.google/docs/rules-workflows',
    userWide: '~/.gemini/GEMINI.md',
    paths: ['.agents/rules/<id>.md'],
    render: (p) => [withFrontmatter({ trigger: 'model_decision', description: p.description }, p.prompt)],
  },
  {
    // https://docs.cline.bot/features/cline-rules
    id: 'cline',
    label: 'Cline rule',
    group: 'ide-assistants',
    docs: 'https://docs.cline.bot/features/cline-rules',
    userWide: '~/Documents/Cline/Rules/',
    paths: ['.clinerules/<id>.md'],
    render: (p) => [plainMarkdown(p.prompt)],
  },
  {
    // https://docs.roocode.com/features/custom-modes
    id: 'roo-code',
    label: 'Roo Code custom mode',
    group: 'ide-assistants',
    docs: 'https://docs.roocode.com/features/custom-modes',
    userWide: 'custom_modes.yaml in Roo Code’s settings folder',
    paths: ['.roomodes'],
    merge: mergeRooModes,
  },
  {
    // https://kiro.dev/docs/steering/
    id: 'kiro',
    label: 'Kiro steering file',
    group: 'ide-assistants',
    docs: 'https://kiro.dev/docs/steering/',
    userWide: '~/.kiro/steering/',
    hint: 'Manual inclusion: mention #<id> in chat to use it.',
    paths: ['.kiro/steering/<id>.md'],
    render: (p) => [withFrontmatter({ inclusion: 'manual' }, p.prompt)],
  },
  {
    // https://docs.continue.dev/customize/deep-dives/rules
    id: 'continue',
    label: 'Continue rule',
    group: 'ide-assistants',
    docs: 'https://docs.continue.dev/customize/deep-dives/rules',
    userWide: '~/.continue/rules/',
    paths: ['.continue/rules/<id>.md'],
    render: (p) => [withFrontmatter({ name: p.name, description: p.description, alwaysApply: false }, p.prompt)],
  },
  {
    // https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html
    id: 'amazon-q',
    label: 'Amazon Q Developer rule',
    group: 'ide-assistants',
    docs: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html',
    paths: ['.amazonq/rules/<id>.md'],
    render: (p) => [plainMarkdown(p.prompt)],
  },
  {
    // https://platform.openai.com/docs/api-reference/chat/create
    id: 'openai',
    label: 'OpenAI chat message (JSON)',
    group: 'api-formats',
    docs: 'https://platform.openai.com/docs/api-reference/chat/create',
    paths: ['<id>.system-message.json'],
    render: (p) => [json({ role: 'system', content: body(p.prompt) })],
  },
  {
    // https://docs.claude.com/en/api/messages
    id: 'anthropic',
    label: 'Anthropic Messages API request (JSON)',
    group: 'api-formats',
    docs: 'https://docs.claude.com/en/api/messages',
    paths: ['<id>.messages-request.json'],
    render: (p) => [
      json({
        model: 'claude-sonnet-4-5',
        max_tokens: 4096,
        system: body(p.prompt),
        messages: [{ role: 'user', content: 'Hello! Briefly introduce yourself and ask what I need.' }],
      }),
    ],
  },
  {
    id: 'text',
    label: 'Plain text',
    group: 'api-formats',
    paths: ['<id>.txt'],
    render: (p) => [`${body(p.prompt)}\n`],
  },
];

/** The published fields of a persona of the site, the JSON API or the command line's catalog, nothing else. */
export function personaFields(persona: Omit<ExportPersona, 'prompt'>): Omit<ExportPersona, 'prompt'> {
  const { id, name, emoji, category, description, worker_affinity, tags } = persona;
  return { id, name, emoji, category, description, worker_affinity, tags };
}

/** The fields an export reads: the published ones and the prompt. */
export function exportPersonaOf(persona: Omit<ExportPersona, 'prompt'>, prompt: string): ExportPersona {
  return { ...personaFields(persona), prompt };
}

/** The targets under their group titles, in registry order, as pages list them. */
export function targetsByGroup(): Array<{ title: string; targets: ExportTarget[] }> {
  return Object.entries(EXPORT_GROUPS).map(([group, title]) => ({ title, targets: EXPORT_TARGETS.filter((t) => t.group === group) }));
}

/** The target with this id, if there is one. */
export function exportTarget(id: string): ExportTarget | undefined {
  return EXPORT_TARGETS.find((target) => target.id === id);
}

const MEDIA_TYPES: Record<string, string> = { md: 'text/markdown', mdc: 'text/markdown', json: 'application/json', txt: 'text/plain' };

/** The media type a file is downloaded as, from its name (YAML files such as .roomodes by default). */
const mediaTypeOf = (path: string) => MEDIA_TYPES[path.split('.').at(-1)!] ?? 'application/yaml';

/** A target's path, user-wide location or hint for one persona: `<id>` stands for its id. */
export const forPersona = (text: string, id: string) => text.replaceAll('<id>', id);

/** Where a target puts one persona's files. */
export function exportPaths(target: ExportTarget, id: string): string[] {
  return target.paths.map((path) => forPersona(path, id));
}

/**
 * The personas' files for a target, in a stable order whatever order they
 * were chosen in. A shared file is merged into `existing`, its current text.
 */
export function exportSet(target: ExportTarget, personas: readonly ExportPersona[], existing?: string): ExportFile[] {
  const sorted = byId(personas);
  const files = isSharedFile(target)
    ? [{ path: target.paths[0], content: target.merge(existing, sorted) }]
    : sorted.flatMap((persona) => {
        const paths = exportPaths(target, persona.id);
        return target.render(persona).map((content, index) => ({ path: paths[index], content }));
      });
  return files.map((file) => ({ ...file, mediaType: mediaTypeOf(file.path) }));
}
