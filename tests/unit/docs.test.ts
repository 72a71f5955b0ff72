import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';

// The README is the front door; the documentation lives on the site (src/content/docs/, /docs/).

const README = readFileSync('README.md', 'utf8');

test('the README stays a front door: at most 8,000 characters, the two set-up commands, the no-fork quick start', () => {
  assert.ok(README.length <= 8000, `README.md has ${README.length} characters`);
  assert.match(README, /npm install && npm start/);
  assert.match(README, /npm test/);
  for (const command of ['init', 'dev', 'build']) assert.match(README, new RegExp(`npx persona-atlas ${command}`));
});

test('every link of the README and the documentation to a file of the repository or another page points to one that exists', () => {
  for (const [, target] of README.matchAll(/\]\((?!https?:)([^)#]+)[^)]*\)/g)) assert.ok(existsSync(target), `README links to ${target}`);
  const pages = new Set(readdirSync('src/content/docs').map((file) => file.replace(/\.mdx$/, '')));
  for (const file of readdirSync('src/content/docs')) {
    const text = readFileSync(`src/content/docs/${file}`, 'utf8');
    for (const [, page] of text.matchAll(/\]\(\.\.\/([^/)#]+)\/[^)]*\)/g)) assert.ok(pages.has(page), `${file} links to ../${page}/`);
    assert.match(text, /^---\ntitle: .+\ndescription: .+\ngroup: (use|host|contribute)\norder: \d+\n---\n/, file);
  }
});
