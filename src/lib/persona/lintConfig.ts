import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The lint settings file a maintainer may put next to the persona files. */
export const LINT_CONFIG_FILE = 'persona-lint.json';

/** The seed's sections (personas/sr-backend.md): an opening paragraph, then these headings. */
export const DEFAULT_SECTIONS = ['Expertise', 'Communication Style', 'Workflow Patterns', 'Key Principles'];

const configSchema = z
  .object({
    /** Sections every prompt should have; `false` turns the rule off. */
    recommendedSections: z
      .union(
        [
        z.literal(false),
        z
          .object({
            openingParagraph: z.boolean().default(true),
            headings: z.array(z.string().trim().min(1)).default(DEFAULT_SECTIONS),
          })
          .strict(),
        ],
        { error: 'must be false or { "openingParagraph": true, "headings": […] } (a list of section titles)' },
      )
      .default({ openingParagraph: true, headings: DEFAULT_SECTIONS }),
  })
  .strict();

export type LintConfig = z.infer<typeof configSchema>;

export const DEFAULT_LINT_CONFIG: LintConfig = configSchema.parse({});

/** The folder's lint settings, or the defaults; a bad file is reported and the defaults used. */
export function readLintConfig(dir: string): { config: LintConfig; problem?: string } {
  const path = join(dir, LINT_CONFIG_FILE);
  if (!existsSync(path)) return { config: DEFAULT_LINT_CONFIG };
  try {
    const parsed = configSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { config: parsed.data };
    const issue = parsed.error.issues[0];
    return { config: DEFAULT_LINT_CONFIG, problem: `${issue.path.join('.') || 'settings'}: ${issue.message}` };
  } catch (error) {
    return { config: DEFAULT_LINT_CONFIG, problem: `is not valid JSON (${(error as Error).message})` };
  }
}
