import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** The tokenizer encoding behind token estimates (GPT-4o and later OpenAI models). */
export const TOKEN_ENCODING = 'o200k_base';

/** Silent reading speed used for reading time, in words per minute. */
const WORDS_PER_MINUTE = 230;

export interface PromptInsights {
  words: number;
  tokens: number;
  readingMinutes: number;
}

export function promptInsights(prompt: string): PromptInsights {
  const words = prompt.split(/\s+/u).filter(Boolean).length;
  return {
    words,
    tokens: countTokens(prompt),
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}

const formats = new Map<string, Intl.NumberFormat>();

/** "1.2K" for cards, "1,234" for detail, as the page's language writes numbers: both from one place. */
export function formatCount(value: number, style: 'compact' | 'full' = 'full', lang = 'en'): string {
  const key = `${lang} ${style}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang, style === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : {}));
  return formats.get(key)!.format(value);
}
