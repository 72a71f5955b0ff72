/**
 * A small line scanner for what the checker and fill-in variables need to
 * know about a prompt's markdown: where code is, which headings it has and
 * how it opens. Plain TypeScript on purpose: the command line runs it from a
 * bundle on any Node, where Sätteri's native parser cannot come along. A unit
 * test holds it to Sätteri's parse of every shipped and fixture prompt.
 */

export interface Range {
  start: number;
  end: number;
}

export interface MarkdownScan {
  /** Code blocks and code spans, as character offsets. */
  code: Range[];
  /** Heading texts, as written after the #s (or above a setext underline). */
  headings: string[];
  /** What the first block is. */
  opening: 'paragraph' | 'heading' | 'other' | 'none';
}

const FENCE_OPEN = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const NOT_PARAGRAPH = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>|\||<|```|~~~|(?:[-*_][ \t]*){3,}$)/;

/** Code spans in a stretch of text: a run of backticks up to the next run of the same length. */
function codeSpans(text: string, offset: number): Range[] {
  const spans: Range[] = [];
  const runs = [...text.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const closer = runs.findIndex((run, j) => j > i && run[0].length === runs[i][0].length);
    if (closer < 0) continue;
    spans.push({ start: offset + runs[i].index, end: offset + runs[closer].index + runs[closer][0].length });
    i = closer;
  }
  return spans;
}

export function scanMarkdown(markdown: string): MarkdownScan {
  const lines = markdown.split('\n');
  const code: Range[] = [];
  const headings: string[] = [];
  let opening: MarkdownScan['opening'] = 'none';
  let fence: { marker: string; start: number } | undefined;
  let paragraph: { start: number; text: string[] } | undefined;
  let firstParagraph = -1;
  let inList = false;
  let indented: Range | undefined;
  let previousBlank = true;
  let offset = 0;

  const endParagraph = (end: number) => {
    if (paragraph) code.push(...codeSpans(markdown.slice(paragraph.start, end), paragraph.start));
    paragraph = undefined;
  };
  const open = (kind: MarkdownScan['opening']) => {
    if (opening === 'none') opening = kind;
  };

  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length && close[2].trim() === '') {
        code.push({ start: fence.start, end: Math.min(offset, markdown.length) });
        fence = undefined;
      }
      continue;
    }
    const blank = line.trim() === '';
    if (indented) {
      // An indented code block runs on through indented and blank lines.
      if (blank || /^(?: {4}|\t)/.test(line)) {
        if (!blank) indented.end = start + line.length;
        previousBlank = blank;
        continue;
      }
      indented = undefined;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) {
      endParagraph(start);
      open('other');
      fence = { marker: fenceOpen[1], start };
    } else if (blank) {
      endParagraph(start);
    } else if (previousBlank && !inList && !paragraph && /^(?: {4}|\t)/.test(line)) {
      indented = { start, end: start + line.length };
      code.push(indented);
      open('other');
    } else if (ATX.test(line)) {
      endParagraph(start);
      headings.push((ATX.exec(line)![2] ?? '').trim());
      open('heading');
      inList = false;
    } else if (paragraph && SETEXT.test(line) && !inList) {
      headings.push(paragraph.text.join(' ').trim());
      // The paragraph was a heading all along; if it opened the prompt, the prompt opens with a heading.
      if (paragraph.start === firstParagraph) opening = 'heading';
      endParagraph(start);
    } else {
      if (LIST_ITEM.test(line)) inList = true;
      else if (!/^[ \t]/.test(line) && previousBlank) inList = false;
      if (opening === 'none' && !NOT_PARAGRAPH.test(line)) firstParagraph = start;
      open(NOT_PARAGRAPH.test(line) ? 'other' : 'paragraph');
      paragraph ??= { start, text: [] };
      paragraph.text.push(line);
    }
    previousBlank = blank;
  }
  if (fence) code.push({ start: fence.start, end: markdown.length });
  endParagraph(markdown.length);
  return { code: code.sort((a, b) => a.start - b.start), headings, opening };
}

/** True when the offset falls inside code. */
export const inCode = (scan: MarkdownScan, index: number) => scan.code.some((range) => index >= range.start && index < range.end);
