import assert from 'node:assert/strict';
import { test } from 'node:test';
import matter from 'gray-matter';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { EXPORT_TARGETS, exportSet, exportTarget, isSharedFile } from '../../src/lib/formats/exports.ts';
import type { ExportFile, ExportPersona } from '../../src/lib/formats/format.ts';
import { markdownSections } from '../../src/lib/formats/sharedMarkdown.ts';
import { skillName } from '../../src/lib/formats/agentSkills.ts';

const reviewer: ExportPersona = {
  id: 'code-reviewer',
  name: 'Code Reviewer',
  emoji: '🔍',
  category: 'engineering',
  description: 'Reviews pull requests for correctness and clarity.',
  tags: ['review'],
  worker_affinity: ['coding'],
  prompt: '\nYou review code.\n\n## Rules\n\n- Be specific.\n',
};
const PROMPT = 'You review code.\n\n## Rules\n\n- Be specific.';
const DESCRIPTION = reviewer.description;
const frontmatter = (yaml: string) => `---\n${yaml}---\n\n${PROMPT}\n`;

/** Each target's file for the reviewer, written out as its documentation shows the format. */
const GOLDEN: Record<string, Array<[string, string]>> = {
  'claude-code': [['.claude/agents/code-reviewer.md', frontmatter(`name: code-reviewer\ndescription: ${DESCRIPTION}\n`)]],
  codex: [
    [
      'AGENTS.md',
      '# Personas\n\nEach section below is a persona. When the user asks for one by name or id, take on its instructions until asked to stop.\n\n' +
        `<!-- persona-atlas:begin code-reviewer -->\n## 🔍 Code Reviewer (\`code-reviewer\`)\n\n${DESCRIPTION}\n\n${PROMPT}\n<!-- persona-atlas:end code-reviewer -->\n`,
    ],
  ],
  'gemini-cli': [['.gemini/agents/code-reviewer.md', frontmatter(`name: code-reviewer\ndescription: ${DESCRIPTION}\nkind: local\n`)]],
  opencode: [['.opencode/agents/code-reviewer.md', frontmatter(`description: ${DESCRIPTION}\nmode: all\n`)]],
  aider: [
    [
      'CONVENTIONS.md',
      '# Personas\n\nEach section below is a persona. When I ask for one by name or id, follow its instructions until I ask you to stop.\n\n' +
        `<!-- persona-atlas:begin code-reviewer -->\n## 🔍 Code Reviewer (\`code-reviewer\`)\n\n${DESCRIPTION}\n\n${PROMPT}\n<!-- persona-atlas:end code-reviewer -->\n`,
    ],
  ],
  'qwen-code': [['.qwen/agents/code-reviewer.md', frontmatter(`name: code-reviewer\ndescription: ${DESCRIPTION}\n`)]],
  'kimi-code': [
    [
      '.kimi/agents/code-reviewer/agent.yaml',
      'version: 1\nagent:\n  extend: default\n  name: code-reviewer\n  system_prompt_path: ./system.md\n',
    ],
    ['.kimi/agents/code-reviewer/system.md', `${PROMPT}\n`],
  ],
  openclaw: [
    ['.openclaw/workspace-code-reviewer/SOUL.md', `${PROMPT}\n`],
    [
      '.openclaw/workspace-code-reviewer/IDENTITY.md',
      `# IDENTITY.md - Who Am I?\n\n- **Name:** Code Reviewer\n- **Emoji:** 🔍\n- **Vibe:** ${DESCRIPTION}\n`,
    ],
  ],
  'agent-skills': [['.agents/skills/code-reviewer/SKILL.md', frontmatter(`name: code-reviewer\ndescription: ${DESCRIPTION}\n`)]],
  cursor: [['.cursor/rules/code-reviewer.mdc', frontmatter(`description: ${DESCRIPTION}\nglobs:\nalwaysApply: false\n`)]],
  copilot: [['.github/agents/code-reviewer.agent.md', frontmatter(`name: Code Reviewer\ndescription: ${DESCRIPTION}\n`)]],
  windsurf: [['.windsurf/rules/code-reviewer.md', frontmatter(`trigger: model_decision\ndescription: ${DESCRIPTION}\n`)]],
  antigravity: [['.agents/rules/code-reviewer.md', frontmatter(`trigger: model_decision\ndescription: ${DESCRIPTION}\n`)]],
  cline: [['.clinerules/code-reviewer.md', `${PROMPT}\n`]],
  'roo-code': [
    [
      '.roomodes',
      'customModes:\n  - slug: code-reviewer\n    name: 🔍 Code Reviewer\n' +
        `    description: ${DESCRIPTION}\n    roleDefinition: |-\n      You review code.\n\n      ## Rules\n\n      - Be specific.\n` +
        `    whenToUse: ${DESCRIPTION}\n    groups:\n      - read\n      - edit\n      - browser\n      - command\n      - mcp\n`,
    ],
  ],
  kiro: [['.kiro/steering/code-reviewer.md', frontmatter('inclusion: manual\n')]],
  continue: [['.continue/rules/code-reviewer.md', frontmatter(`name: Code Reviewer\ndescription: ${DESCRIPTION}\nalwaysApply: false\n`)]],
  'amazon-q': [['.amazonq/rules/code-reviewer.md', `${PROMPT}\n`]],
  openai: [['code-reviewer.system-message.json', `{\n  "role": "system",\n  "content": ${JSON.stringify(PROMPT)}\n}\n`]],
  anthropic: [
    [
      'code-reviewer.messages-request.json',
      `{\n  "model": "claude-sonnet-4-5",\n  "max_tokens": 4096,\n  "system": ${JSON.stringify(PROMPT)},\n  "messages": [\n    {\n      "role": "user",\n      "content": "Hello! Briefly introduce yourself and ask what I need."\n    }\n  ]\n}\n`,
    ],
  ],
  text: [['code-reviewer.txt', `${PROMPT}\n`]],
};

test('the registry has at least 20 targets, each with a unique id, a group and (but for plain text) its documentation', () => {
  assert.ok(EXPORT_TARGETS.length >= 20, `${EXPORT_TARGETS.length} targets`);
  assert.equal(new Set(EXPORT_TARGETS.map((t) => t.id)).size, EXPORT_TARGETS.length);
  for (const target of EXPORT_TARGETS) {
    if (target.id !== 'text') assert.match(target.docs ?? '', /^https:\/\//, target.id);
  }
  assert.deepEqual(Object.keys(GOLDEN).sort(), EXPORT_TARGETS.map((t) => t.id).sort(), 'every target has a golden test');
});

for (const target of EXPORT_TARGETS) {
  test(`golden: ${target.label} writes the documented file shape at its documented path`, () => {
    const files = exportSet(target, [reviewer]);
    assert.deepEqual(
      files.map((f) => [f.path, f.content]),
      GOLDEN[target.id],
    );
  });
}

/** Persona text that breaks naive writers: YAML and TOML specials, `---`, backticks, CRLF, other scripts. */
const awkward: ExportPersona[] = [
  {
    id: 'colon-quote',
    name: 'Zoë "The Colon": Ops — 東京 / Київ',
    emoji: '👩‍💻',
    category: 'ops',
    description: `Handles: "double", 'single', #hash, --- dashes, {braces} & [brackets]; key = "toml"`,
    tags: [],
    worker_affinity: [],
    prompt:
      '\r\nYou are Zoë.\r\n\r\n---\r\nkey: value\r\n- not: a list\r\n\r\n```yaml\r\nname: "x"\r\n---\r\n```\r\n\r\nUse `backticks`, ${HOME}, {{name}}, <b>tags</b> and\ttabs.  \r\n',
  },
  {
    id: 'yaml-lookalike',
    name: 'true',
    emoji: '🇯🇵',
    category: 'misc',
    description: 'null',
    tags: [],
    worker_affinity: [],
    prompt: '---\ntitle: not frontmatter\n---\n\nمرحبا بك. 你好。\n\n    indented code\n',
  },
  {
    id: 'yes',
    name: '- [list]: {map}',
    emoji: '🏳️‍🌈',
    category: 'misc',
    description: '123',
    tags: [],
    worker_affinity: [],
    prompt: "'''\n\"\"\"\n[table]\nkey = 'value'\n# comment\n<!-- persona-atlas:begin other -->\n",
  },
];

const expectedBody = (prompt: string) => prompt.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

/** Frontmatter and body as a tool reads them, through two real YAML parsers. */
function readFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  assert.ok(text.startsWith('---\n'), 'starts with frontmatter');
  const end = text.indexOf('\n---\n', 3);
  const data = (parseYaml(text.slice(4, end + 1)) ?? {}) as Record<string, unknown>;
  const viaGrayMatter = matter(text, {});
  assert.deepEqual(viaGrayMatter.data, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v ?? null])));
  assert.ok(text.slice(end + 5).startsWith('\n'), 'a blank line after the frontmatter');
  return { data, body: text.slice(end + 6).replace(/\n$/, '') };
}

const plainBody = (text: string) => (text.startsWith('---\n') ? readFrontmatter(text).body : text.replace(/\n$/, ''));

/** What each target's files say about a persona, read back with the format's own parser. */
const READ_BACK: Record<string, (files: ExportFile[], p: ExportPersona) => void> = {
  'claude-code': ([f], p) => assert.deepEqual(readFrontmatter(f.content), { data: { name: p.id, description: p.description }, body: expectedBody(p.prompt) }),
  'gemini-cli': ([f], p) =>
    assert.deepEqual(readFrontmatter(f.content), { data: { name: p.id, description: p.description, kind: 'local' }, body: expectedBody(p.prompt) }),
  opencode: ([f], p) => assert.deepEqual(readFrontmatter(f.content), { data: { description: p.description, mode: 'all' }, body: expectedBody(p.prompt) }),
  'qwen-code': ([f], p) => assert.deepEqual(readFrontmatter(f.content), { data: { name: p.id, description: p.description }, body: expectedBody(p.prompt) }),
  'agent-skills': ([f], p) => {
    // Names of at most 64 characters without consecutive hyphens; a persona's other id rides in the spec's metadata map.
    const name = skillName(p.id);
    assert.ok(name.length <= 64 && !name.includes('--') && f.path === `.agents/skills/${name}/SKILL.md`, f.path);
    const metadata = name === p.id ? {} : { metadata: { 'persona-atlas-id': p.id } };
    assert.deepEqual(readFrontmatter(f.content), { data: { name, description: p.description, ...metadata }, body: expectedBody(p.prompt) });
  },
  cursor: ([f], p) =>
    assert.deepEqual(readFrontmatter(f.content), { data: { description: p.description, globs: null, alwaysApply: false }, body: expectedBody(p.prompt) }),
  copilot: ([f], p) => assert.deepEqual(readFrontmatter(f.content), { data: { name: p.name, description: p.description }, body: expectedBody(p.prompt) }),
  windsurf: ([f], p) =>
    assert.deepEqual(readFrontmatter(f.content), { data: { trigger: 'model_decision', description: p.description }, body: expectedBody(p.prompt) }),
  antigravity: ([f], p) =>
    assert.deepEqual(readFrontmatter(f.content), { data: { trigger: 'model_decision', description: p.description }, body: expectedBody(p.prompt) }),
  kiro: ([f], p) => assert.deepEqual(readFrontmatter(f.content), { data: { inclusion: 'manual' }, body: expectedBody(p.prompt) }),
  continue: ([f], p) =>
    assert.deepEqual(readFrontmatter(f.content), { data: { name: p.name, description: p.description, alwaysApply: false }, body: expectedBody(p.prompt) }),
  cline: ([f], p) => assert.equal(plainBody(f.content), expectedBody(p.prompt)),
  'amazon-q': ([f], p) => assert.equal(plainBody(f.content), expectedBody(p.prompt)),
  'kimi-code': ([spec, system], p) => {
    assert.deepEqual(parseYaml(spec.content), { version: 1, agent: { extend: 'default', name: p.id, system_prompt_path: './system.md' } });
    // Kimi reads system.md through Python's string.Template, where `$$` stands for one `$`.
    assert.equal(system.content.replaceAll('$$', '$'), `${expectedBody(p.prompt)}\n`);
    assert.ok(!/\$(?!\$)/.test(system.content.replaceAll('$$', '')), 'no $ that string.Template would substitute');
  },
  openclaw: ([soul, identity], p) => {
    assert.equal(plainBody(soul.content), expectedBody(p.prompt));
    // Lines end at \n only: a name may hold U+2028, which JavaScript's `.` would stop at and markdown does not.
    assert.equal(identity.content.match(/^- \*\*Name:\*\* ([^\n]*)$/m)?.[1], p.name);
    assert.equal(identity.content.match(/^- \*\*Emoji:\*\* ([^\n]*)$/m)?.[1], p.emoji);
  },
  codex: ([f], p) => assert.ok(markdownSections(f.content).get(p.id)?.includes(`\n${expectedBody(p.prompt)}\n<!-- persona-atlas:end ${p.id} -->`)),
  aider: ([f], p) => assert.ok(markdownSections(f.content).get(p.id)?.includes(`\n${expectedBody(p.prompt)}\n<!-- persona-atlas:end ${p.id} -->`)),
  'roo-code': ([f], p) => {
    const [mode] = parseYaml(f.content).customModes;
    assert.deepEqual(mode, {
      slug: p.id,
      name: `${p.emoji} ${p.name}`,
      description: p.description,
      roleDefinition: expectedBody(p.prompt),
      whenToUse: p.description,
      groups: ['read', 'edit', 'browser', 'command', 'mcp'],
    });
  },
  openai: ([f], p) => assert.deepEqual(JSON.parse(f.content), { role: 'system', content: expectedBody(p.prompt) }),
  anthropic: ([f], p) => {
    const request = JSON.parse(f.content);
    assert.equal(request.system, expectedBody(p.prompt));
    assert.equal(request.messages[0].role, 'user');
    assert.equal(typeof request.max_tokens, 'number');
  },
  text: ([f], p) => assert.equal(f.content, `${expectedBody(p.prompt)}\n`),
};

for (const target of EXPORT_TARGETS) {
  test(`parse-back: ${target.label} keeps awkward names, descriptions and prompts intact`, () => {
    assert.ok(READ_BACK[target.id], 'has a parse-back check');
    for (const persona of [reviewer, ...awkward]) {
      const files = exportSet(target, [persona]);
      for (const file of files) assert.ok(!file.path.startsWith('/') && !file.path.includes('..'), file.path);
      READ_BACK[target.id](files, persona);
    }
  });
}

const manyInOne = EXPORT_TARGETS.filter(isSharedFile);

test('the shared-file targets are AGENTS.md, CONVENTIONS.md and .roomodes', () => {
  assert.deepEqual(manyInOne.map((t) => t.paths[0]).sort(), ['.roomodes', 'AGENTS.md', 'CONVENTIONS.md']);
});

const entriesOf = (target: string, text: string) =>
  target === 'roo-code' ? parseYaml(text).customModes.map((m: { slug: string }) => m.slug) : [...markdownSections(text).keys()];

for (const target of manyInOne) {
  test(`${target.label}: a 3-persona set is one file with 3 entries, in id order whatever the selection order`, () => {
    const set = [awkward[2], reviewer, awkward[0]];
    const files = exportSet(target, set);
    assert.equal(files.length, 1);
    assert.equal(files[0].path, target.paths[0]);
    assert.deepEqual(entriesOf(target.id, files[0].content), ['code-reviewer', 'colon-quote', 'yes']);
    assert.equal(exportSet(target, [...set].reverse())[0].content, files[0].content);
  });

  test(`${target.label}: merging into an existing file keeps its other content and adding the same set twice changes nothing`, () => {
    const existing =
      target.id === 'roo-code'
        ? '# my modes\ncustomModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: Mine.\n    groups: [read]\n'
        : '# Project rules\n\nRun the tests before committing.\n';
    const once = exportSet(target, [reviewer, awkward[0]], existing)[0].content;
    const twice = exportSet(target, [reviewer, awkward[0]], once)[0].content;
    assert.equal(twice, once);
    assert.ok(once.startsWith(existing.split('\n')[0]), 'keeps what was there');
    const entries = entriesOf(target.id, once);
    assert.deepEqual(entries.filter((id: string) => id !== 'mine'), ['code-reviewer', 'colon-quote']);
    const updated = exportSet(target, [{ ...reviewer, prompt: 'Changed.' }], once)[0].content;
    assert.equal(entriesOf(target.id, updated).length, entries.length, 'replaces a persona instead of adding it twice');
    assert.ok(updated.includes('Changed.'));
  });
}

test('merging into a .roomodes that is not YAML says so instead of overwriting it', () => {
  assert.throws(() => exportSet(exportTarget('roo-code')!, [reviewer], 'customModes: [unclosed'), /is not valid YAML/);
});

/** Pieces that break naive writers, mixed into generated text. */
const TRICKY = ['---', '\r\n', '\n', '```', '~~~', '{{name}}', '${HOME}', '"', "'", '#', ': ', '- ', '[x]', '{a: b}', '<!-- persona-atlas:begin other -->', '\t', '  ', 'key = "v"', '🏳️‍🌈', '👩‍💻', '🇯🇵', 'مرحبا', '東京', 'Київ', '\u200b', '\\'];
const trickyText = (minLength: number) =>
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })), { minLength, maxLength: 12 }).map((parts) => parts.join(''));
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** Personas as the schema admits them: any Unicode in names, descriptions and prompts. */
const generatedPersona: fc.Arbitrary<ExportPersona> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/),
    name: trickyText(1).map(oneLine).filter(Boolean),
    emoji: fc.constantFrom('🔧', '👩‍💻', '🇯🇵', '🏳️‍🌈', '☕'),
    description: trickyText(1).map((text) => text.trim()).filter(Boolean),
    prompt: trickyText(1).filter((text) => text.trim() !== ''),
  })
  .map((fields) => ({ ...fields, category: 'generated', tags: [], worker_affinity: [] }));

for (const target of EXPORT_TARGETS) {
  test(`property: ${target.label} files parse back to the generated persona`, () => {
    fc.assert(
      fc.property(generatedPersona, (persona) => {
        READ_BACK[target.id](exportSet(target, [persona]), persona);
      }),
      { numRuns: 200 },
    );
  });
}
