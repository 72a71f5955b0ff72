import type { Persona } from './persona.ts';

/**
 * A way to take a persona into another tool. Each writer follows its target's
 * documented file shape; adding a format means adding one entry here.
 */
export interface ExportFormat {
  id: string;
  label: string;
  /** Where the target tool expects the file, relative to a project root. */
  path: (persona: Persona) => string;
  mediaType: string;
  render: (persona: Persona, prompt: string) => string;
}

/** Prompts are pasted into other files here, so outer blank lines are dropped. */
const inner = (prompt: string) => prompt.trim();

/** A YAML scalar that survives any text: JSON strings are valid YAML. */
const yamlString = (value: string) => JSON.stringify(value);

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'claude-code',
    label: 'Claude Code subagent',
    path: (persona) => `.claude/agents/${persona.id}.md`,
    mediaType: 'text/markdown',
    render: (persona, prompt) =>
      `---\nname: ${persona.id}\ndescription: ${yamlString(persona.description)}\n---\n\n${inner(prompt)}\n`,
  },
  {
    id: 'cursor',
    label: 'Cursor project rule',
    path: (persona) => `.cursor/rules/${persona.id}.mdc`,
    mediaType: 'text/markdown',
    // An "agent requested" rule: Cursor reads the description to decide when to apply it.
    render: (persona, prompt) =>
      `---\ndescription: ${yamlString(persona.description)}\nglobs:\nalwaysApply: false\n---\n\n${inner(prompt)}\n`,
  },
  {
    id: 'openai',
    label: 'OpenAI chat message (JSON)',
    path: (persona) => `${persona.id}.system-message.json`,
    mediaType: 'application/json',
    render: (_persona, prompt) => `${JSON.stringify({ role: 'system', content: inner(prompt) }, null, 2)}\n`,
  },
  {
    id: 'text',
    label: 'Plain text',
    path: (persona) => `${persona.id}.txt`,
    mediaType: 'text/plain',
    render: (_persona, prompt) => `${inner(prompt)}\n`,
  },
];
