import { markdownToHtml } from 'satteri';
import { inertMarkdown } from './inertMarkdown.ts';

/**
 * A prompt as HTML: GitHub-flavoured markdown through Sätteri (Astro 7's own
 * markdown engine), with raw HTML shown as text (see inertMarkdown).
 */
export function renderPrompt(prompt: string): string {
  return markdownToHtml(prompt, { mdastPlugins: [inertMarkdown] }).html;
}
