import { LANG_OPTION, languageOf, personaLine, UsageError, type Command } from '../command.ts';

const DEFAULT_LIMIT = 20;

export const search: Command = {
  name: 'search',
  usage: '<words…> [--category <slug>] [--tag <slug>] [--limit <n>] [--lang <code>]',
  summary: 'Find personas as the catalog’s own search does, best first',
  details: `A deployed catalog or a built dist/ is searched through its own search index, exactly as its website searches: the whole prompt, word forms (stemming) and the site's order. A folder of persona files is searched word by word in id, name, tags, category, affinities, description and prompt. Prints the best ${DEFAULT_LIMIT} (or --limit) one per line: id, emoji and name, category (tab-separated). --lang de searches the personas as the German list shows them: their translations' names and descriptions (and prompts, in a folder of persona files), else the originals.`,
  options: { category: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' }, ...LANG_OPTION },
  async run({ values, positionals, catalog, out }) {
    if (positionals.length === 0) throw new UsageError('search needs words to look for, e.g. persona-atlas search kafka');
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a whole number above 0, got ${JSON.stringify(values.limit)}`);
    const query = positionals.join(' ');
    const filters = { category: values.category as string | undefined, tag: values.tag as string | undefined };
    const answer = await catalog().search(query, { ...filters, limit, lang: languageOf(values) });
    if (answer.note) process.stderr.write(`note: ${answer.note}\n`);
    if (answer.total === 0) process.stderr.write(`No persona matches ${JSON.stringify(query)}.\n`);
    for (const persona of answer.personas) out(`${personaLine(persona)}\n`);
    if (answer.total > answer.personas.length) process.stderr.write(`${answer.total - answer.personas.length} more; --limit ${answer.total} shows them all.\n`);
  },
};
