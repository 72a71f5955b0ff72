/** Lowercase letters, digits and inner hyphens: safe as a URL segment and a file name. Kept apart from the schema so browser code can test slugs without loading zod. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** A language code as a path segment (de, ja, pt-BR): letters, digits and inner hyphens only. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
