// Deterministic synthetic personas for benchmarks: same N, same files, every run.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['engineering', 'design', 'product', 'data', 'writing', 'research', 'marketing', 'operations', 'security', 'education', 'legal', 'health', 'finance', 'support', 'sales', 'science'];
const EMOJI = ['🔧', '🧪', '📊', '🎨', '🛡️', '📚', '🧭', '🚀', '🧠', '📝', '⚖️', '🩺', '💹', '🎧', '🌱', '🔭', '👩‍💻', '👨‍🔬', '🧑‍🏫', '🇯🇵', '🇧🇷', '🏳️‍🌈', '🐙', '🦉', '🌍', '🧩', '🛠️', '📈', '🗂️', '🔍', '💡', '🎯', '🧮', '🗺️', '🏗️', '🚨', '☁️', '🔏', '🥗', '🏋️', '😴', '🧾', '📣', '🏷️', '🎤', '✂️', '🗣️', '🔎', '🛢️', '🤖', '📐', '♿', '🏫', '🌐', '⚙️', '🧬', '🪴', '🎲', '🧵', '🪄'];
const TAGS = Array.from({ length: 160 }, (_, i) => `topic-${['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'kappa', 'theta'][i % 8]}-${i}`);
const AFFINITIES = ['coding', 'research', 'writing', 'analysis', 'planning', 'review', 'teaching', 'operations'];
const ROLES = ['Engineer', 'Analyst', 'Strategist', 'Coach', 'Reviewer', 'Architect', 'Advisor', 'Specialist', 'Planner', 'Editor', 'Scientist', 'Designer'];
const FIELDS = ['Backend', 'Data', 'Security', 'Growth', 'Platform', 'Content', 'Privacy', 'Cloud', 'Mobile', 'Research', 'Finance', 'Learning', 'Support', 'Brand', 'Quality', 'Systems'];
// Words drawn with the frequencies they have in the shipped personas: real
// English prose, so tokenizing and indexing cost what real prompts cost, and a
// query matches some personas rather than all of them.
const CORPUS = readdirSync('personas')
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => readFileSync(join('personas', name), 'utf8').split('\n---\n').slice(1).join('').match(/[a-z][a-z'-]+/gi) ?? []);
const COUNTS = [...CORPUS.reduce((counts, word) => counts.set(word, (counts.get(word) ?? 0) + 1), new Map<string, number>())].sort(
  ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
);
const VOCABULARY = COUNTS.map(([word]) => word);
const CUMULATIVE = COUNTS.map(([, count]) => count).map(((sum) => (count: number) => (sum += count))(0));

/** Words of middling frequency: each appears in some, not most, personas. */
export const BENCH_QUERIES = [300, 600, 900, 1200, 1600, 2000, 2400].map((rank) => VOCABULARY[rank].toLowerCase());

function word(rand: () => number): string {
  const target = rand() * CUMULATIVE[CUMULATIVE.length - 1];
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle] < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number, length: number): string {
  const words = Array.from({ length }, () => word(rand));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(' ')}.`;
}

function body(rand: () => number, role: string): string {
  const targetBytes = 3000 + Math.floor(rand() * 3000);
  const bullets = (count: number, numbered = false) =>
    Array.from({ length: count }, (_, i) => `${numbered ? `${i + 1}.` : '-'} **${sentence(rand, 2).slice(0, -1)}**: ${sentence(rand, 12)} ${sentence(rand, 9)}`).join('\n');
  let text = [
    `You are a ${role.toLowerCase()} with years of practice. ${sentence(rand, 18)} ${sentence(rand, 14)} ${sentence(rand, 16)}`,
    `## Expertise\n\n${bullets(8)}`,
    `## Communication Style\n\n${sentence(rand, 15)} ${sentence(rand, 12)} ${sentence(rand, 17)} ${sentence(rand, 11)}`,
    `## Workflow Patterns\n\n${bullets(6, true)}`,
    `## Key Principles\n\n${Array.from({ length: 6 }, () => `- ${sentence(rand, 10)}`).join('\n')}`,
  ].join('\n\n');
  while (Buffer.byteLength(text) < targetBytes) text += `\n- ${sentence(rand, 12)}`;
  return `\n${text}\n`;
}

/** Writes `count` persona files into a fresh `dir`; returns their paths. */
export function writeSyntheticPersonas(dir: string, count: number, seed = 42): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const id = `persona-${String(index).padStart(5, '0')}`;
    const role = `${pick(rand, FIELDS)} ${pick(rand, ROLES)}`;
    const tags = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(rand, TAGS)))];
    const affinities = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(rand, AFFINITIES)))];
    const frontmatter = [
      '---',
      `id: ${id}`,
      `name: ${role} ${index}`,
      `emoji: "${pick(rand, EMOJI)}"`,
      `category: ${CATEGORIES[index % CATEGORIES.length]}`,
      `description: ${role} number ${index}, who ${sentence(rand, 8).toLowerCase()}`,
      'worker_affinity:',
      ...affinities.map((a) => `  - ${a}`),
      'tags:',
      ...tags.map((t) => `  - ${t}`),
      '---',
    ].join('\n');
    const path = join(dir, `${id}.md`);
    writeFileSync(path, `${frontmatter}\n${body(rand, role)}`);
    return path;
  });
}

/** The bench's other languages: German, Japanese and Arabic (right to left). */
export const BENCH_LANGUAGES = ['de', 'ja', 'ar'];

/**
 * Makes the catalog in `dir` multilingual: persona-atlas.json names English
 * and BENCH_LANGUAGES, and the first `perLanguage` personas get a
 * translation in each (`<lang>/<id>.md`: its own name, description and
 * prompt, the rest inherited), with words drawn like the originals'.
 */
export function writeSyntheticTranslations(dir: string, perLanguage: number, seed = 7): void {
  writeFileSync(join(dir, 'persona-atlas.json'), `${JSON.stringify({ languages: ['en', ...BENCH_LANGUAGES] })}\n`);
  const rand = random(seed);
  for (const lang of BENCH_LANGUAGES) {
    mkdirSync(join(dir, lang), { recursive: true });
    for (let index = 0; index < perLanguage; index++) {
      const id = `persona-${String(index).padStart(5, '0')}`;
      const role = `${pick(rand, FIELDS)} ${pick(rand, ROLES)}`;
      const frontmatter = ['---', `id: ${id}`, `name: ${role} ${index} (${lang})`, `description: ${role} ${lang} ${index}, who ${sentence(rand, 8).toLowerCase()}`, '---'].join('\n');
      writeFileSync(join(dir, lang, `${id}.md`), `${frontmatter}\n${body(rand, role)}`);
    }
  }
}
