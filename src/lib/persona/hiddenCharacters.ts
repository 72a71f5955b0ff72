/**
 * Characters that render as nothing but still reach the agent: the one rule
 * set for hidden text, used by `check`, the build, `import`, the command line
 * and the MCP server. A persona is instructions an agent obeys, so text a
 * reader cannot see is an error (Tag characters, variation-selector runs,
 * bidirectional controls, runs of zero-width characters, invisible
 * operators and fillers); a lone stray zero-width space, word joiner, soft
 * hyphen or byte-order mark is a warning. What scripts and emoji need is
 * never flagged: joiners between letters, direction marks, emoji sequences
 * (ZWJ, keycaps, tag flags, VS16), one ideographic variation selector after
 * a CJK ideograph.
 */

export type HiddenKind = 'tag characters' | 'variation selectors' | 'bidirectional controls' | 'zero-width run' | 'invisible character' | 'stray invisible character';

export interface HiddenFinding {
  /** UTF-16 offset of the run in the text, and its length. */
  index: number;
  length: number;
  kind: HiddenKind;
  severity: 'error' | 'warning';
  codePoints: number[];
  /** The text the run spells, where it encodes text (Tag characters, variation-selector bytes). */
  decoded?: string;
}

const TAGS = '\u{E0000}-\u{E007F}';
const VARIATION_SELECTORS = '\uFE00-\uFE0F\u{E0100}-\u{E01EF}';
const BIDI_CONTROLS = '\u202A-\u202E\u2066-\u2069';
/** Zero width and invisible, harmless alone (joiners between letters; a stray space or hyphen point is a warning). */
const ZERO_WIDTH = '\u200B\u200C\u200D\u2060\uFEFF\u00AD';
/**
 * Invisible code points with no use in ordinary prose, used to hide text:
 * invisible math operators, Hangul fillers, the combining grapheme joiner,
 * the Mongolian vowel separator, Khmer's inherent vowels, deprecated format
 * characters, musical formatting controls and interlinear annotations.
 */
const INVISIBLE = '\u034F\u115F\u1160\u17B4\u17B5\u180E\u2061-\u2064\u206A-\u206F\u3164\uFFA0\uFFF9-\uFFFB\u{1D173}-\u{1D17A}';

const HIDDEN_CLASS = `[${TAGS}${VARIATION_SELECTORS}${BIDI_CONTROLS}${ZERO_WIDTH}${INVISIBLE}]`;
const HIDDEN_RUN = new RegExp(`${HIDDEN_CLASS}+`, 'gu');
/** Most texts hold none: one pass without captures says whether to look closer. */
const ANY_HIDDEN = new RegExp(HIDDEN_CLASS, 'u');
/**
 * Emoji sequences, which legitimately hold joiners, VS16, keycaps and tag
 * characters: every RGI emoji, and subdivision flags of the tag shape (🏴,
 * two letters and up to four letters or digits, the cancel tag) beyond the
 * three RGI ones, so a tag run dressed as a flag is still found; and keycaps
 * on any script's digits (Persian ۱️⃣ is no RGI emoji, but LobeHub's
 * prompts write it).
 */
const EMOJI_SEQUENCE = /\p{RGI_Emoji}|\u{1F3F4}[\u{E0061}-\u{E007A}]{2}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,4}\u{E007F}|[\p{Nd}#*]\uFE0F?\u20E3/gv;

const STRAY = new Set([0x200b, 0x2060, 0xfeff, 0x00ad]);
const JOINERS = new Set([0x200c, 0x200d]);
const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

/** The byte a variation selector stands for in the encoding that hides bytes in them (VS1–16: 0–15, VS17–256: 16–255). */
const selectorByte = (cp: number) => (cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16);

/** Tag characters spell ASCII: U+E0041 is "A". */
function decodeTags(codePoints: number[]): string {
  return String.fromCodePoint(...codePoints.filter((cp) => cp >= 0xe0020 && cp <= 0xe007e).map((cp) => cp - 0xe0000));
}

/** Variation-selector runs carry bytes: as UTF-8 text where they make some, else as hex. */
function decodeSelectors(codePoints: number[]): string {
  const bytes = Uint8Array.from(codePoints.filter(isVariationSelector).map(selectorByte));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  }
}

/** Whether one variation selector follows a character that takes it: an emoji (VS15/16), an ideograph, or a letter, digit or symbol (the standardized variants). */
function selectorFits(cp: number, before: string | undefined): boolean {
  if (before === undefined) return false;
  if (cp === 0xfe0e || cp === 0xfe0f) return /\p{Emoji}/u.test(before);
  if (cp >= 0xe0100) return /\p{Ideographic}/u.test(before);
  return /[\p{L}\p{N}\p{S}]/u.test(before);
}

function classify(codePoints: number[], before: string | undefined): Pick<HiddenFinding, 'kind' | 'severity' | 'decoded'> | undefined {
  if (codePoints.some(isTag)) return { kind: 'tag characters', severity: 'error', decoded: decodeTags(codePoints) };
  if (codePoints.some(isBidiControl)) return { kind: 'bidirectional controls', severity: 'error' };
  const selectors = codePoints.filter(isVariationSelector);
  if (selectors.length > 1) return { kind: 'variation selectors', severity: 'error', decoded: decodeSelectors(codePoints) };
  if (codePoints.length > 1) return { kind: 'zero-width run', severity: 'error' };
  const [cp] = codePoints;
  if (selectors.length === 1) return selectorFits(cp, before) ? undefined : { kind: 'variation selectors', severity: 'error', decoded: decodeSelectors(codePoints) };
  if (JOINERS.has(cp)) return undefined;
  if (STRAY.has(cp)) return { kind: 'stray invisible character', severity: 'warning' };
  return { kind: 'invisible character', severity: 'error' };
}

/** How far around a run of hidden characters an emoji sequence holding it may start or end: the longest RGI sequences are about 20 code units. */
const EMOJI_REACH = 32;

/** The code units of `text[start, end)` that belong to an emoji sequence, found in a window around them (the emoji pattern is costly over a whole prompt). */
function inEmoji(text: string, start: number, end: number): boolean[] {
  const from = Math.max(0, start - EMOJI_REACH);
  const covered = new Array<boolean>(end - start).fill(false);
  for (const match of text.slice(from, end + EMOJI_REACH).matchAll(EMOJI_SEQUENCE)) {
    const [a, b] = [from + match.index, from + match.index + match[0].length];
    for (let i = Math.max(a, start); i < Math.min(b, end); i += 1) covered[i - start] = true;
  }
  return covered;
}

/** A stretch of hidden characters as a finding, or undefined when the catalog allows them all or they are fine where they stand. */
function findingAt(text: string, index: number, length: number, allowed: ReadonlySet<number>): HiddenFinding | undefined {
  const codePoints = Array.from(text.slice(index, index + length), (char) => char.codePointAt(0)!);
  if (codePoints.every((cp) => allowed.has(cp))) return undefined;
  const before = index > 0 ? String.fromCodePoint(text.codePointAt(index - 1 - (/[\uDC00-\uDFFF]/.test(text[index - 1]) ? 1 : 0))!) : undefined;
  const found = classify(codePoints, before);
  return found && { index, length, codePoints, ...found };
}

/** The hidden characters in a text, in order; `allowed` code points (a catalog's setting for a persona) are not reported. */
export function findHiddenCharacters(text: string, allowed: ReadonlySet<number> = new Set()): HiddenFinding[] {
  if (!ANY_HIDDEN.test(text)) return [];
  const findings: HiddenFinding[] = [];
  for (const match of text.matchAll(HIDDEN_RUN)) {
    // Each stretch of the run outside emoji sequences (a ZWJ inside 👩‍💻 is the emoji's; a run after it is not) is judged on its own.
    const covered = inEmoji(text, match.index, match.index + match[0].length);
    let start = -1;
    for (let i = 0; i <= covered.length; i += 1) {
      const free = i < covered.length && !covered[i];
      if (free && start < 0) start = i;
      if (!free && start >= 0) {
        const finding = findingAt(text, match.index + start, i - start, allowed);
        if (finding) findings.push(finding);
        start = -1;
      }
    }
  }
  return findings;
}

export const codePointName = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** A code point list for a message: the first few, and how many in all. */
function codePointList(codePoints: number[]): string {
  const shown = codePoints.slice(0, 6).map(codePointName).join(' ');
  return codePoints.length > 6 ? `${shown} … (${codePoints.length} in all)` : shown;
}

/** What a finding says to a maintainer: the kind, the code points, the text it hides. */
export function describeHidden(finding: HiddenFinding): string {
  const hides = finding.decoded ? `, hiding the text ${JSON.stringify(finding.decoded)}` : '';
  const what = finding.severity === 'warning' ? 'warning: a stray invisible character' : `hidden ${finding.kind}`;
  const advice = finding.severity === 'warning' ? '; delete it, or allow it in persona-atlas.json "allowHiddenCharacters"' : '; readers cannot see it, but an agent reads it';
  return `${what} ${codePointList(finding.codePoints)}${hides}${advice}`;
}

/** A code point as the settings name it ("U+200B"), or undefined for any other value. */
export function parseCodePoint(name: string): number | undefined {
  const match = /^U\+([0-9A-F]{4,6})$/i.exec(name);
  const cp = match ? Number.parseInt(match[1], 16) : Number.NaN;
  return cp <= 0x10ffff ? cp : undefined;
}

/**
 * Why a served persona is refused, or undefined: the first error-level
 * finding in any text it carries. A served catalog cannot vouch for its own
 * allowances, so the command line and the MCP server allow none.
 */
export function hiddenTextRefusal(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    const finding = findHiddenCharacters(text).find((found) => found.severity === 'error');
    if (finding) return `carries ${describeHidden(finding)}; refused, nothing written`;
  }
  return undefined;
}

/** Where an offset of a text is, as messages give it: line and column, from 1. */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
