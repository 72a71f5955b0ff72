import { defineMdastPlugin, markdownToHtml } from 'satteri';
import { prepareHighlighting } from './codeHighlight.ts';
import { hiddenMarks } from './hiddenMarks.ts';
import { inertMarkdown } from './inertMarkdown.ts';
import { inCode, scanMarkdown } from './markdownScan.ts';
import { placeholderMarks } from './placeholderMarks.ts';
import { promptBlocks } from './promptBlocks.ts';

/**
 * A prompt as HTML: GitHub-flavoured markdown through Sätteri (Astro 7's own
 * markdown engine), with raw HTML shown as text (see inertMarkdown), and
 * tables and code blocks that scroll in their own boxes, code highlighted
 * (see promptBlocks), fill-in placeholders marked (see placeholderMarks), and
 * invisible characters shown (see hiddenMarks).
 * Without `highlight`, code is plain: the same text, as the search index needs it.
 */
export async function renderPrompt(prompt: string, { highlight = true } = {}): Promise<string> {
  if (highlight) await prepareHighlighting(prompt);
  const mdastPlugins = opensWithTitle(prompt) ? [inertMarkdown, headingsOneDown] : [inertMarkdown];
  return markdownToHtml(prompt, { mdastPlugins, hastPlugins: [placeholderMarks, promptBlocks({ highlight }), hiddenMarks] }).html;
}

/** Whether the prompt has a top-level `# heading` (outside code): many collections open each prompt with its name so. */
function opensWithTitle(prompt: string): boolean {
  const scan = scanMarkdown(prompt);
  return [...prompt.matchAll(/^ {0,3}#[ \t]/gm)].some((match) => !inCode(scan, match.index));
}

/** The page's own h1 is the persona's name: a prompt's headings move one level down, so the page keeps one h1 and its outline. */
const headingsOneDown = defineMdastPlugin({
  name: 'persona-headings-one-down',
  heading(node, ctx) {
    ctx.setProperty(node, 'depth', Math.min(6, node.depth + 1) as typeof node.depth);
  },
});
