import { isSingleEmoji } from '../persona/emoji.ts';
import { licenseFromSource } from '../persona/license.ts';
import { SLUG_PATTERN } from '../persona/slug.ts';
import { labelFromSlug, slugify } from '../persona/slugify.ts';
import type { SourcePersona } from './format.ts';
import { cutAtWord } from './shared.ts';

/**
 * The derivation rules, in one place: how a persona read from another format
 * gets the fields our format requires. the documentation's "Import a collection" page (src/content/docs/import.mdx) lists
 * them for maintainers.
 */

/** The emoji of a persona whose source has none and whose category sets none. */
const DEFAULT_EMOJI = '🤖';
/** The category of a persona whose source and folder give none and whose settings set none. */
const DEFAULT_CATEGORY = 'general';
/** Derived descriptions are cut at a word before this many characters. */
const DESCRIPTION_CUT = 160;

export interface DerivationSettings {
  defaultCategory?: string;
  /** Per-category defaults; only `emoji` matters here. */
  categories?: Record<string, { emoji?: string }>;
  /** The category of every persona, whatever its source says (`import --category`). */
  category?: string;
  /** The emoji of personas whose source has none, before the category's (`import --emoji`). */
  emoji?: string;
}

/** What was derived rather than read, by kind: `npm run check` reports one line per kind. */
export type DerivationKind =
  | 'id from the name or file name'
  | 'name from the id'
  | 'category from the folder'
  | 'category by default'
  | 'emoji given its emoji presentation'
  | 'emoji by default'
  | 'description from the prompt'
  | 'tags made slugs'
  | 'frontmatter read line by line (not valid YAML)';

export interface DerivedPersona {
  /** Our frontmatter: the required fields, then every extra field of the source. */
  data: Record<string, unknown>;
  prompt: string;
  derived: DerivationKind[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** A folder's name as a category: a slug without a leading ordinal (`01-core-development` → `core-development`). */
export function folderCategory(folder: string): string | undefined {
  return slugify(folder.replace(/^\d+[-_. ]+/, ''));
}

/** The emoji as given, or with VS16 when it is a text-presentation emoji (🛠 → 🛠️); undefined when it is not one emoji. */
export function emojiOf(value: unknown): { emoji: string; presented: boolean } | undefined {
  const given = text(value);
  if (!given || !isSingleEmoji(given)) return undefined;
  // One code point that shows as text unless asked for its emoji form (🛠, ☕ shows as emoji by itself).
  const textByDefault = [...given].length === 1 && !/\p{Emoji_Presentation}/u.test(given);
  return textByDefault ? { emoji: `${given}\uFE0F`, presented: true } : { emoji: given, presented: false };
}

/** The prompt's first sentence, without markdown marks, cut at a word before 160 characters. */
export function firstSentence(prompt: string): string | undefined {
  const line = prompt
    .split(/\r?\n/)
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate && !/^(#|```|~~~|---|\||<)/.test(candidate));
  if (!line) return undefined;
  const plain = line.replace(/[*_`]+/g, '').replace(/^[-+>]\s+|^\d+\.\s+/, '').replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?。！？](?=\s|$)/.exec(plain)?.[0] ?? plain;
  return cutAtWord(sentence, DESCRIPTION_CUT) || undefined;
}

function slugList(value: unknown): { list: string[]; changed: boolean } {
  if (!Array.isArray(value)) return { list: [], changed: false };
  const list = [...new Set(value.flatMap((item) => (typeof item === 'string' ? (slugify(item) ?? []) : [])))];
  return { list, changed: value.some((item) => typeof item !== 'string' || !SLUG_PATTERN.test(item)) };
}

const OUR_FIELDS = ['id', 'name', 'emoji', 'category', 'description', 'worker_affinity', 'tags'];

const webUrl = (value: unknown) => (typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) ? value : undefined);

/**
 * Licence, author and source as sources write them: an SPDX licence (a near
 * miss corrected; free text such as "see LICENSE.txt" stays an extra field),
 * an author's name (or a manifest's `{ "name": … }`), a source or homepage
 * URL (LobeHub's `homepage`). Only the values that fit our fields are taken.
 */
function provenanceOf(extra: Record<string, unknown>): Record<string, string> {
  const author = typeof extra.author === 'string' ? extra.author.trim() : typeof record(extra.author).name === 'string' ? String(record(extra.author).name).trim() : '';
  const found = { license: licenseFromSource(extra.license), author: author || undefined, source: webUrl(extra.source) ?? webUrl(extra.homepage) };
  return Object.fromEntries(Object.entries(found).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * Our fields for a persona read from `path` (relative to the folder read,
 * '/'-separated). The id is not yet unique: `uniqueIds` settles that across
 * the whole collection.
 */
export function derivePersona(source: SourcePersona, path: string, settings: DerivationSettings = {}): DerivedPersona {
  const derived: DerivationKind[] = source.looseFrontmatter ? ['frontmatter read line by line (not valid YAML)'] : [];
  const fileName = path.split('/').at(-1)!.replace(/\.[^.]*$/, '');

  let id = typeof source.id === 'string' && SLUG_PATTERN.test(source.id) ? source.id : undefined;
  if (!id) {
    id = slugify(text(source.id) ?? text(source.name) ?? '') ?? slugify(fileName) ?? 'persona';
    derived.push('id from the name or file name');
  }

  let name = text(source.name) ?? (typeof source.id === 'string' && !SLUG_PATTERN.test(source.id) ? text(source.id) : undefined);
  if (!name) {
    name = labelFromSlug(id);
    derived.push('name from the id');
  }

  let category = settings.category ?? (text(source.category) && slugify(text(source.category)!));
  if (!category) {
    const folder = path.split('/').at(-2);
    category = folder ? folderCategory(folder) : undefined;
    if (category) derived.push('category from the folder');
  }
  if (!category) {
    category = settings.defaultCategory ?? DEFAULT_CATEGORY;
    derived.push('category by default');
  }

  const given = emojiOf(source.emoji);
  if (given?.presented) derived.push('emoji given its emoji presentation');
  if (!given) derived.push('emoji by default');
  const emoji = given?.emoji ?? settings.emoji ?? settings.categories?.[category]?.emoji ?? DEFAULT_EMOJI;

  let description = text(source.description);
  if (!description) {
    description = firstSentence(source.prompt) ?? name;
    derived.push('description from the prompt');
  }

  const tags = slugList(source.tags);
  const affinity = slugList(source.worker_affinity);
  if (tags.changed || affinity.changed) derived.push('tags made slugs');

  const provenance = provenanceOf(source.extra);
  const extra = Object.fromEntries(Object.entries(source.extra).filter(([key, value]) => !OUR_FIELDS.includes(key) && !(key in provenance) && value !== undefined));
  const data: Record<string, unknown> = { id, name, emoji, category, description, ...provenance };
  if (affinity.list.length) data.worker_affinity = affinity.list;
  if (tags.list.length) data.tags = tags.list;
  return { data: { ...data, ...extra }, prompt: source.prompt, derived };
}

/**
 * Makes derived ids unique, in order: an id already taken (by a persona of
 * our own format, or an earlier derived one) gets `-2`, `-3`… Returns the
 * renamed ones as [from, to] for the report.
 */
export function uniqueIds(personas: readonly DerivedPersona[], taken: Set<string>): Array<[string, string]> {
  const renamed: Array<[string, string]> = [];
  // Where each id's suffixes go on from: a name a thousand rows share costs no thousand tries each.
  const nextSuffix = new Map<string, number>();
  for (const persona of personas) {
    const id = persona.data.id as string;
    let unique = id;
    for (let n = nextSuffix.get(id) ?? 2; taken.has(unique); n++) {
      unique = `${id}-${n}`;
      nextSuffix.set(id, n + 1);
    }
    if (unique !== id) {
      persona.data.id = unique;
      renamed.push([id, unique]);
    }
    taken.add(unique);
  }
  return renamed;
}
