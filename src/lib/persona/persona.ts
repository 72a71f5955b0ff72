import { z } from 'zod';
import { isSingleEmoji } from './emoji.ts';
import { isLicenseExpression, licenseSuggestion } from './license.ts';
import { SLUG_PATTERN } from './slug.ts';

/** Longer descriptions draw a warning: cards and search results show one sentence. */
export const DESCRIPTION_LIMIT = 200;


/** Longest stretch of a value a message quotes: a message is one readable line, whatever the file holds. */
const QUOTE_LIMIT = 80;

/** A value for a message: JSON-quoted, cut to 80 characters with "…". */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const characters = Array.from(text);
  const short = characters.length > QUOTE_LIMIT ? `${characters.slice(0, QUOTE_LIMIT).join('')}…` : text;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

const text = (expected = 'text') =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be ${expected}, got ${typeName(issue.input)}`,
  });

const slug = () =>
  text('a slug').regex(SLUG_PATTERN, {
    error: (issue) => `${quoted(issue.input)} is not a slug: use lowercase letters, digits and hyphens`,
  });

const slugList = (description: string) =>
  z
    .array(slug(), { error: (issue) => `must be a list of slugs, got ${typeName(issue.input)}` })
    .superRefine(
      (list, ctx) => {
        list.forEach((item, index) => {
          if (list.indexOf(item) !== index) {
            ctx.addIssue({ code: 'custom', path: [index], message: `${quoted(item)} is listed twice` });
          }
        });
      },
      // Report repeats even when another item is not a slug: one run, every problem.
      { when: (payload) => Array.isArray(payload.value) },
    )
    .meta({ description, uniqueItems: true })
    .nullish()
    .transform((list) => list ?? []);

/**
 * THE persona frontmatter schema. The content collection, `npm run check`
 * and the published JSON Schema all derive from it. Unknown keys are kept.
 */
export const personaSchema = z.looseObject({
  id: slug().meta({ description: 'Unique lowercase slug (a-z, 0-9, hyphens); the page URL. Usually the file name.' }),
  name: text().trim().min(1, 'must not be empty').meta({ description: 'Display name; any Unicode.' }),
  emoji: text('one emoji')
    .refine(isSingleEmoji, { error: (issue) => `${quoted(issue.input)} is not a single emoji` })
    .meta({ description: 'Exactly one emoji; ZWJ sequences and flags count as one.', examples: ['🔧', '👩‍💻', '🇯🇵'] }),
  category: slug().meta({ description: 'Category slug, e.g. engineering; new categories need no code change.' }),
  description: text('one sentence')
    .trim()
    .min(1, 'must not be empty')
    .meta({ description: `One sentence, under ${DESCRIPTION_LIMIT} characters, on one line.` }),
  worker_affinity: slugList('Kinds of work the persona suits, as slugs: coding, research, writing…'),
  tags: slugList('Topic tags, as slugs.'),
  license: text('an SPDX licence expression')
    .trim()
    .refine(isLicenseExpression, { error: (issue) => `${quoted(issue.input)} is not an SPDX licence expression${licenseSuggestion(String(issue.input))}` })
    .optional()
    .meta({ description: 'The prompt’s licence, as an SPDX expression (MIT, CC-BY-4.0, Apache-2.0 OR MIT). Default: the catalog’s "license" setting.', examples: ['MIT', 'CC0-1.0'] }),
  author: z
    // A manifest's { name, email, url } (package.json, plugin.json) names its author too.
    .union([z.string().trim().min(1), z.looseObject({ name: z.string().trim().min(1) }).transform((author) => author.name)], {
      error: (issue) => `must be a name, or a mapping with a name, got ${typeName(issue.input)}`,
    })
    .optional()
    .meta({ description: 'Who wrote the prompt: a name, or a mapping with a `name` (as package.json writes it). Default: the catalog’s "author" setting.' }),
  source: z
    .url({ protocol: /^https?$/, error: (issue) => `${quoted(issue.input)} must be an absolute http(s) URL` })
    .optional()
    .meta({ description: 'Where the prompt comes from (an http(s) URL). Default: the catalog’s "source" setting.' }),
});

export type Persona = z.infer<typeof personaSchema>;

/** Sizes a catalog may send for one persona's fields: a deployed catalog may be anyone's. */
export const PUBLISHED_LIMITS = { text: 2000, listItems: 200 } as const;

/**
 * A persona as a catalog publishes it (its JSON API): the same schema, with
 * every size bounded. The command line and the MCP server read catalogs
 * through it before any value is used.
 */
export const publishedPersonaSchema = personaSchema.superRefine((persona, ctx) => {
  for (const field of ['name', 'description'] as const) {
    if (persona[field].length > PUBLISHED_LIMITS.text) ctx.addIssue({ code: 'custom', path: [field], message: `is over ${PUBLISHED_LIMITS.text} characters` });
  }
  for (const field of ['tags', 'worker_affinity'] as const) {
    if (persona[field].length > PUBLISHED_LIMITS.listItems) ctx.addIssue({ code: 'custom', path: [field], message: `lists over ${PUBLISHED_LIMITS.listItems} items` });
  }
});

/** Where a persona comes from and under what terms: optional fields every face shows and every export carries. */
export const PROVENANCE_FIELDS = ['license', 'author', 'source'] as const;
export type Provenance = Pick<Persona, (typeof PROVENANCE_FIELDS)[number]>;

/** The fields a persona carries beyond ours (tools, model, color…): kept, and written back by the exports of tools that use them. */
export function extraFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !(key in personaSchema.shape)));
}
