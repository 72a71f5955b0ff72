import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeUrl } from '../../src/lib/prompt/inertMarkdown.ts';
import { renderAhead, renderedPrompt } from '../../src/lib/prompt/promptsAhead.ts';
import { renderPrompt } from '../../src/lib/prompt/renderPrompt.ts';

test('markdown renders with headings, lists and emphasis', async () => {
  const html = await renderPrompt('## Expertise\n\n- **APIs**: REST\n\n1. First');
  assert.match(html, /<h2>Expertise<\/h2>/);
  assert.match(html, /<li><strong>APIs<\/strong>: REST<\/li>/);
  assert.match(html, /<ol>\s*<li>First<\/li>/);
});

test('raw HTML is shown as text, never as markup', async () => {
  const html = await renderPrompt('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> and <iframe src="https://e.org"></iframe>');
  assert.doesNotMatch(html, /<script|<img|<iframe/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('scripting links lose their link; images become links, so nothing loads', async () => {
  const html = await renderPrompt('[a](javascript:alert(1)) [b](https://ok.example) ![pic](https://e.org/p.png)\n\n[r][bad]\n\n[bad]: JaVaScRiPt:alert(2)');
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /<a href="https:\/\/ok.example">b<\/a>/);
  assert.match(html, /<a href="https:\/\/e.org\/p.png">pic<\/a>/);
});

test('MDX-looking text stays text', async () => {
  const html = await renderPrompt("import x from 'y'\nexport const a = 1\n{braces} <Component/>");
  assert.match(html, /import x from 'y'/);
  assert.match(html, /\{braces\} &lt;Component\/&gt;/);
});

test('safe URL schemes', async () => {
  for (const url of ['https://a.b', 'http://a.b', 'mailto:x@y.z', '/relative', '#anchor', 'page.html']) assert.ok(isSafeUrl(url), url);
  for (const url of ['javascript:alert(1)', ' JAVASCRIPT:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) assert.ok(!isSafeUrl(url), url);
});

test('tables scroll inside a labelled, focusable section, numbered so each label is unique', async () => {
  const html = await renderPrompt('| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n\n| c |\n|---|\n| 3 |');
  assert.match(html, /<section class="table-scroll" tabindex="0" aria-label="Table 1"><table>/);
  assert.match(html, /aria-label="Table 2"><table>/);
});

test('code blocks are highlighted with classes (no inline styles), in a labelled section, focusable and carry a copy button', async () => {
  const html = await renderPrompt('```python\ndef f(x):\n    return "<b>"  # note\n```\n\n```\nplain <i>text</i>\n```');
  assert.doesNotMatch(html, /style=/);
  assert.match(html, /<section class="code-block" aria-label="Code block 1 \(python\)"><pre tabindex="0"><code class="language-python"><span class="hl-l\d+ hl-d\d+">def<\/span>/);
  assert.match(html, /&quot;&lt;b&gt;&quot;|"&lt;b&gt;"/);
  assert.match(html, /aria-label="Code block 2"><pre tabindex="0"><code>plain &lt;i&gt;text&lt;\/i&gt;\n<\/code><\/pre><button type="button" class="code-copy" hidden data-copy-code="">Copy<span class="sr-only"> code block 2<\/span><\/button>/);
});

test('highlighting never changes the text of a block, whatever the language', async () => {
  const code = 'const a = `x ${y}`;\r\n\tlet b = "\\u0000";   \n// ünïcödé 東京\n';
  const html = await renderPrompt(`\`\`\`js\n${code}\`\`\`\n\n\`\`\`not-a-language\nx\n\`\`\``);
  const text = html.match(/<code class="language-js">([\s\S]*?)<\/code>/)![1].replace(/<[^>]+>/g, '');
  const decoded = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  assert.equal(decoded, code);
  assert.match(html, /<code class="language-not-a-language">x\n<\/code>/);
});

test('without highlighting a prompt keeps the same text and markup, only without the colours', async () => {
  const prompt = '# Role\n\nCheck **each** line.\n\n```ts\nconst total = items.reduce((sum, item) => sum + item.price, 0);\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
  const colourless = (html: string) => html.replace(/<span class="hl-[^"]*">([^<]*)<\/span>/g, '$1');
  const plain = await renderPrompt(prompt, { highlight: false });
  assert.doesNotMatch(plain, /hl-/);
  assert.equal(plain, colourless(await renderPrompt(prompt)));
});

test('prompts rendered ahead in their thread are the HTML their pages would render', async () => {
  const prompts = Array.from({ length: 240 }, (_, i) => `# Reviewer ${i}\n\nFill in {{team}}; <b>raw</b> stays text.\n\n\`\`\`ts\nconst limit = ${i};\n\`\`\`\n`);
  // Two pages show the first prompt (a translation as written): both take it from the thread.
  renderAhead([...prompts, prompts[0]]);
  for (const prompt of [...prompts, prompts[0]]) assert.equal(await renderedPrompt(prompt), await renderPrompt(prompt));
  // Once every page has taken it, a prompt renders again on the page's own thread.
  assert.equal(await renderedPrompt(prompts[0]), await renderPrompt(prompts[0]));
});
