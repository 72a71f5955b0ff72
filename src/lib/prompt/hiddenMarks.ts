import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import { codePointName, findHiddenCharacters } from '../persona/hiddenCharacters.ts';

/**
 * Shows the invisible characters a prompt may still hold once it passed the
 * check (those the catalog allows, and stray ones that are only warnings) as
 * marks. Each mark keeps the character itself as its text, so selecting or
 * copying a code block still gives the prompt's exact bytes; the stylesheet
 * draws the code point beside it (a pseudo-element, which no copy includes).
 */
const marks = defineHastPlugin({
  name: 'persona-hidden-marks',
  text(node, ctx) {
    const findings = findHiddenCharacters(node.value);
    if (findings.length === 0) return;
    const parts: ElementContent[] = [];
    let at = 0;
    for (const { index, length, codePoints } of findings) {
      if (index > at) parts.push({ type: 'text', value: node.value.slice(at, index) });
      const names = codePoints.map(codePointName).join(' ');
      parts.push({ type: 'element', tagName: 'mark', properties: { className: ['hidden-char'], dataCodePoints: names, title: names }, children: [{ type: 'text', value: node.value.slice(index, index + length) }] } satisfies Element);
      at = index + length;
    }
    if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
    ctx.replaceNode(node, parts);
  },
});

/** Only for prompts that hold a hidden character: a text visitor sees every text node. */
export const hiddenMarks = ({ source }: PluginFactoryContext) => (findHiddenCharacters(source).length > 0 ? marks : null);
