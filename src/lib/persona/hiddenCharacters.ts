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

/** The hidden characters in a text, in order; `allowed` code points (a catalog's setting for a persona) are not reported. */
export function findHiddenCharacters(text: string, allowed: ReadonlySet<number> = new Set()): HiddenFinding[] {
  if (!ANY_HIDDEN.test(text)) return [];
  // Emoji sequences masked with plain letters of the same length, so offsets stay the text's own.
  const masked = text.replace(EMOJI_SEQUENCE, (sequence) => 'x'.repeat(sequence.length));
  const findings: HiddenFinding[] = [];
  for (const match of masked.matchAll(HIDDEN_RUN)) {
    const codePoints = Array.from(match[0], (char) => char.codePointAt(0)!);
    if (codePoints.every((cp) => allowed.has(cp))) continue;
    const before = match.index > 0 ? String.fromCodePoint(text.codePointAt(match.index - 1 - (/[\uDC00-\uDFFF]/.test(text[match.index - 1]) ? 1 : 0))!) : undefined;
    const found = classify(codePoints, before);
    if (found) findings.push({ index: match.index, length: match[0].length, codePoints, ...found });
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
