import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeUrl } from '../../src/lib/inertMarkdown.ts';
import { renderPrompt } from '../../src/lib/renderPrompt.ts';

test('markdown renders with headings, lists and emphasis', () => {
  const html = renderPrompt('## Expertise\n\n- **APIs**: REST\n\n1. First');
  assert.match(html, /<h2>Expertise<\/h2>/);
  assert.match(html, /<li><strong>APIs<\/strong>: REST<\/li>/);
  assert.match(html, /<ol>\s*<li>First<\/li>/);
});

test('raw HTML is shown as text, never as markup', () => {
  const html = renderPrompt('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> and <iframe src="https://e.org"></iframe>');
  assert.doesNotMatch(html, /<script|<img|<iframe/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('scripting links lose their link; images become links, so nothing loads', () => {
  const html = renderPrompt('[a](javascript:alert(1)) [b](https://ok.example) ![pic](https://e.org/p.png)\n\n[r][bad]\n\n[bad]: JaVaScRiPt:alert(2)');
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /<a href="https:\/\/ok.example">b<\/a>/);
  assert.match(html, /<a href="https:\/\/e.org\/p.png">pic<\/a>/);
});

test('MDX-looking text stays text', () => {
  const html = renderPrompt("import x from 'y'\nexport const a = 1\n{braces} <Component/>");
  assert.match(html, /import x from 'y'/);
  assert.match(html, /\{braces\} &lt;Component\/&gt;/);
});

test('safe URL schemes', () => {
  for (const url of ['https://a.b', 'http://a.b', 'mailto:x@y.z', '/relative', '#anchor', 'page.html']) assert.ok(isSafeUrl(url), url);
  for (const url of ['javascript:alert(1)', ' JAVASCRIPT:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) assert.ok(!isSafeUrl(url), url);
});
