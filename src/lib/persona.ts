import { z } from 'zod';
import { isSingleEmoji } from './emoji.ts';

/** Lowercase letters, digits and inner hyphens: safe as a URL segment. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

const quoted = (value: unknown) => JSON.stringify(value);

function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return `a ${typeof value}`;
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

const slugList = () =>
  z
    .array(slug(), { error: (issue) => `must be a list of slugs, got ${typeName(issue.input)}` })
    .nullish()
    .transform((list) => list ?? [])
    .superRefine((list, ctx) => {
      list.forEach((item, index) => {
        if (list.indexOf(item) !== index) {
          ctx.addIssue({ code: 'custom', path: [index], message: `${quoted(item)} is listed twice` });
        }
      });
    });

/**
 * THE persona frontmatter schema. The content collection, `npm run check`
 * and the published JSON Schema all derive from it. Unknown keys are kept.
 */
export const personaSchema = z.looseObject({
  id: slug(),
  name: text().trim().min(1, 'must not be empty'),
  emoji: text('one emoji').refine(isSingleEmoji, {
    error: (issue) => `${quoted(issue.input)} is not a single emoji`,
  }),
  category: slug(),
  description: text('one sentence').trim().min(1, 'must not be empty'),
  worker_affinity: slugList(),
  tags: slugList(),
});

export type Persona = z.infer<typeof personaSchema>;

/** The frontmatter keys the schema knows, in the order authors write them. */
export const PERSONA_FIELDS = Object.keys(personaSchema.shape);
