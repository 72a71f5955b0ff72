import { SEARCHED_FIELDS, searchPersonas } from '../../lib/personaSearch.ts';
import { personaLine, UsageError, type Command } from '../command.ts';

export const search: Command = {
  name: 'search',
  usage: '<words…> [--category <slug>] [--tag <slug>]',
  summary: 'Find personas, best match first',
  details: `Every word must match a persona's ${SEARCHED_FIELDS.join(', ')}; whole words and matches in the id, name and tags rank highest. Prints one persona per line: id, emoji and name, category (tab-separated).`,
  options: { category: { type: 'string' }, tag: { type: 'string' } },
  async run({ values, positionals, catalog, out }) {
    if (positionals.length === 0) throw new UsageError('search needs words to look for, e.g. persona-atlas search kafka');
    const matches = searchPersonas(await catalog().list(), positionals.join(' '), {
      category: values.category as string | undefined,
      tag: values.tag as string | undefined,
    });
    if (matches.length === 0) process.stderr.write(`No persona matches ${JSON.stringify(positionals.join(' '))}.\n`);
    for (const persona of matches) out(`${personaLine(persona)}\n`);
  },
};
