// The prompts CSV of the largest prompt library (https://github.com/f/awesome-chatgpt-prompts,
// prompts.csv): a header with `act` and `prompt`, optional columns
// (`for_devs`, `type`, `contributor`…), RFC 4180 quoting. One persona a row.
import { parse } from 'csv-parse/sync';
import type { FormatReader } from './format.ts';

const DOCS = 'https://github.com/f/awesome-chatgpt-prompts';

export const reader: FormatReader = {
  id: 'prompts-csv',
  label: 'Prompts CSV (act, prompt)',
  docs: DOCS,
  detect: ({ path, text }) => path.endsWith('.csv') && /^\uFEFF?[^\n]*\bact\b[^\n]*\bprompt\b|^\uFEFF?[^\n]*\bprompt\b[^\n]*\bact\b/.test(text),
  read: ({ text }) => {
    // Cells come back exactly as quoted: `""` is one quote, line breaks inside quotes are kept, nothing is trimmed.
    const rows: Array<{ record: Record<string, string>; info: { lines: number } }> = parse(text, { columns: true, bom: true, info: true, skip_empty_lines: true });
    return {
      personas: rows.map(({ record: { act, prompt, ...extra }, info }, index) => ({
        name: act,
        prompt: prompt ?? '',
        extra: Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== '')),
        where: `row ${index + 1} (line ${info.lines})`,
      })),
    };
  },
};
