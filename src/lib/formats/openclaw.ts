// https://docs.openclaw.ai/concepts/agent-workspace and https://docs.openclaw.ai/reference/templates/IDENTITY.md
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { plainMarkdown, plainPrompt } from './shared.ts';

const DOCS = 'https://docs.openclaw.ai/concepts/agent-workspace';

export const target: PerPersonaTarget = {
  id: 'openclaw',
  label: 'OpenClaw workspace',
  group: 'coding-agents',
  docs: DOCS,
  userWide: '~/.openclaw/workspace-<id>/ (paths here are relative to your home folder)',
  hint: 'openclaw agents add <id> --workspace ~/.openclaw/workspace-<id>',
  paths: ['.openclaw/workspace-<id>/SOUL.md', '.openclaw/workspace-<id>/IDENTITY.md'],
  render: (p) => [plainMarkdown(p.prompt), `# IDENTITY.md - Who Am I?\n\n- **Name:** ${p.name}\n- **Emoji:** ${p.emoji}\n- **Vibe:** ${p.description}\n`],
};

/** A field of IDENTITY.md's list; lines end at \n only (a name may hold U+2028). */
const identityField = (text: string, field: string) => new RegExp(`^- \\*\\*${field}:\\*\\* ([^\\n]*)$`, 'm').exec(text)?.[1];

/** A workspace folder: SOUL.md is the prompt, IDENTITY.md the name, emoji and vibe; `workspace-<id>` the id. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path, sibling }) => /(^|\/)SOUL\.md$/.test(path) && sibling('IDENTITY.md') !== undefined,
  read: ({ path, text, sibling }) => {
    const identity = sibling('IDENTITY.md') ?? '';
    const folder = path.split('/').at(-2) ?? '';
    return {
      personas: [
        {
          id: folder.replace(/^workspace-/, '') || undefined,
          name: identityField(identity, 'Name'),
          emoji: identityField(identity, 'Emoji'),
          description: identityField(identity, 'Vibe'),
          prompt: plainPrompt(text),
          extra: {},
        },
      ],
      uses: ['IDENTITY.md'],
    };
  },
};
