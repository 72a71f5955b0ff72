import { readFileSync } from 'node:fs';
import matter from 'gray-matter';

/** The prompt as written in a persona file: its body after the frontmatter. */
export function promptOf(path: string): string {
  return matter(readFileSync(path, 'utf8'), {}).content;
}
