import { fillPrompt } from '../../lib/prompt/promptVariables.ts';
import { fillInValues, LANG_OPTION, languageOf, UsageError, VAR_OPTION, type Command } from '../command.ts';

export const show: Command = {
  name: 'show',
  usage: '<id> [--lang <code>] [--json] [--var name=value]…',
  summary: 'Print a persona’s prompt exactly as written (or its JSON)',
  details:
    'The prompt goes to stdout byte for byte, with nothing added: persona-atlas show sr-backend > prompt.md. --var topic=value fills a {{topic}} placeholder (repeat it for more); placeholders without a value stay as written. --lang de prints the persona’s German translation instead, byte for byte.',
  options: { json: { type: 'boolean' }, ...VAR_OPTION, ...LANG_OPTION },
  async run({ values, positionals, catalog, out }) {
    if (positionals.length !== 1) throw new UsageError('show takes one persona id, e.g. persona-atlas show sr-backend');
    const { persona, json } = await catalog().get(positionals[0], languageOf(values));
    out(values.json ? `${JSON.stringify(json, null, 2)}\n` : fillPrompt(persona.prompt, fillInValues(values)));
  },
};
