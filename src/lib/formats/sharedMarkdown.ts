import type { ExportPersona, FileSection, FormatReader, SharedFileTarget, SourcePersona } from './format.ts';
import { provenanceComment } from './provenance.ts';
import { body, sectionAt } from './shared.ts';

/**
 * Markdown files shared by many personas (AGENTS.md, CONVENTIONS.md): one
 * marked section each, `## <emoji> <name> (`<id>`)`, the description, then
 * the prompt. Written sorted by id after whatever else the file holds, so
 * adding the same personas again changes nothing; read back section by section.
 */
const SECTION = /^<!-- persona-atlas:begin ([a-z0-9-]+) -->\r?\n[\s\S]*?\r?\n<!-- persona-atlas:end \1 -->[ \t]*(?:\r?\n|$)/gm;

/** The persona sections of a shared markdown file, by id, as merging finds them. */
export function markdownSections(text: string): Map<string, string> {
  return new Map([...text.matchAll(SECTION)].map((match) => [match[1], match[0].trimEnd()]));
}

/** One persona's section, from its begin marker to the end of its end marker. */
function markdownSection(text: string, id: string): FileSection | undefined {
  const match = [...text.matchAll(SECTION)].find((found) => found[1] === id);
  if (!match) return undefined;
  const endMarker = `<!-- persona-atlas:end ${id} -->`;
  return sectionAt(text, match.index, match.index + match[0].lastIndexOf(endMarker) + endMarker.length);
}

function mergeMarkdownSections(existing: string | undefined, personas: readonly ExportPersona[], intro: string): string {
  const sections = markdownSections(existing ?? '');
  const rest = existing === undefined ? intro : existing.replace(SECTION, '');
  for (const persona of personas) {
    const heading = `## ${persona.emoji} ${persona.name} (\`${persona.id}\`)\n\n${persona.description}`;
    sections.set(
      persona.id,
      `<!-- persona-atlas:begin ${persona.id} -->\n${provenanceComment(persona)}${heading}\n\n${body(persona.prompt)}\n<!-- persona-atlas:end ${persona.id} -->`,
    );
  }
  const ordered = [...sections.keys()].sort().map((id) => sections.get(id)!);
  const head = rest.trimEnd();
  return `${head ? `${head}\n\n` : ''}${ordered.join('\n\n')}\n`;
}

const HEADING = /^## (\S+) (.*) \(`([a-z0-9-]+)`\)$/;
const SECTION_NOTE = /^<!-- persona-atlas: [^\n]*-->\r?\n/;

/** The personas of a shared markdown file, from its marked sections. */
function readMarkdownSections(text: string): SourcePersona[] {
  return [...markdownSections(text)].map(([id, section]) => {
    // Between the marker lines: the provenance note if any, heading, blank line, description, blank line, prompt (its line endings kept).
    const inner = section.slice(section.indexOf('\n') + 1, section.lastIndexOf('\n')).replace(SECTION_NOTE, '');
    const headingEnd = inner.indexOf('\n');
    const heading = HEADING.exec(inner.slice(0, headingEnd < 0 ? undefined : headingEnd));
    const rest = headingEnd < 0 ? '' : inner.slice(headingEnd + 2);
    const split = rest.indexOf('\n\n');
    return {
      id,
      emoji: heading?.[1],
      name: heading?.[2],
      description: split < 0 ? rest : rest.slice(0, split),
      prompt: split < 0 ? '' : rest.slice(split + 2),
      extra: {},
      where: `section ${id}`,
    };
  });
}

export const hasMarkdownSections = (text: string) => text.includes('<!-- persona-atlas:begin ');

/** A tool that reads one shared markdown file (AGENTS.md, CONVENTIONS.md): its writer merges sections, its reader reads them back. */
export function sharedMarkdownFormat(info: Omit<SharedFileTarget, 'merge' | 'section' | 'group'> & { intro: string; detect: FormatReader['detect'] }) {
  const { intro, detect, ...target } = info;
  return {
    target: { ...target, group: 'coding-agents', merge: (existing, personas) => mergeMarkdownSections(existing, personas, intro), section: markdownSection } satisfies SharedFileTarget,
    reader: { id: target.id, label: target.label, docs: target.docs, detect, read: ({ text }) => ({ personas: readMarkdownSections(text) }) } satisfies FormatReader,
  };
}
