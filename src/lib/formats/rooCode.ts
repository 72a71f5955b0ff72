// https://docs.roocode.com/features/custom-modes
import { Document, isMap, isSeq, parse, parseDocument, YAMLSeq } from 'yaml';
import { isSingleEmoji } from '../persona/emoji.ts';
import type { ExportPersona, FileSection, FormatReader, SharedFileTarget, SourcePersona } from './format.ts';
import { provenanceNote } from './provenance.ts';
import { body, sectionAt, withoutKeys } from './shared.ts';

const DOCS = 'https://docs.roocode.com/features/custom-modes';
const GROUPS = ['read', 'edit', 'browser', 'command', 'mcp'];

/** Roo Code's modes file: one `customModes` entry per persona, other modes and comments kept. */
function mergeRooModes(existing: string | undefined, personas: readonly ExportPersona[]): string {
  const doc = existing?.trim() ? parseDocument(existing) : new Document({ customModes: [] });
  if (doc.errors.length > 0) throw new Error(`is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  if (!isMap(doc.contents)) throw new Error('is not a YAML mapping with customModes');
  if (!doc.has('customModes')) doc.set('customModes', new YAMLSeq());
  const modes = doc.get('customModes');
  if (!isSeq(modes)) throw new Error('has a customModes entry that is not a list');
  for (const persona of personas) {
    const mode = doc.createNode({
      slug: persona.id,
      name: `${persona.emoji} ${persona.name}`,
      description: persona.description,
      roleDefinition: body(persona.prompt),
      whenToUse: persona.extra?.whenToUse ?? persona.description,
      groups: persona.extra?.groups ?? GROUPS,
    });
    const note = provenanceNote(persona);
    if (note) mode.commentBefore = ` ${note}`;
    const index = modes.items.findIndex((item) => isMap(item) && item.get('slug') === persona.id);
    if (index >= 0) modes.items[index] = mode;
    else modes.items.push(mode);
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * One mode's section: the text of its `customModes` entry after the `- `, as
 * the YAML parser places it (a file add did not write may be in any style),
 * less the entry's indentation.
 */
function modeSection(text: string, id: string): FileSection | undefined {
  const doc = parseDocument(text);
  const modes = isMap(doc.contents) ? doc.get('customModes') : undefined;
  const mode = isSeq(modes) ? modes.items.find((item) => isMap(item) && item.get('slug') === id) : undefined;
  if (!isMap(mode) || !mode.range) return undefined;
  const [start, , end] = mode.range;
  return sectionAt(text, start, end, start - (text.lastIndexOf('\n', start - 1) + 1));
}

export const target: SharedFileTarget = {
  id: 'roo-code',
  label: 'Roo Code custom mode',
  group: 'ide-assistants',
  docs: DOCS,
  userWide: 'custom_modes.yaml in Roo Code’s settings folder',
  paths: ['.roomodes'],
  merge: mergeRooModes,
  section: modeSection,
};

/** A mode's name, split into the emoji it starts with (when it does) and the rest. */
function splitName(name: unknown): { emoji?: string; name?: unknown } {
  if (typeof name !== 'string') return { name };
  const space = name.indexOf(' ');
  const first = space > 0 ? name.slice(0, space) : '';
  return isSingleEmoji(first) ? { emoji: first, name: name.slice(space + 1) } : { name };
}

/** Every mode of a `.roomodes` (or custom_modes.yaml) file; whenToUse that repeats the description is not kept. */
export const reader: FormatReader = {
  id: target.id,
  label: target.label,
  docs: DOCS,
  detect: ({ path, text }) => /(^|\/)(\.roomodes|custom_modes\.ya?ml)$/.test(path) || (/\.ya?ml$/.test(path) && /^customModes:/m.test(text)),
  read: ({ text }) => {
    const modes = (parse(text) as { customModes?: unknown } | null)?.customModes;
    if (!Array.isArray(modes)) return { personas: [] };
    const personas = modes.map((mode: Record<string, unknown>): SourcePersona => {
      const kept = withoutKeys(mode, ['slug', 'name', 'description', 'roleDefinition']);
      if (kept.whenToUse === mode.description) delete kept.whenToUse;
      if (JSON.stringify(kept.groups) === JSON.stringify(GROUPS)) delete kept.groups;
      return {
        id: mode.slug,
        ...splitName(mode.name),
        description: mode.description ?? mode.whenToUse,
        prompt: typeof mode.roleDefinition === 'string' ? mode.roleDefinition : '',
        extra: kept,
        where: `mode ${String(mode.slug)}`,
      };
    });
    return { personas };
  },
};
