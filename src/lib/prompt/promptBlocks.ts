import type { Element, ElementContent, Properties, Text } from 'hast';
import { defineHastPlugin } from 'satteri';
import { highlightCode } from './codeHighlight.ts';

const text = (value: string): Text => ({ type: 'text', value });
const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/**
 * Wide blocks of a prompt scroll inside their own box so a page never scrolls
 * sideways on a phone: tables sit in a labelled, focusable scrolling section;
 * code blocks scroll in a focusable <pre> inside a labelled section, are
 * highlighted (unless `highlight` is false: the same text, without the
 * colours' elements), and get a button (shown by the page script) that copies
 * the block's exact text.
 */
export const promptBlocks = ({ highlight = true } = {}) => {
  let tables = 0;
  let blocks = 0;
  return defineHastPlugin({
    name: 'persona-prompt-blocks',
    element: [
      {
        filter: ['table'],
        visit(node, ctx) {
          tables += 1;
          ctx.wrapNode(node, element('section', { className: ['table-scroll'], tabIndex: 0, ariaLabel: `Table ${tables}` }, []));
        },
      },
      {
        filter: ['pre'],
        visit(node, ctx) {
          const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
          if (!code) return;
          blocks += 1;
          const classes = [code.properties.className ?? []].flat().map(String);
          const lang = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
          const label = `Code block ${blocks}${lang ? ` (${lang})` : ''}`;
          const source = ctx.textContent(code).replace(/\n$/, '');
          const lines = highlight ? highlightCode(source, lang) : undefined;
          if (lines) {
            const children = lines.flatMap((line, index) => [
              ...line.map((token) => (token.classes.length ? element('span', { className: token.classes }, [text(token.text)]) : text(token.text))),
              // Markdown ends a code block's text with a newline; the copy button drops it again.
              text('\n'),
            ]);
            ctx.replaceNode(code, element('code', { className: classes }, children));
          }
          ctx.setProperty(node, 'tabIndex', 0);
          const copy = element('button', { type: 'button', className: ['code-copy'], hidden: true, dataCopyCode: '' }, [
            text('Copy'),
            element('span', { className: ['sr-only'] }, [text(` code block ${blocks}`)]),
          ]);
          ctx.wrapNode(node, element('section', { className: ['code-block'], ariaLabel: label }, [copy]));
        },
      },
    ],
  });
};
