// Rule files that hold nothing but the prompt: Cline, Amazon Q Developer.
import type { FormatReader, PerPersonaTarget } from './format.ts';
import { fileStem, plainMarkdown, plainPrompt } from './shared.ts';

/** A tool that reads plain markdown rules from one folder; the file name is the id. */
function plainRule(id: string, label: string, docs: string, folder: string, userWide?: string): { target: PerPersonaTarget; reader: FormatReader } {
  return {
    target: { id, label, group: 'ide-assistants', docs, userWide, paths: [`${folder}<id>.md`], render: (p) => [plainMarkdown(p.prompt)] },
    reader: {
      id,
      label,
      docs,
      detect: ({ path }) => path.includes(folder),
      read: ({ path, text }) => ({ personas: [{ id: fileStem(path, '.md'), prompt: plainPrompt(text), extra: {} }] }),
    },
  };
}

// https://docs.cline.bot/features/cline-rules
export const cline = plainRule('cline', 'Cline rule', 'https://docs.cline.bot/features/cline-rules', '.clinerules/', '~/Documents/Cline/Rules/');
// https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html
export const amazonQ = plainRule('amazon-q', 'Amazon Q Developer rule', 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/context-project-rules.html', '.amazonq/rules/');
