import { searchPersonas } from '../../lib/catalog/personaSearch.ts';
import { personaLine, type Command } from '../command.ts';

export const list: Command = {
  name: 'list',
  usage: '[--category <slug>] [--tag <slug>]',
  summary: 'List personas by id, optionally one category or tag',
  options: { category: { type: 'string' }, tag: { type: 'string' } },
  async run({ values, catalog, out }) {
    const personas = searchPersonas(await catalog().list(), '', {
      category: values.category as string | undefined,
      tag: values.tag as string | undefined,
    });
    for (const persona of personas) out(`${personaLine(persona)}\n`);
  },
};
