import { z } from 'zod';
import { personaSchema } from './persona.ts';

/** JSON Schema of the frontmatter, derived from the one persona schema for editors and tools. */
export function personaJsonSchema(id: string): Record<string, unknown> {
  // Input mode describes what authors write (before defaults); the emoji rule
  // has no JSON Schema form, so it stays a description there.
  const schema = z.toJSONSchema(personaSchema, { io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: id, title: 'Persona Atlas persona frontmatter' };
}
