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
// Two vocabularies. 'shipped': words drawn with the frequencies they have
// in the shipped personas (real English prose, about 3,000 distinct words).
// 'realistic' (the default): those words first, then made-up words to
// 20,000, every rank drawn by Zipf's law (frequency ~ 1 / (rank + 2.7)),
// the shape real collections' text has: a third-party collection of 333
// personas had about 18,000 distinct words, and Pagefind's work grows with
// them. The made-up words are built from syllables, and a share of them are
// identifiers as prompts write them (snake_case, kebab-case, camelCase).
const CORPUS = readdirSync('personas')
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => readFileSync(join('personas', name), 'utf8').split('\n---\n').slice(1).join('').match(/[a-z][a-z'-]+/gi) ?? []);
const COUNTS = [...CORPUS.reduce((counts, word) => counts.set(word, (counts.get(word) ?? 0) + 1), new Map<string, number>())].sort(
  ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
);

export type CorpusKind = 'shipped' | 'realistic';

interface Vocabulary {
  words: string[];
  /** Running sums of the words' weights, for drawing by weight. */
  cumulative: number[];
}

const running = (weights: number[]) => weights.map(((sum) => (weight: number) => (sum += weight))(0));

const REALISTIC_SIZE = 20000;
const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'rk', 'st', 'x', 'm'];

/** The made-up words past the shipped ones: distinct, the same every run. */
function madeUpWords(count: number, taken: Set<string>): string[] {
  const rand = random(2026);
  const words: string[] = [];
  const syllable = () => `${pick(rand, ONSETS)}${pick(rand, NUCLEI)}${pick(rand, CODAS)}`;
  while (words.length < count) {
    const parts = Array.from({ length: rand() < 0.6 ? 2 : 3 }, syllable);
    const shape = rand();
    const made = shape < 0.06 ? parts.join('_') : shape < 0.12 ? parts.join('-') : shape < 0.16 ? parts.map((part, i) => (i ? part[0].toUpperCase() + part.slice(1) : part)).join('') : parts.join('');
    if (taken.has(made.toLowerCase())) continue;
    taken.add(made.toLowerCase());
    words.push(made);
  }
  return words;
}

const VOCABULARIES: Record<CorpusKind, () => Vocabulary> = {
  shipped: () => ({ words: COUNTS.map(([word]) => word), cumulative: running(COUNTS.map(([, count]) => count)) }),
  realistic: () => {
    const head = COUNTS.map(([word]) => word);
    const words = [...head, ...madeUpWords(REALISTIC_SIZE - head.length, new Set(head.map((word) => word.toLowerCase())))];
    return { words, cumulative: running(words.map((_, rank) => 1 / (rank + 2.7))) };
  },
};

const vocabularies = new Map<CorpusKind, Vocabulary>();
const vocabulary = (kind: CorpusKind) => vocabularies.get(kind) ?? vocabularies.set(kind, VOCABULARIES[kind]()).get(kind)!;

/** Words of middling frequency among the shipped ones: each appears in some, not most, personas, in both vocabularies. */
export const BENCH_QUERIES = [300, 600, 900, 1200, 1600, 2000, 2400].map((rank) => COUNTS[rank][0].toLowerCase());

let active: Vocabulary = vocabulary('realistic');

function word(rand: () => number): string {
  const { words, cumulative } = active;
  const target = rand() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return words[low];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number, length: number): string {
  const words = Array.from({ length }, () => word(rand));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(' ')}.`;
}

/** A prompt of about `targetBytes` (default: 3 to 6 KB, as the seed's), at least its sections long. */
function body(rand: () => number, role: string, targetBytes = 3000 + Math.floor(rand() * 3000)): string {
  const bullets = (count: number, numbered = false) =>
    Array.from({ length: count }, (_, i) => `${numbered ? `${i + 1}.` : '-'} **${sentence(rand, 2).slice(0, -1)}**: ${sentence(rand, 12)} ${sentence(rand, 9)}`).join('\n');
  let text = [
    `You are a ${role.toLowerCase()} with years of practice. ${sentence(rand, 18)} ${sentence(rand, 14)} ${sentence(rand, 16)}`,
    `## Expertise\n\n${bullets(8)}`,
    `## Communication Style\n\n${sentence(rand, 15)} ${sentence(rand, 12)} ${sentence(rand, 17)} ${sentence(rand, 11)}`,
    `## Workflow Patterns\n\n${bullets(6, true)}`,
    `## Key Principles\n\n${Array.from({ length: 6 }, () => `- ${sentence(rand, 10)}`).join('\n')}`,
    // About one prompt in three shows some code, as real prompts do.
    ...(rand() < 0.35 ? [`## Example\n\n\`\`\`\n${Array.from({ length: 4 + Math.floor(rand() * 8) }, () => `${word(rand)}(${word(rand)}, ${word(rand)}) => ${word(rand)}.${word(rand)};`).join('\n')}\n\`\`\``] : []),
  ].join('\n\n');
  while (Buffer.byteLength(text) < targetBytes) text += `\n- ${sentence(rand, 12)}`;
  return `\n${text}\n`;
}

/**
 * Writes `count` persona files into a fresh `dir`, their words from the
 * `corpus` vocabulary, their prompts `sizes[i]` bytes long where given (to
 * match a real collection file for file); returns their paths.
 */
export function writeSyntheticPersonas(dir: string, count: number, seed = 42, corpus: CorpusKind = 'realistic', sizes?: readonly number[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  active = vocabulary(corpus);
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
    writeFileSync(path, `${frontmatter}\n${body(rand, role, sizes?.[index])}`);
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

/** The distinct words of a set of persona files' prompts (case folded; ids, numbers and tags of the frontmatter left out). */
export function distinctWords(files: readonly string[]): number {
  const seen = new Set<string>();
  for (const file of files) {
    const prompt = readFileSync(file, 'utf8').split('\n---\n').slice(1).join('\n');
    for (const found of prompt.toLowerCase().match(/[\p{L}][\p{L}\p{N}_'-]*/gu) ?? []) seen.add(found);
  }
  return seen.size;
}
