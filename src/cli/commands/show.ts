import { UsageError, type Command } from '../command.ts';

export const show: Command = {
  name: 'show',
  usage: '<id> [--json]',
  summary: 'Print a persona’s prompt exactly as written (or its JSON)',
  details: 'The prompt goes to stdout byte for byte, with nothing added: persona-atlas show sr-backend > prompt.md',
  options: { json: { type: 'boolean' } },
  async run({ values, positionals, catalog, out }) {
    if (positionals.length !== 1) throw new UsageError('show takes one persona id, e.g. persona-atlas show sr-backend');
    const { persona, json } = await catalog().get(positionals[0]);
    out(values.json ? `${JSON.stringify(json, null, 2)}\n` : persona.prompt);
  },
};
