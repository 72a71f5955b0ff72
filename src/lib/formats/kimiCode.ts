// https://moonshotai.github.io/kimi-cli/en/customization/agents.html
import { parse } from 'yaml';
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { body, yaml } from './shared.ts';

const DOCS = 'https://moonshotai.github.io/kimi-cli/en/customization/agents.html';

/**
 * Kimi fills its system prompt with Python's string.Template, which fails on a
 * `$name` or `${name}` it does not know and takes `$$` for one `$`. Every `$`
 * of a prompt is written doubled, so Kimi reads the prompt as written; reading
 * halves them again.
 */
const escapeDollars = (text: string) => text.replaceAll('$', '$$$$');
const unescapeDollars = (text: string) => text.replaceAll('$$', '$');

export const target: PerPersonaTarget = {
  id: 'kimi-code',
  label: 'Kimi Code agent',
  group: 'coding-agents',
  docs: DOCS,
  hint: 'kimi --agent-file .kimi/agents/<id>/agent.yaml',
  paths: ['.kimi/agents/<id>/agent.yaml', '.kimi/agents/<id>/system.md'],
  render: (p) => [yaml({ version: 1, agent: { extend: 'default', name: p.id, system_prompt_path: './system.md' } }), `${escapeDollars(body(p.prompt))}\n`],
};

/** An agent.yaml and the system prompt file it names, beside it. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path, text }) => /(^|\/)agent\.ya?ml$/.test(path) && /^agent:/m.test(text),
  read: ({ text, sibling }) => {
    const spec = parse(text) as { agent?: { name?: unknown; system_prompt_path?: unknown } } | null;
    const promptPath = typeof spec?.agent?.system_prompt_path === 'string' ? spec.agent.system_prompt_path.replace(/^\.\//, '') : undefined;
    const prompt = promptPath === undefined ? undefined : sibling(promptPath);
    if (prompt === undefined) return { personas: [] };
    return { personas: [{ id: spec?.agent?.name, prompt: unescapeDollars(prompt), extra: {} }], uses: [promptPath!] };
  },
};
