/** Search engines and tabs cut titles near 70 characters. */
export const TITLE_LIMIT = 70;

/** "Page · Site", dropping the site name, then shortening, when that is too long. */
export function pageTitle(title: string, siteTitle: string): string {
  if (title === siteTitle) return title;
  const full = `${title} · ${siteTitle}`;
  if (full.length <= TITLE_LIMIT) return full;
  const characters = [...title];
  return characters.length <= TITLE_LIMIT ? title : `${characters.slice(0, TITLE_LIMIT - 1).join('').trimEnd()}…`;
}
