import anyAscii from 'any-ascii';

/** Slugs made from text are cut at a hyphen before this many characters. */
const SLUG_CUT = 64;

/**
 * A slug from any text: letters of other scripts transliterated to Latin
 * (any-ascii: 東京 → dongjing, Київ → kiiv, مساعد → ms-d, 🤖 → robot), lowercase, runs of anything else
 * as one hyphen, cut at a hyphen under 64 characters. Undefined when nothing
 * is left (a name of punctuation only).
 */
export function slugify(text: string): string | undefined {
  const slug = anyAscii(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return undefined;
  if (slug.length <= SLUG_CUT) return slug;
  const cut = slug.slice(0, SLUG_CUT + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : SLUG_CUT).replace(/-+$/, '');
}

/** "data-science", "create_coding_project" → "Data Science", "Create Coding Project": a label where a slug or name is all there is. */
export function labelFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
