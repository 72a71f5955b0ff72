import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { exportPersonaOf } from '../../../src/lib/formats/exports.ts';
import type { ExportPersona } from '../../../src/lib/formats/format.ts';
import { extraFields, personaSchema } from '../../../src/lib/persona/persona.ts';

/** The prompt as written in a persona file: its body after the frontmatter. */
export function promptOf(path: string): string {
  return matter(readFileSync(path, 'utf8'), {}).content;
}

/** A persona file as the export registry sees it. */
export function exportPersonaFromFile(path: string): ExportPersona {
  const file = matter(readFileSync(path, 'utf8'), {});
  const data = personaSchema.parse(file.data);
  return exportPersonaOf(data, file.content, extraFields(data));
}
