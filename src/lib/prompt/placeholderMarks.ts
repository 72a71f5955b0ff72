import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import { splitPlaceholders } from './promptVariables.ts';

const CODE = new Set(['code', 'pre']);

/**
 * Marks fill-in placeholders in the rendered prompt, so the page can show
 * typed values in place (data-var names the variable; the text stays as
 * written until then). Code stays literal, as it does for the variables.
 */
const marks = defineHastPlugin({
  name: 'persona-placeholder-marks',
  text(node, ctx) {
    if (!node.value.includes('{{')) return;
    for (let parent = ctx.parent(node); parent && parent.type === 'element'; parent = ctx.parent(parent)) {
      if (CODE.has(parent.tagName)) return;
    }
    const segments = splitPlaceholders(node.value);
    if (segments.length === 1 && 'text' in segments[0]) return;
    ctx.replaceNode(
      node,
      segments.map((segment): ElementContent =>
        'text' in segment
          ? { type: 'text', value: segment.text }
          : ({ type: 'element', tagName: 'mark', properties: { className: ['prompt-var'], dataVar: segment.name, dataRaw: segment.raw }, children: [{ type: 'text', value: segment.raw }] } satisfies Element),
      ),
    );
  },
});

/**
 * Only for prompts that hold a placeholder: a text visitor sees every text
 * node, each one crossing from Sätteri's Rust side into JavaScript.
 */
export const placeholderMarks = ({ source }: PluginFactoryContext) => (source.includes('{{') ? marks : null);
