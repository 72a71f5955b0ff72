import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emojiOf, firstSentence, folderCategory } from '../../src/lib/formats/derive.ts';
import { slugify } from '../../src/lib/persona/slugify.ts';
import { EXPORT_TARGETS, exportSet } from '../../src/lib/formats/exports.ts';
import type { ExportPersona } from '../../src/lib/formats/format.ts';
import { body } from '../../src/lib/formats/shared.ts';
import { READERS, readerById } from '../../src/lib/formats/readers.ts';
import { checkPersonas, type CheckResult } from '../../src/lib/persona/personaCheck.ts';

// Readers beside writers: each format read from a file shaped as its
// documentation shows it, every writer's files read back, and the derivation
// rules that fill what a format lacks.

/** Reads files given as path → text, as if they were a folder's, detecting formats unless `from` says. */
function read(files: Record<string, string>, from?: string): CheckResult {
  return checkPersonas(
    Object.entries(files).map(([path, text]) => ({ file: `collection/${path}`, relative: path, bytes: Buffer.from(text) })),
    { from },
  );
}

function only(result: CheckResult) {
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
  assert.equal(result.personas.length, 1);
  return result.personas[0];
}

const PROMPT = '\nYou review code.\n\n## Rules\n\n- Be specific.\n';

/** One file per format, shaped as the format's documentation shows it, and what reading it must give. */
const GOLDEN: Record<string, { files: Record<string, string>; expect: Record<string, unknown>; prompt: string }> = {
  'persona-atlas': {
    files: { 'code-reviewer.md': `---\nid: code-reviewer\nname: Code Reviewer\nemoji: "\\U0001F50D"\ncategory: engineering\ndescription: Reviews code.\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', category: 'engineering', description: 'Reviews code.' },
    prompt: PROMPT,
  },
  'claude-code': {
    files: { '01-core-development/code-reviewer.md': `---\nname: code-reviewer\ndescription: Reviews code.\ntools: Read, Grep\nmodel: sonnet\ncolor: blue\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', category: 'core-development', description: 'Reviews code.', tools: 'Read, Grep', model: 'sonnet', color: 'blue' },
    prompt: PROMPT,
  },
  agency: {
    files: { 'engineering/engineering-code-reviewer.md': `---\nname: Code Reviewer\ndescription: Reviews code with care\ncolor: purple\nemoji: 🛠\nvibe: Finds the bug before it ships.\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🛠️', category: 'engineering', description: 'Reviews code with care', color: 'purple', vibe: 'Finds the bug before it ships.' },
    prompt: PROMPT,
  },
  lobehub: {
    files: {
      'src/code-reviewer.json': JSON.stringify({
        author: 'someone',
        config: { systemRole: 'You review code.\n\n"Quoted" \\ slashes.', openingMessage: 'Paste a diff.' },
        identifier: 'code-reviewer',
        meta: { avatar: '🔍', description: 'Reviews code.', tags: ['code review', 'Go'], title: 'Code Reviewer', category: 'programming' },
        schemaVersion: 1,
      }),
    },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', category: 'programming', tags: ['code-review', 'go'], author: 'someone', openingMessage: 'Paste a diff.' },
    prompt: 'You review code.\n\n"Quoted" \\ slashes.',
  },
  'prompts-csv': {
    files: { 'prompts.csv': 'act,prompt,for_devs,type,contributor\r\n"Code Reviewer","I want you to act as a code reviewer. Say ""why"",\r\nnot only what.",TRUE,TEXT,someone\r\n' },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', category: 'general', description: 'I want you to act as a code reviewer.', for_devs: 'TRUE', type: 'TEXT', contributor: 'someone' },
    prompt: 'I want you to act as a code reviewer. Say "why",\r\nnot only what.',
  },
  codex: {
    files: { 'AGENTS.md': '# Project\n\n<!-- persona-atlas:begin code-reviewer -->\n## 🔍 Code Reviewer (`code-reviewer`)\n\nReviews code.\n\nYou review code.\n<!-- persona-atlas:end code-reviewer -->\n' },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', description: 'Reviews code.' },
    prompt: 'You review code.',
  },
  aider: {
    files: { 'CONVENTIONS.md': '<!-- persona-atlas:begin code-reviewer -->\n## 🔍 Code Reviewer (`code-reviewer`)\n\nReviews code.\n\nYou review code.\n<!-- persona-atlas:end code-reviewer -->\n' },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', description: 'Reviews code.' },
    prompt: 'You review code.',
  },
  'gemini-cli': {
    files: { '.gemini/agents/code-reviewer.md': `---\nname: code-reviewer\ndescription: Reviews code.\nkind: local\nmodel: gemini-2.5-pro\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.', model: 'gemini-2.5-pro' },
    prompt: PROMPT,
  },
  opencode: {
    files: { '.opencode/agents/code-reviewer.md': `---\ndescription: Reviews code.\nmode: subagent\nmodel: anthropic/claude-sonnet-4-5\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.', model: 'anthropic/claude-sonnet-4-5' },
    prompt: PROMPT,
  },
  'qwen-code': {
    files: { '.qwen/agents/code-reviewer.md': `---\nname: code-reviewer\ndescription: Reviews code.\ntools: read_file\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', description: 'Reviews code.', tools: 'read_file' },
    prompt: PROMPT,
  },
  'kimi-code': {
    files: { 'code-reviewer/agent.yaml': 'version: 1\nagent:\n  extend: default\n  name: code-reviewer\n  system_prompt_path: ./system.md\n', 'code-reviewer/system.md': 'You review code for $$5 an hour.\n' },
    expect: { id: 'code-reviewer' },
    prompt: 'You review code for $5 an hour.\n',
  },
  openclaw: {
    files: {
      'workspace-code-reviewer/SOUL.md': 'You review code.\n',
      'workspace-code-reviewer/IDENTITY.md': '# IDENTITY.md - Who Am I?\n\n- **Name:** Code Reviewer\n- **Emoji:** 🔍\n- **Vibe:** Reviews code.\n',
    },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', description: 'Reviews code.' },
    prompt: 'You review code.\n',
  },
  'agent-skills': {
    files: { 'code-reviewer/SKILL.md': `---\nname: code-reviewer\ndescription: Reviews code.\nlicense: MIT\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.', license: 'MIT' },
    prompt: PROMPT,
  },
  cursor: {
    files: { '.cursor/rules/code-reviewer.mdc': `---\ndescription: Reviews code.\nglobs: "*.ts"\nalwaysApply: false\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.', globs: '*.ts', alwaysApply: false },
    prompt: PROMPT,
  },
  copilot: {
    files: { '.github/agents/code-reviewer.agent.md': `---\nname: Code Reviewer\ndescription: Reviews code.\ntools: ['read', 'search']\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', description: 'Reviews code.', tools: ['read', 'search'] },
    prompt: PROMPT,
  },
  windsurf: {
    files: { '.windsurf/rules/code-reviewer.md': `---\ntrigger: model_decision\ndescription: Reviews code.\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.' },
    prompt: PROMPT,
  },
  antigravity: {
    files: { '.agents/rules/code-reviewer.md': `---\ntrigger: model_decision\ndescription: Reviews code.\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', description: 'Reviews code.' },
    prompt: PROMPT,
  },
  cline: { files: { '.clinerules/code-reviewer.md': 'You review code.\n' }, expect: { id: 'code-reviewer' }, prompt: 'You review code.\n' },
  'roo-code': {
    files: { '.roomodes': 'customModes:\n  - slug: code-reviewer\n    name: 🔍 Code Reviewer\n    description: Reviews code.\n    roleDefinition: You review code.\n    groups: [read]\n' },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', description: 'Reviews code.', groups: ['read'] },
    prompt: 'You review code.',
  },
  kiro: { files: { '.kiro/steering/code-reviewer.md': `---\ninclusion: manual\n---\n${PROMPT}` }, expect: { id: 'code-reviewer' }, prompt: PROMPT },
  continue: {
    files: { '.continue/rules/code-reviewer.md': `---\nname: Code Reviewer\ndescription: Reviews code.\nalwaysApply: false\n---\n${PROMPT}` },
    expect: { id: 'code-reviewer', name: 'Code Reviewer', description: 'Reviews code.', alwaysApply: false },
    prompt: PROMPT,
  },
  'amazon-q': { files: { '.amazonq/rules/code-reviewer.md': 'You review code.\n' }, expect: { id: 'code-reviewer' }, prompt: 'You review code.\n' },
  openai: { files: { 'code-reviewer.system-message.json': '{ "role": "system", "content": "You review code.\\n\\tTabs too." }' }, expect: { id: 'code-reviewer' }, prompt: 'You review code.\n\tTabs too.' },
  anthropic: {
    files: { 'code-reviewer.messages-request.json': '{ "model": "claude-sonnet-4-5", "max_tokens": 1024, "system": "You review code.", "messages": [] }' },
    expect: { id: 'code-reviewer' },
    prompt: 'You review code.',
  },
  text: { files: { 'code-reviewer.txt': 'You review code.\n' }, expect: { id: 'code-reviewer' }, prompt: 'You review code.\n' },
};

test('every reader has a golden test, and every export target whose files hold a prompt has a reader', () => {
  assert.deepEqual(Object.keys(GOLDEN).sort(), READERS.map((r) => r.id).sort());
  for (const target of EXPORT_TARGETS) assert.ok(readerById(target.id), target.id);
});

for (const [format, { files, expect, prompt }] of Object.entries(GOLDEN)) {
  test(`golden read: ${format} is detected by itself and read as documented, the prompt exactly`, () => {
    const persona = only(read(files));
    assert.equal(persona.format, format);
    assert.deepEqual(Object.fromEntries(Object.keys(expect).map((key) => [key, (persona.data as Record<string, unknown>)[key]])), expect);
    assert.equal(persona.body, prompt);
    assert.deepEqual(only(read(files, format)).data, persona.data, 'the same with --from');
  });
}

/** Personas whose text breaks naive readers and writers. */
const AWKWARD: ExportPersona[] = [
  { id: 'code-reviewer', name: 'Code Reviewer', emoji: '🔍', category: 'engineering', description: 'Reviews pull requests.', tags: [], worker_affinity: [], prompt: PROMPT },
  {
    id: 'colon-quote',
    name: 'Zoë "The Colon": Ops — 東京 / Київ / مرحبا',
    emoji: '👩‍💻',
    category: 'ops',
    description: `Handles: "double", 'single', #hash, --- dashes & key = "toml"`,
    tags: [],
    worker_affinity: [],
    prompt: '\r\nYou are Zoë.\r\n\r\n---\r\nkey: value\r\n[table]\r\nname = "x"\r\n```yaml\r\n---\r\n```\r\nCosts $5 or ${HOME}.\r\n',
  },
  { id: 'flag-guide', name: '🇯🇵 Guide', emoji: '🇯🇵', category: 'travel', description: 'true', tags: [], worker_affinity: [], prompt: '---\ntitle: not frontmatter\n---\n\nمرحبا. 你好。\n' },
];

/** What each target's files carry back; the rest is derived. */
const CARRIES: Record<string, Array<'name' | 'emoji' | 'description'>> = {
  codex: ['name', 'emoji', 'description'],
  aider: ['name', 'emoji', 'description'],
  openclaw: ['name', 'emoji', 'description'],
  'roo-code': ['name', 'emoji', 'description'],
  copilot: ['name', 'description'],
  continue: ['name', 'description'],
  'claude-code': ['description'],
  'gemini-cli': ['description'],
  'qwen-code': ['description'],
  'agent-skills': ['description'],
  cursor: ['description'],
  opencode: ['description'],
  windsurf: ['description'],
  antigravity: ['description'],
};

for (const target of EXPORT_TARGETS) {
  test(`round trip: ${target.label} files read back with the same id, prompt${CARRIES[target.id]?.length ? ` and ${CARRIES[target.id].join(', ')}` : ''}`, () => {
    // Shared files hold the whole set at once; the others are read file by file, as a folder of them.
    const files = exportSet(target, AWKWARD);
    const result = read(Object.fromEntries(files.map((file) => [file.path, file.content])), target.id);
    assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
    const byId = new Map(result.personas.map((p) => [p.data.id, p]));
    for (const persona of AWKWARD) {
      const back = byId.get(persona.id);
      assert.ok(back, `${persona.id} is read back`);
      // Exports drop the blank lines before a prompt and the whitespace after it (see README).
      assert.equal(body(back.body), body(persona.prompt), `${persona.id} prompt`);
      for (const field of CARRIES[target.id] ?? []) assert.equal(back.data[field], persona[field], `${persona.id} ${field}`);
    }
  });
}

test('a persona carrying tools, model and color gets them back in the Claude Code file, and from it', () => {
  const persona = { ...AWKWARD[0], extra: { tools: 'Read, Grep', model: 'opus', color: 'green', vibe: 'not a Claude Code field' } };
  const [file] = exportSet(EXPORT_TARGETS.find((t) => t.id === 'claude-code')!, [persona]);
  assert.match(file.content, /^tools: Read, Grep\nmodel: opus\ncolor: green$/m);
  assert.doesNotMatch(file.content, /vibe/);
  const back = only(read({ [file.path]: file.content }));
  assert.deepEqual([back.data.tools, back.data.model, back.data.color], ['Read, Grep', 'opus', 'green']);
});

test('derivation: a name without Latin letters is transliterated into its id (emoji by their names); one of punctuation only falls back to the file name', () => {
  assert.equal(slugify('東京 Guide'), 'dongjing-guide');
  assert.equal(slugify('مساعد الكتابة'), 'ms-d-lktbh');
  assert.equal(slugify('Київ'), 'kiiv');
  assert.equal(slugify('🤖 Bot'), 'robot-bot');
  assert.equal(slugify('……'), undefined);
  const persona = only(read({ 'helpers/helper-7.md': '---\nname: "……"\ndescription: Helps.\ncolor: red\nemoji: 🤖\n---\nYou help.\n' }));
  assert.equal(persona.data.id, 'helper-7');
  assert.equal(persona.data.name, '……');
});

test('derivation: two sources with the same name get distinct ids, the second with a suffix, and the check says so', () => {
  const result = read({ 'a/writer.md': '---\nname: Writer\ndescription: One.\nemoji: ✍️\nvibe: x\n---\nOne.\n', 'b/writer.md': '---\nname: Writer\ndescription: Two.\nemoji: ✍️\nvibe: y\n---\nTwo.\n' });
  assert.deepEqual(result.personas.map((p) => p.data.id), ['writer', 'writer-2']);
  assert.ok(result.notes.some((note) => note.includes('ids made unique with a suffix: 1 (writer → writer-2)')), result.notes.join('\n'));
});

test('derivation: a numbered folder is a category without its ordinal; the settings default and then general follow', () => {
  assert.equal(folderCategory('01-core-development'), 'core-development');
  assert.equal(folderCategory('10_Research Analysis'), 'research-analysis');
  assert.equal(only(read({ 'x.mdc': '---\ndescription: X.\n---\nX.\n' })).data.category, 'general');
  const settled = checkPersonas([{ file: 'x.mdc', relative: 'x.mdc', bytes: Buffer.from('---\ndescription: X.\n---\nX.\n') }], { derivation: { defaultCategory: 'misc', categories: { misc: { emoji: '🧰' } } } });
  assert.deepEqual([settled.personas[0].data.category, settled.personas[0].data.emoji], ['misc', '🧰']);
});

test('derivation: a text-presentation emoji gets its VS16; anything else that is not one emoji takes the default', () => {
  assert.deepEqual(emojiOf('🛠'), { emoji: '🛠️', presented: true });
  assert.deepEqual(emojiOf('🛠️'), { emoji: '🛠️', presented: false });
  assert.deepEqual(emojiOf('☕'), { emoji: '☕', presented: false });
  assert.deepEqual(emojiOf('👩‍💻'), { emoji: '👩‍💻', presented: false });
  assert.equal(emojiOf('https://example.org/avatar.png'), undefined);
  assert.equal(only(read({ 'a.json': JSON.stringify({ identifier: 'a', meta: { title: 'A', avatar: 'https://x/a.png' }, config: { systemRole: 'You are A.' } }) })).data.emoji, '🤖');
});

test('derivation: a missing description is the prompt’s first sentence, cut at a word before 160 characters', () => {
  assert.equal(firstSentence('# Title\n\nYou are **a careful** reviewer. You check things.'), 'You are a careful reviewer.');
  const long = firstSentence(`You are ${'very '.repeat(50)}careful.`)!;
  assert.ok(long.length <= 160 && long.endsWith('very…'), long);
  assert.equal(only(read({ '.clinerules/x.md': '\nYou check invoices. Then you file them.\n' })).data.description, 'You check invoices.');
});

test('files no reader knows are errors naming them; documentation and dot folders are not read', () => {
  const result = checkPersonas([
    { file: 'c/notes.bin', relative: 'notes.bin', bytes: Buffer.from('x') },
    { file: 'c/README.md', relative: 'README.md', leftOut: 'documentation' },
  ]);
  assert.deepEqual(result.problems.map((p) => `${p.file} ${p.message}`), ['c/notes.bin is in no format a reader knows (see the documentation: Import a collection)']);
  assert.deepEqual(result.skipped, [{ file: 'c/README.md', reason: 'documentation, not a persona' }]);
});
