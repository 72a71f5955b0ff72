import type { ExportPersona } from './format.ts';

/**
 * Where a persona came from and under what licence, carried into the files
 * the exports write: as a YAML comment in frontmatter or a YAML file (no tool
 * reads it as a field, none rejects it), as an HTML comment atop plain
 * markdown. JSON and plain text have no comments: they carry none.
 */
const MARK = 'persona-atlas:';

/** A value on one line, whatever it holds: a newline would end a YAML comment or a list item, "-->" an HTML comment. */
const clean = (value: string) => value.replace(/\s+/g, ' ').replaceAll('-->', '→').trim();

/** One line naming licence, author and source, or undefined when the persona names none. */
export function provenanceNote(persona: Pick<ExportPersona, 'license' | 'author' | 'source'>): string | undefined {
  const parts = [persona.license && `license ${clean(persona.license)}`, persona.author && `author ${clean(persona.author)}`, persona.source && `source ${clean(persona.source)}`].filter(Boolean);
  return parts.length > 0 ? `${MARK} ${parts.join('; ')}` : undefined;
}

const FRONTMATTER_OPEN = /^---\r?\n/;
const PLAIN_NOTE = new RegExp(`^<!-- ${MARK} [^\\n]*-->\\r?\\n\\r?\\n`);

/** A written file with the persona's provenance in it, where its kind of file has comments. */
export function withProvenance(content: string, path: string, persona: Pick<ExportPersona, 'license' | 'author' | 'source'>): string {
  const note = provenanceNote(persona);
  if (!note) return content;
  if (/\.ya?ml$/.test(path)) return `# ${note}\n${content}`;
  if (!/\.(md|mdc)$/.test(path)) return content;
  if (FRONTMATTER_OPEN.test(content)) return content.replace(FRONTMATTER_OPEN, (open) => `${open}# ${note}\n`);
  return `<!-- ${note} -->\n\n${content}`;
}

/** Plain markdown as written, without the provenance note an export put atop it. */
export const withoutProvenanceNote = (text: string) => text.replace(PLAIN_NOTE, '');

/** The note as a line of a shared markdown file's section. */
export const provenanceComment = (persona: Pick<ExportPersona, 'license' | 'author' | 'source'>) => {
  const note = provenanceNote(persona);
  return note ? `<!-- ${note} -->\n` : '';
};

/** The name of the notice in a set's archive: beside the tools' folders, never over a project's own NOTICE. */
export const SET_NOTICE_FILE = 'NOTICE-personas.md';

/** A notice listing each persona of an archive with its licence, author and source, as the catalog gives them. */
export function noticeText(personas: ReadonlyArray<Pick<ExportPersona, 'id' | 'name' | 'license' | 'author' | 'source'>>): string {
  const entries = [...personas]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => `## ${clean(p.name)} (\`${p.id}\`)\n\n- License: ${p.license ?? 'not stated by the catalog'}\n- Author: ${p.author ? clean(p.author) : 'not stated'}\n- Source: ${p.source ?? 'not stated'}\n`);
  return `# Notice\n\nThe personas in this archive, where each comes from and under what licence. A persona without a stated licence is not licensed to you by this archive: ask its author.\n\n${entries.join('\n')}`;
}
