import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isSingleEmoji } from '../persona/emoji.ts';
import { describeHidden, findHiddenCharacters, parseCodePoint, textPosition } from '../persona/hiddenCharacters.ts';
import { marketplaceNameProblem } from '../catalog/catalogLinks.ts';
import { personaSchema } from '../persona/persona.ts';
import { SLUG_PATTERN } from '../persona/slug.ts';
import { contrastProblem, isCssColor, type Theme } from './brand.ts';

/**
 * A catalog's settings: one JSON file next to its persona files, so a
 * collection repository carries its own. One zod schema checks it (and is
 * published as JSON Schema); this module is the only reader. Environment
 * variables (SITE_TITLE, SITE_TAGLINE and the others in siteConfig.ts) win.
 */
export const SETTINGS_FILE = 'persona-atlas.json';
/** The older lint settings file, still read when the settings file has no `lint`. */
export const LEGACY_LINT_FILE = 'persona-lint.json';
/** The catalog's own pages, beside the settings: pages/<slug>.md and pages/<lang>/<slug>.md. */
export const PAGES_FOLDER = 'pages';

/** Whether a catalog has pages of its own: pages/ beside its settings file. */
export const hasSitePages = (dir: string) => existsSync(join(dir, SETTINGS_FILE)) && existsSync(join(dir, PAGES_FOLDER));

/** A logo image: a plain file name beside the settings, so no setting reaches another folder. */
const LOGO_FILE = /^[\w-][\w.-]*\.(svg|png|webp|avif|jpe?g|gif)$/i;
export const isLogoFile = (logo: string) => LOGO_FILE.test(logo) && !isSingleEmoji(logo);

const webUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const accentColor = (theme: Theme) =>
  z
    .string()
    .refine(isCssColor, { error: (issue) => `${JSON.stringify(issue.input)} is not a CSS colour such as #0f766e, rgb(15 118 110) or teal` })
    .superRefine((color, context) => {
      const problem = isCssColor(color) ? contrastProblem(color, theme) : undefined;
      if (problem) context.addIssue({ code: 'custom', message: `${color} ${problem}` });
    });

/** The seed's sections (personas/sr-backend.md): an opening paragraph, then these headings. */
const DEFAULT_SECTIONS = ['Expertise', 'Communication Style', 'Workflow Patterns', 'Key Principles'];

const slug = z.string().regex(SLUG_PATTERN, 'must be a slug: lowercase letters, digits and hyphens');

const lintSettingsSchema = z
  .strictObject({
    recommendedSections: z
      .union(
        [
          z.literal(false),
          z.strictObject({
            openingParagraph: z.boolean().default(true),
            headings: z.array(z.string().trim().min(1)).default(DEFAULT_SECTIONS),
          }),
        ],
        { error: 'must be false or { "openingParagraph": true, "headings": […] } (a list of section titles)' },
      )
      .default({ openingParagraph: true, headings: DEFAULT_SECTIONS })
      .meta({ description: 'Sections every prompt should have (npm run check warns when one is missing); false turns the rule off.' }),
  })
  .meta({ description: 'Prompt lint settings.' });

export type LintSettings = z.infer<typeof lintSettingsSchema>;

/** A BCP 47 language code as Intl writes it: de, ja, ar, pt-BR. */
const languageCode = z.string().refine(
  (code) => {
    try {
      return Intl.getCanonicalLocales(code)[0] === code;
    } catch {
      return false;
    }
  },
  { error: (issue) => `${JSON.stringify(issue.input)} is not a language code such as de, ja or pt-BR` },
);

/** A facet's names per language, for the pages in those languages. */
const facetLabels = (what: string) =>
  z
    .record(languageCode, z.string().trim().min(1))
    .optional()
    .meta({ description: `Display name of the ${what} per language, by language code ({ "de": "…", "ja": "…" }); a language without one uses the interface's shipped name for a common slug, else label.` });

const categorySettingsSchema = z.strictObject({
  emoji: z.string().refine(isSingleEmoji, 'must be a single emoji').optional().meta({ description: 'Emoji for personas of this category whose source has none.' }),
  label: z.string().trim().min(1).optional().meta({ description: 'Display name of the category (default: its slug in title case).' }),
  labels: facetLabels('category'),
  description: z.string().trim().min(1).optional().meta({ description: 'One sentence shown on the category page.' }),
  order: z.number().int().optional().meta({ description: 'Place among categories: lower first; categories without one follow, by label.' }),
});

const catalogSettingsSchema = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().trim().min(1).default('Persona Atlas').meta({ description: 'Site title.' }),
  tagline: z.string().trim().min(1).default('System prompts for AI assistants, ready to copy.').meta({ description: 'One line under the title.' }),
  defaultCategory: slug.optional().meta({ description: 'Category of personas whose source and folder name none (default: general).' }),
  categories: z.record(slug, categorySettingsSchema).default({}).meta({ description: 'Per-category defaults, by category slug.' }),
  affinities: z
    .record(
      slug,
      z.strictObject({
        label: z.string().trim().min(1).optional().meta({ description: 'Display name of the worker affinity (default: its slug in title case).' }),
        labels: facetLabels('worker affinity'),
      }),
    )
    .default({})
    .meta({ description: 'Names of worker affinities, by slug.' }),
  lint: lintSettingsSchema.optional(),
  include: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Glob patterns (picomatch: **, *, {a,b}) relative to this folder: only matching files are read. Default: every file.' }),
  exclude: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Glob patterns relative to this folder: matching files are left out before any reader (scripts, notes, package.json).' }),
  languages: z
    .array(languageCode)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'lists a language twice')
    .optional()
    .meta({ description: 'The catalog’s languages, the default first: translations sit in a folder named after their language (de/<id>.md). Without it the catalog has one language, or the languages its layout has translations in (a LobeHub repository).' }),
  logo: z
    .string()
    // "./logo.svg" names the same file as "logo.svg".
    .transform((logo) => logo.replace(/^\.\//, ''))
    .refine((logo) => isSingleEmoji(logo) || isLogoFile(logo), 'must be one emoji, or the name of an image file (.svg, .png, .webp, .avif, .jpg, .gif) beside persona-atlas.json')
    .optional()
    .meta({ description: 'The mark beside the title: one emoji, or an image file beside this file (logo.svg). Default: 🧭.' }),
  accentColor: accentColor('light')
    .optional()
    .meta({ description: 'CSS colour of links, buttons and focus rings in the light theme; it must reach 4.5:1 contrast on the page background.' }),
  accentColorDark: accentColor('dark')
    .optional()
    .meta({ description: 'The accent in the dark theme (4.5:1 on its background). Default: accentColor made light enough.' }),
  links: z
    .array(z.strictObject({ label: z.string().trim().min(1), url: webUrl }))
    .optional()
    .meta({ description: 'Links shown in the header and footer, such as the collection’s repository: [{ "label": "GitHub", "url": "https://…" }].' }),
  editUrl: webUrl
    .optional()
    .meta({ description: 'Base of each persona’s “Edit this persona” link: its file’s path below this folder is added (https://github.com/you/prompts/edit/main/personas/).' }),
  marketplace: z
    .union([z.literal(false), z.string().superRefine((name, ctx) => {
      const problem = marketplaceNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(name)} ${problem}` });
    })])
    .optional()
    .meta({
      description:
        'The Claude Code plugin marketplace every build for an https SITE_URL publishes at /.claude-plugin/marketplace.json: its name (kebab-case; default: the title as a slug), or false to publish neither it nor the Agent Skills index at /.well-known/agent-skills/index.json.',
    }),
  license: personaSchema.shape.license.meta({ description: 'Licence of the personas that name none, as an SPDX expression (MIT, CC0-1.0): shown on their pages, in the API and in every export that can carry it.' }),
  author: personaSchema.shape.author.meta({ description: 'Author of the personas that name none.' }),
  source: personaSchema.shape.source.meta({ description: 'Where the personas that name none come from: the collection’s repository or site (an http(s) URL).' }),
  allowHiddenCharacters: z
    .record(slug, z.array(z.string().refine((name) => parseCodePoint(name) !== undefined, 'must be a code point written as U+200B')))
    .optional()
    .meta({
      description:
        'Invisible characters a persona may carry on purpose, by persona id: { "zero-width-demo": ["U+200B"] }. check and the build accept them for that persona only; its page shows each as a visible mark with its code point, and copying stays byte-exact. The command line and MCP server still refuse error-level ones.',
    }),
});

export type CatalogSettings = Omit<z.infer<typeof catalogSettingsSchema>, 'lint'> & { lint: LintSettings };

export interface SettingsProblem {
  file: string;
  line: number;
  column: number;
  key: string;
  message: string;
  /** Settings problems are errors but for a stray invisible character. */
  severity?: 'warning';
}

/** Line and column of a character offset. */
/** Where a key path sits in the JSON text: the last key's first occurrence after its parents'. */
function keyPosition(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  let offset = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const found = text.indexOf(JSON.stringify(key), offset);
    if (found >= 0) offset = found;
  }
  return textPosition(text, offset);
}

/** Hidden characters in a settings file: its title and tagline reach every page. */
function hiddenInSettings(file: string, text: string): SettingsProblem[] {
  return findHiddenCharacters(text).map((finding) => ({
    file,
    ...textPosition(text, finding.index),
    key: 'text',
    message: describeHidden(finding),
    ...(finding.severity === 'warning' && { severity: 'warning' as const }),
  }));
}

/** Parses one settings file; problems name its line and key. */
function parseSettingsFile(file: string, text: string, schema: z.ZodType): { value?: unknown; problems: SettingsProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    return { problems: [{ file, ...textPosition(text, at ? Number(at[1]) : 0), key: 'settings', message: `is not valid JSON (${message.replace(/^[^:]*: /, '')})` }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      // An unknown key is found where it is written; a bad record key says what a key must be.
      const unknown = issue.code === 'unrecognized_keys' ? issue.keys : [];
      return {
        file,
        ...keyPosition(text, [...issue.path, ...unknown.slice(0, 1)]),
        key: issue.path.join('.') || 'settings',
        message: unknown.length
          ? `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}`
          : issue.code === 'invalid_key'
            ? (issue.issues[0]?.message ?? issue.message)
            : issue.message,
      };
    }),
  };
}

/** The catalog's settings (defaults where absent) and every problem its files have; a bad file's values are not used. */
export function readCatalogSettings(dir: string, shownDir = dir): { settings: CatalogSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const read = (name: string, schema: z.ZodType) => {
    const path = join(dir, name);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    const result = parseSettingsFile(join(shownDir, name), text, schema);
    problems.push(...result.problems, ...hiddenInSettings(join(shownDir, name), text));
    return result.value;
  };
  const main = (read(SETTINGS_FILE, catalogSettingsSchema) ?? catalogSettingsSchema.parse({})) as z.infer<typeof catalogSettingsSchema>;
  const lint = main.lint ?? ((read(LEGACY_LINT_FILE, lintSettingsSchema) ?? lintSettingsSchema.parse({})) as LintSettings);
  if (main.logo && isLogoFile(main.logo) && !existsSync(join(dir, main.logo))) {
    const file = join(shownDir, SETTINGS_FILE);
    problems.push({ file, ...keyPosition(readFileSync(join(dir, SETTINGS_FILE), 'utf8'), ['logo']), key: 'logo', message: `no file ${main.logo} beside ${SETTINGS_FILE}` });
  }
  return { settings: { ...main, lint }, problems };
}

export const DEFAULT_LINT_SETTINGS: LintSettings = lintSettingsSchema.parse({});

/** JSON Schema of persona-atlas.json, derived from the one settings schema for editors (`"$schema"` in the file). */
export function settingsJsonSchema(id: string): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogSettingsSchema, { io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: id, title: 'Persona Atlas catalog settings (persona-atlas.json)' };
}
