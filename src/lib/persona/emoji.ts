const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// RGI_Emoji covers ZWJ sequences, flags, keycaps and skin tones; the second
// pattern admits a lone pictograph typed without its U+FE0F selector (❤, ©).
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const BARE_PICTOGRAPH = /^\p{Extended_Pictographic}\uFE0F?$/u;

/** True when `text` is exactly one user-perceived emoji. */
export function isSingleEmoji(text: string): boolean {
  const segments = [...graphemes.segment(text)];
  if (segments.length !== 1) return false;
  return RGI_EMOJI.test(text) || BARE_PICTOGRAPH.test(text);
}
