import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import O200K_RANKS from 'gpt-tokenizer/bpeRanks/o200k_base';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';

/** The tokenizer encoding behind token estimates (GPT-4o and later OpenAI models). */
export const TOKEN_ENCODING = 'o200k_base';

/** Silent reading speed used for reading time, in words per minute. */
const WORDS_PER_MINUTE = 230;

export interface PromptInsights {
  words: number;
  tokens: number;
  readingMinutes: number;
}

/**
 * The encoding's split with its Unicode classes cut down to ASCII, where
 * each is a plain range (letters A-Za-z, digits 0-9, no marks): the same
 * pieces of an ASCII text, four times faster (10,000 prompts split in 0.36 s
 * against 1.40 s). Tested against the encoding's own split.
 */
export const ASCII_TOKEN_SPLIT =
  /[^\r\nA-Za-z0-9]?[A-Z]*[a-z]+(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?|[^\r\nA-Za-z0-9]?[A-Z]+[a-z]*(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?|[0-9]{1,3}| ?[^\sA-Za-z0-9]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+/g;

/**
 * A piece's tokens: its bytes merged pair by pair, the pair of lowest rank
 * first, as the encoding merges them (gpt-tokenizer's and tiktoken's
 * algorithm). Each part is a token, and which token two tokens make side by
 * side is looked up by their bytes once, then remembered by their ranks in a
 * table of typed arrays. gpt-tokenizer's own merge looks up each run of bytes
 * anew, by binary search after failing to decode it when it is not whole
 * UTF-8 characters (most runs in a piece of Chinese or Japanese). Counting
 * LobeHub's 9,090 prompts on one core: 6.1–6.8 s through gpt-tokenizer,
 * 4.8–5.1 s with every run looked up by its bytes in one map, 3.6–3.9 s so;
 * the same counts, which the tests compare with the tokenizer's.
 *
 * Self-contained, with the ranks passed in: the token thread below runs its
 * source.
 */
function pieceCounter(rankList: ReadonlyArray<string | number[]>): (piece: string) => number {
  // Bytes as a string of one character per byte, so that any run of them is a key.
  const bytesOf = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  const ranks = new Map<string, number>();
  const tokens: string[] = [];
  rankList.forEach((token, rank) => {
    tokens[rank] = typeof token === 'string' ? bytesOf(token) : String.fromCharCode(...token);
    ranks.set(tokens[rank], rank);
  });
  const NONE = 0x7fffffff;
  // Open addressing, up to three quarters full (LobeHub's prompts hold 636,435 distinct pairs); past that, pairs are looked up by bytes.
  const BITS = 20;
  const lefts = new Int32Array(1 << BITS).fill(-1);
  const rights = new Int32Array(1 << BITS);
  const joined = new Int32Array(1 << BITS);
  let remembered = 0;
  const join = (left: number, right: number) => {
    let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) >>> (32 - BITS);
    while (lefts[slot] !== -1) {
      if (lefts[slot] === left && rights[slot] === right) return joined[slot];
      slot = (slot + 1) & ((1 << BITS) - 1);
    }
    const rank = ranks.get(tokens[left] + tokens[right]) ?? NONE;
    if (remembered++ < 0.75 * (1 << BITS)) [lefts[slot], rights[slot], joined[slot]] = [left, right, rank];
    return rank;
  };
  return (piece) => {
    const bytes = bytesOf(piece);
    if (ranks.has(bytes)) return 1;
    // The parts' tokens, and the token each makes with the next, in arrays that close up as parts merge.
    let parts = bytes.length;
    const partRanks = new Int32Array(parts);
    const pairRanks = new Int32Array(parts).fill(NONE);
    for (let index = 0; index < parts; index++) partRanks[index] = ranks.get(bytes[index])!;
    for (let index = 0; index < parts - 1; index++) pairRanks[index] = join(partRanks[index], partRanks[index + 1]);
    while (parts > 1) {
      let at = -1;
      for (let index = 0, lowest = NONE; index < parts - 1; index++) {
        if (pairRanks[index] < lowest) {
          lowest = pairRanks[index];
          at = index;
        }
      }
      if (at === -1) break;
      partRanks[at] = pairRanks[at];
      partRanks.copyWithin(at + 1, at + 2, parts);
      pairRanks.copyWithin(at, at + 1, parts);
      parts--;
      pairRanks[parts - 1] = NONE;
      if (at < parts - 1) pairRanks[at] = join(partRanks[at], partRanks[at + 1]);
      if (at > 0) pairRanks[at - 1] = join(partRanks[at - 1], partRanks[at]);
    }
    return parts;
  };
}

/**
 * A token counter for many texts. A text is split into pieces as the encoding
 * splits it (a piece's tokens never depend on its neighbours) and each
 * distinct piece is counted once: 10,000 prompts took one core 2.2 s this way
 * against 4.2 s through the tokenizer alone (a prompt's pieces repeat).
 * Spellings of special tokens (`<|im_start|>`) are counted as the text they
 * are, as a pasted prompt is read; the tokenizer refuses them by default,
 * which failed the build of a prompt about chat templates.
 *
 * Self-contained, with what it needs passed in: the token thread below runs
 * its source.
 */
function tokenCounter(countPiece: (piece: string) => number, splitter: RegExp, asciiSplitter: RegExp): (text: string) => number {
  const pieces = new Map<string, number>();
  return (text) => {
    let tokens = 0;
    for (const piece of text.match(/^[\x00-\x7f]*$/.test(text) ? asciiSplitter : splitter) ?? []) {
      let tokensOfPiece = pieces.get(piece);
      if (tokensOfPiece === undefined) pieces.set(piece, (tokensOfPiece = countPiece(piece)));
      tokens += tokensOfPiece;
    }
    return tokens;
  };
}

let counter: ((text: string) => number) | undefined;

/** A prompt's tokens in TOKEN_ENCODING, special tokens' spellings counted as text. The ranks' map is made at the first count. */
export const countTokens = (text: string) => (counter ??= tokenCounter(pieceCounter(O200K_RANKS), O200K_TOKEN_SPLIT_REGEX, ASCII_TOKEN_SPLIT))(text);

function insightsWithTokens(prompt: string, tokens: number): PromptInsights {
  const words = prompt.split(/\s+/u).filter(Boolean).length;
  return { words, tokens, readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

export function promptInsights(prompt: string): PromptInsights {
  return insightsWithTokens(prompt, countTokens(prompt));
}

/** Below this many prompts, starting a thread costs more than it saves. */
const PROMPTS_FOR_A_THREAD = 200;

/**
 * Counts the tokens of many prompts in another thread, with the encoding's
 * modules from gpt-tokenizer and the sources of tokenCounter and
 * pieceCounter: a few lines of code, so the npm package needs no file of its
 * own for it.
 */
const TOKEN_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { default: ranks } = require(workerData.ranks);
const { O200K_TOKEN_SPLIT_REGEX } = require(workerData.splitter);
const count = (${tokenCounter})((${pieceCounter})(ranks), O200K_TOKEN_SPLIT_REGEX, ${ASCII_TOKEN_SPLIT});
parentPort.postMessage(workerData.prompts.map(count));
`;

/**
 * The insights of many prompts, as promptInsights gives each. Counting
 * tokens is the costliest step of loading a collection (3.8 s of LobeHub's
 * 9,090 prompts on one core), so half the prompts are counted in a second
 * thread while this one counts the other half.
 */
export async function manyPromptInsights(prompts: readonly string[]): Promise<PromptInsights[]> {
  if (prompts.length < PROMPTS_FOR_A_THREAD) return prompts.map(promptInsights);
  const half = Math.ceil(prompts.length / 2);
  const require = createRequire(import.meta.url);
  const modules = { ranks: require.resolve('gpt-tokenizer/bpeRanks/o200k_base'), splitter: require.resolve('gpt-tokenizer/encodingParams/constants') };
  const worker = new Worker(TOKEN_THREAD, { eval: true, workerData: { ...modules, prompts: prompts.slice(half) } });
  const counted = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const first = prompts.slice(0, half).map(promptInsights);
  const second = await counted;
  await worker.terminate();
  return [...first, ...prompts.slice(half).map((prompt, i) => insightsWithTokens(prompt, second[i]))];
}

const formats = new Map<string, Intl.NumberFormat>();

/** "1.2K" for cards, "1,234" for detail, as the page's language writes numbers: both from one place. */
export function formatCount(value: number, style: 'compact' | 'full' = 'full', lang = 'en'): string {
  const key = `${lang} ${style}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang, style === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : {}));
  return formats.get(key)!.format(value);
}
