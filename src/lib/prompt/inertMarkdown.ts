import { defineMdastPlugin } from 'satteri';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True for relative URLs and the schemes a prompt may reasonably link to. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore leading control characters and whitespace in a scheme.
  const scheme = /^[\u0000-\u0020]*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/**
 * Persona bodies are data, not code: raw HTML is shown as the text it is,
 * links with scripting schemes lose their link, and images become links so a
 * page never loads what a prompt points at.
 */
export const inertMarkdown = defineMdastPlugin({
  name: 'persona-inert-markdown',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  link(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, [...node.children]);
  },
  definition(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.setProperty(node, 'url', '#');
  },
  image(node, ctx) {
    const label = { type: 'text' as const, value: node.alt || node.url };
    ctx.replaceNode(node, isSafeUrl(node.url) ? { type: 'link', url: node.url, children: [label] } : label);
  },
});
