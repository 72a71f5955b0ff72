// https://github.com/lobehub/lobe-chat-agents (agent-template.json): one JSON
// file per agent, `identifier`, `meta.{title, description, avatar, tags,
// category}`, `config.systemRole`; `<id>.<lang>.json` beside `<id>.json` is a
// translation, and without `<id>.json` an agent first written in that language.
import type { FormatReader, SourcePersona } from './format.ts';
import { withoutKeys } from './shared.ts';

export const DOCS = 'https://github.com/lobehub/lobe-chat-agents';
/** `<stem>.<lang>.json`: an agent (or its translation) in a language. */
export const LANG_FILE = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\.json$/;

interface LobeAgent {
  identifier?: unknown;
  meta?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

const isAgent = (value: unknown): value is LobeAgent =>
  typeof value === 'object' && value !== null && typeof (value as LobeAgent).config?.systemRole === 'string';

/** Whether a JSON text looks like a LobeHub agent (told without parsing it). */
export const looksLikeAgent = (text: string) => /"systemRole"\s*:/.test(text) && /"meta"\s*:/.test(text);

/** An agent's JSON as a persona, before derivation; undefined when it is no agent (throws on JSON that does not parse). */
export function agentPersona(text: string): SourcePersona | undefined {
  const agent: unknown = JSON.parse(text);
  if (!isAgent(agent)) return undefined;
  const meta = agent.meta ?? {};
  const rest = withoutKeys(agent as Record<string, unknown>, ['identifier', 'meta', 'config', 'schemaVersion']);
  return {
    id: agent.identifier,
    name: meta.title,
    description: meta.description,
    emoji: meta.avatar,
    tags: meta.tags,
    category: meta.category,
    prompt: agent.config!.systemRole as string,
    extra: { ...withoutKeys(agent.config!, ['systemRole']), ...rest },
  };
}

export const reader: FormatReader = {
  id: 'lobehub',
  label: 'LobeHub agent (JSON)',
  docs: DOCS,
  detect: ({ path, text }) => path.endsWith('.json') && looksLikeAgent(text),
  read: ({ path, text, sibling }) => {
    const persona = agentPersona(text);
    if (!persona) return { personas: [] };
    const lang = LANG_FILE.exec(path.split('/').at(-1)!);
    const translated = lang !== null && sibling(`${lang[1]}.json`) !== undefined;
    if (translated) return { personas: [{ ...persona, translationOf: { lang: lang[2], original: `${lang[1]}.json` } }] };
    return { personas: [lang ? { ...persona, extra: { ...persona.extra, lang: lang[2] } } : persona] };
  },
};
