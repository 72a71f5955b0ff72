// Files for model APIs and plain text: the prompt alone, the file name its id.
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { body, fileStem, json } from './shared.ts';

/** A JSON file whose one string field holds the prompt. */
function jsonReader(id: string, label: string, docs: string, ending: string, promptOf: (value: Record<string, unknown>) => unknown): FormatReader {
  return {
    id,
    label,
    docs,
    detect: ({ path }) => path.endsWith(ending),
    read: ({ path, text }) => {
      const prompt = promptOf(JSON.parse(text) as Record<string, unknown>);
      return { personas: typeof prompt === 'string' ? [{ id: fileStem(path, ending), prompt, extra: {} }] : [] };
    },
  };
}

// https://platform.openai.com/docs/api-reference/chat/create
const OPENAI_DOCS = 'https://platform.openai.com/docs/api-reference/chat/create';
export const openai = {
  target: {
    id: 'openai',
    label: 'OpenAI chat message (JSON)',
    group: 'api-formats',
    docs: OPENAI_DOCS,
    paths: ['<id>.system-message.json'],
    render: (p) => [json({ role: 'system', content: body(p.prompt) })],
  } satisfies PerPersonaTarget,
  reader: jsonReader('openai', 'OpenAI chat message (JSON)', OPENAI_DOCS, '.system-message.json', (value) => value.content),
};

// https://docs.claude.com/en/api/messages
const ANTHROPIC_DOCS = 'https://docs.claude.com/en/api/messages';
export const anthropic = {
  target: {
    id: 'anthropic',
    label: 'Anthropic Messages API request (JSON)',
    group: 'api-formats',
    docs: ANTHROPIC_DOCS,
    paths: ['<id>.messages-request.json'],
    render: (p) => [
      json({
        model: 'claude-sonnet-4-5',
        max_tokens: 4096,
        system: body(p.prompt),
        messages: [{ role: 'user', content: 'Hello! Briefly introduce yourself and ask what I need.' }],
      }),
    ],
  } satisfies PerPersonaTarget,
  reader: jsonReader('anthropic', 'Anthropic Messages API request (JSON)', ANTHROPIC_DOCS, '.messages-request.json', (value) => value.system),
};

export const text = {
  target: { id: 'text', label: 'Plain text', group: 'api-formats', paths: ['<id>.txt'], render: (p) => [`${body(p.prompt)}\n`] } satisfies PerPersonaTarget,
  reader: {
    id: 'text',
    label: 'Plain text',
    detect: ({ path }) => path.endsWith('.txt'),
    read: ({ path, text }) => ({ personas: [{ id: fileStem(path, '.txt'), prompt: text, extra: {} }] }),
  } satisfies FormatReader,
};
