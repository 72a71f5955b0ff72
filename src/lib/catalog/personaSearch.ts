import type { ExportPersona } from '../formats/format.ts';

type Searchable = Omit<ExportPersona, 'prompt'> & { prompt?: string };

/**
 * Word search over personas, for the command line and the MCP server where a
 * catalog has no search index of its own (a folder of persona files), or one
 * this client cannot read. Every word must match one of the fields; matches in
 * more telling fields rank higher, the prompt (when there is one) lowest.
 */
const FIELD_WEIGHTS: ReadonlyArray<[string, number, (persona: Searchable) => string[]]> = [
  ['id', 6, (p) => [p.id]],
  ['name', 6, (p) => [p.name]],
  ['tags', 4, (p) => p.tags],
  ['category', 3, (p) => [p.category]],
  ['affinity', 2, (p) => p.worker_affinity],
  ['description', 2, (p) => [p.description]],
  ['prompt', 1, (p) => (p.prompt === undefined ? [] : [p.prompt])],
];

const normalize = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string) => normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function score(persona: Searchable, words: readonly string[]): number {
  let total = 0;
  for (const word of words) {
    let best = 0;
    for (const [, weight, values] of FIELD_WEIGHTS) {
      for (const value of values(persona)) {
        const valueWords = wordsOf(value);
        // A whole word counts double a word that only starts with the query.
        const points = valueWords.includes(word) ? 2 * weight : valueWords.some((w) => w.startsWith(word)) ? weight : 0;
        best = Math.max(best, points);
      }
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

export interface SearchOptions {
  category?: string;
  tag?: string;
}

/** Personas matching every word (and the filters), best first; ties by id. */
export function searchPersonas<T extends Searchable>(personas: readonly T[], query: string, options: SearchOptions = {}): T[] {
  const words = wordsOf(query);
  return personas
    .filter((p) => (!options.category || p.category === options.category) && (!options.tag || p.tags.includes(options.tag)))
    .map((persona) => ({ persona, score: words.length ? score(persona, words) : 1 }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || (a.persona.id < b.persona.id ? -1 : 1))
    .map(({ persona }) => persona);
}
