import { readFileSync } from 'node:fs';
import matter from 'gray-matter';

/** A persona file's prompt read on its own, apart from the checker: its text after the frontmatter's closing line. */
export function readPrompt(path: string): string {
  return matter(readFileSync(path, 'utf8'), {}).content;
}
