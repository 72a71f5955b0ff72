import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { contentSecurityPolicy, headersFile, SECURITY_HEADERS } from '../../src/lib/site/securityHeaders.ts';

test('scripts need no unsafe-inline or eval; WebAssembly is allowed for search', () => {
  const policy = contentSecurityPolicy();
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  assert.doesNotMatch(contentSecurityPolicy(true), /frame-ancestors/);
});

test('_headers sets security headers everywhere and immutable caching under the base path', () => {
  const file = headersFile('/atlas');
  assert.match(file, /^\/atlas\/\*\n {2}Content-Security-Policy: /);
  const immutable = ['/atlas/_astro/*', ...['/atlas/pagefind/', '/atlas/pagefind/part-*/'].flatMap((root) => ['index/*', 'fragment/*', 'filter/*'].map((dir) => root + dir))];
  for (const path of immutable) {
    assert.ok(file.includes(`${path}\n  Cache-Control: public, max-age=31536000, immutable`), path);
  }
  assert.equal((file.match(/Cache-Control/g) ?? []).length, immutable.length);
  // Another language's search index sits in /<lang>/pagefind/, its chunks as hashed as the default's.
  assert.ok(headersFile('/', ['de']).includes('/de/pagefind/part-*/fragment/*\n  Cache-Control: public, max-age=31536000, immutable'));
});

test('the deploy guide shows the headers the build writes', () => {
  const guide = readFileSync('src/content/docs/deploying.mdx', 'utf8');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.ok(guide.includes(`${name}: ${value}`), `${name} in the header list`);
    assert.ok(guide.includes(`add_header ${name} "${value}" always;`), `${name} in the nginx snippet`);
  }
});
