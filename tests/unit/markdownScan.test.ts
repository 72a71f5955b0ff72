import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import matter from 'gray-matter';
import { markdownToMdast } from 'satteri';
import { scanMarkdown } from '../../src/lib/prompt/markdownScan.ts';

type Node = { type: string; value?: string; children?: Node[]; position?: { start: { offset: number }; end: { offset: number } } };

/** What Sätteri, the site's markdown parser, says: code texts, heading count and the first block's kind. */
function parsed(body: string) {
  const tree = markdownToMdast(body, { position: true } as never) as Node;
  const code: string[] = [];
  let headings = 0;
  const visit = (node: Node) => {
    if (node.type === 'code' || node.type === 'inlineCode') code.push(body.slice(node.position!.start.offset, node.position!.end.offset).trim());
    else {
      if (node.type === 'heading') headings++;
      node.children?.forEach(visit);
    }
  };
  visit(tree);
  const first = tree.children?.[0]?.type;
  return { code, headings, opening: first === 'paragraph' || first === 'heading' ? first : first ? 'other' : 'none' };
}

test('the scanner finds the same code, headings and opening as Sätteri in every shipped and fixture prompt', () => {
  const dirs = ['personas', 'tests/fixtures/catalog', 'tests/fixtures/lint/placeholders', 'tests/fixtures/lint/sections'];
  let checked = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const body = matter(readFileSync(`${dir}/${name}`, 'utf8'), {}).content;
      const scan = scanMarkdown(body);
      assert.deepEqual(
        { code: scan.code.map((r) => body.slice(r.start, r.end).trim()), headings: scan.headings.length, opening: scan.opening },
        parsed(body),
        `${dir}/${name}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 50);
});

test('fences, spans, indented blocks and setext headings', () => {
  const body = 'Intro `a {{x}}` and ``b ` c``.\n\nTitle\n=====\n\n    indented {{y}}\n    more\n\n~~~~md\n``` not a close\n~~~~\n\n- item\n\n    list continuation {{z}}\n';
  const scan = scanMarkdown(body);
  assert.deepEqual(scan.code.map((r) => body.slice(r.start, r.end).trim()), ['`a {{x}}`', '``b ` c``', 'indented {{y}}\n    more', '~~~~md\n``` not a close\n~~~~']);
  assert.deepEqual(scan.headings, ['Title']);
  assert.equal(scan.opening, 'paragraph');
  assert.deepEqual(parsed(body).code, scan.code.map((r) => body.slice(r.start, r.end).trim()));
});
