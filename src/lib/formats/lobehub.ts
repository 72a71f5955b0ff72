// https://github.com/lobehub/lobe-chat-agents (agent-template.json): one JSON
// file per agent, `identifier`, `meta.{title, description, avatar, tags,
// category}`, `config.systemRole`; `<id>.<lang>.json` beside `<id>.json` is a
// translation, and without `<id>.json` an agent first written in that language.
import type { FormatReader } from './format.ts';
import { withoutKeys } from './shared.ts';

const DOCS = 'https://github.com/lobehub/lobe-chat-agents';
const LANG_FILE = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\.json$/;

interface LobeAgent {
  identifier?: unknown;
  meta?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

const isAgent = (value: unknown): value is LobeAgent =>
  typeof value === 'object' && value !== null && typeof (value as LobeAgent).config?.systemRole === 'string';

export const reader: FormatReader = {
  id: 'lobehub',
  label: 'LobeHub agent (JSON)',
  docs: DOCS,
  detect: ({ path, text }) => path.endsWith('.json') && /"systemRole"\s*:/.test(text) && /"meta"\s*:/.test(text),
  read: ({ path, text, sibling }) => {
    const agent: unknown = JSON.parse(text);
    if (!isAgent(agent)) return { personas: [] };
    const name = path.split('/').at(-1)!;
    const lang = LANG_FILE.exec(name);
    const translated = lang !== null && sibling(`${lang[1]}.json`) !== undefined;
    const meta = agent.meta ?? {};
    const rest = withoutKeys(agent as Record<string, unknown>, ['identifier', 'meta', 'config', 'schemaVersion']);
    return {
      personas: [
        {
          id: agent.identifier,
          name: meta.title,
          description: meta.description,
          emoji: meta.avatar,
          tags: meta.tags,
          category: meta.category,
          prompt: agent.config!.systemRole as string,
          extra: { ...withoutKeys(agent.config!, ['systemRole']), ...rest, ...(lang && !translated ? { lang: lang[2] } : {}) },
          translationOf: translated ? { lang: lang[2], original: `${lang[1]}.json` } : undefined,
        },
      ],
    };
  },
};
