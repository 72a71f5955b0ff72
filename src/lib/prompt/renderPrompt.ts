import { markdownToHtml } from 'satteri';
import { prepareHighlighting } from './codeHighlight.ts';
import { inertMarkdown } from './inertMarkdown.ts';
import { placeholderMarks } from './placeholderMarks.ts';
import { promptBlocks } from './promptBlocks.ts';

/**
 * A prompt as HTML: GitHub-flavoured markdown through Sätteri (Astro 7's own
 * markdown engine), with raw HTML shown as text (see inertMarkdown), and
 * tables and code blocks that scroll in their own boxes, code highlighted
 * (see promptBlocks), and fill-in placeholders marked (see placeholderMarks).
 */
export async function renderPrompt(prompt: string): Promise<string> {
  await prepareHighlighting(prompt);
  return markdownToHtml(prompt, { mdastPlugins: [inertMarkdown], hastPlugins: [placeholderMarks, promptBlocks()] }).html;
}
