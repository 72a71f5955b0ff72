/**
 * Near-duplicate prompts across a catalog. The measure: the Jaccard
 * similarity of two bodies' sets of 5-word shingles (runs of five words,
 * lower-cased, split at spaces and punctuation): shared shingles over all
 * shingles.
 * Bodies at or above NEAR_DUPLICATE_THRESHOLD are "mostly the same text".
 *
 * Comparing every pair is quadratic, so candidates come from bottom-k
 * sketches (each body's SKETCH_SIZE smallest shingle hashes): bodies that
 * share several sketch hashes are compared exactly.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
const SHINGLE_WORDS = 5;
const SKETCH_SIZE = 64;
/**
 * A sketch hash shared by more bodies than this is a stock phrase or a big
 * cluster of copies: only neighbours in its list become candidates, so a
 * cluster is still found (as a chain of pairs) without comparing every pair.
 */
const COMMON_POSTING = 50;
const MIN_SHARED_SKETCH = 8;

/**
 * FNV-1a, cut to 30 bits so V8 keeps the values as small integers (a third
 * faster in Sets); collisions at that width do not move a similarity.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}

/** Words split at whitespace and ASCII punctuation: a Unicode-aware regex took four times as long at 10,000 prompts. */
const WORD_BREAK = /[\s!-/:-@[-`{-~]+/;

/** The hashes of a body's shingles; a body shorter than a shingle is one shingle. */
export function shingles(body: string): Set<number> {
  const words = body.toLowerCase().split(WORD_BREAK).filter(Boolean).map(hash);
  const set = new Set<number>();
  const span = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; i + span <= words.length && span > 0; i++) {
    // Combines the words' hashes in order, FNV style, instead of hashing joined strings.
    let h = 0x811c9dc5;
    for (let j = i; j < i + span; j++) h = Math.imul(h ^ words[j], 0x01000193);
    set.add(h & 0x3fffffff);
  }
  return set;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface NearDuplicate {
  /** Indexes into the bodies given, first < second. */
  first: number;
  second: number;
  similarity: number;
}

/** Pairs of bodies that are mostly the same text, each pair once, most similar first. */
export function nearDuplicates(bodies: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const sets = bodies.map(shingles);
  const postings = new Map<number, number[]>();
  sets.forEach((set, index) => {
    const sketch = Uint32Array.from(set).sort().subarray(0, SKETCH_SIZE);
    for (const value of sketch) {
      const holders = postings.get(value);
      if (holders) holders.push(index);
      else postings.set(value, [index]);
    }
  });
  const sharedCounts = new Map<number, number>();
  for (const holders of postings.values()) {
    const common = holders.length > COMMON_POSTING;
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < (common ? Math.min(i + 2, holders.length) : holders.length); j++) {
        const key = holders[i] * bodies.length + holders[j];
        sharedCounts.set(key, (sharedCounts.get(key) ?? 0) + 1);
      }
    }
  }
  const found: NearDuplicate[] = [];
  for (const [key, shared] of sharedCounts) {
    if (shared < MIN_SHARED_SKETCH) continue;
    const first = Math.floor(key / bodies.length);
    const second = key % bodies.length;
    const similarity = jaccard(sets[first], sets[second]);
    if (similarity >= threshold) found.push({ first, second, similarity });
  }
  return found.sort((a, b) => b.similarity - a.similarity || a.first - b.first || a.second - b.second);
}
