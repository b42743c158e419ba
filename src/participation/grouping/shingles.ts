/**
 * Shingling: a text becomes a set of hashed word k-grams.
 *
 * Why word shingles (and k = 3): MinHash costs `numHashes` operations per shingle. A text of
 * 200 words has ~200 word shingles but ~1,400 character shingles, so character shingles would make
 * 100,000 objections about seven times slower and miss the 15 s budget. Folding and punctuation
 * stripping (normalize.ts) already absorb most spelling noise that character shingles would catch.
 * With k = 3, one edited word changes at most 3 shingles, so a form letter with a typo or an
 * added sentence stays above the grouping threshold (0.45) to its template even when the letter
 * is only two or three sentences long, while word trigrams are still specific enough that
 * different letters and individual objections on the same topic stay below 0.35 (k = 5 would
 * halve the similarity budget for edits; k = 1 or 2 would let unrelated texts on the same topic
 * look alike).
 */
import { combine, fnv1a } from './hash.ts';
import { normalizeText } from './normalize.ts';

export const DEFAULT_SHINGLE_SIZE = 3;

/** Hashes of the words of an already normalised text (words separated by single spaces). */
export function wordHashes(normalized: string): Uint32Array {
  if (normalized.length === 0) return new Uint32Array(0);
  let count = 1;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) count++;
  const hashes = new Uint32Array(count);
  let start = 0;
  let word = 0;
  for (let i = 0; i <= normalized.length; i++) {
    if (i === normalized.length || normalized.charCodeAt(i) === 32) {
      hashes[word++] = fnv1a(normalized, start, i);
      start = i + 1;
    }
  }
  return hashes;
}

/**
 * Sorted, duplicate-free shingle hashes from word hashes. A text shorter than k words yields one
 * shingle of all its words, so that it still has a (tiny) set; the grouping excludes such short
 * texts anyway.
 */
export function shinglesFromWords(words: Uint32Array, k = DEFAULT_SHINGLE_SIZE): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be ≥ 1, got ${k}`);
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - k + 1);
  const width = Math.min(k, words.length);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = width;
    for (let j = 0; j < width; j++) hash = combine(hash, words[i + j]!);
    out[i] = hash;
  }
  out.sort();
  // Deduplicate in place: sets, not multisets, are what Jaccard similarity compares.
  let unique = 0;
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  }
  return out.slice(0, unique);
}

/** Normalises `text` and returns its sorted, duplicate-free word k-shingle hashes. */
export function shingles(text: string, k = DEFAULT_SHINGLE_SIZE): Uint32Array {
  return shinglesFromWords(wordHashes(normalizeText(text)), k);
}

/** Exact Jaccard similarity of two sorted, duplicate-free hash sets (merge, no allocation). */
export function jaccard(
  a: Uint32Array,
  aStart: number,
  aEnd: number,
  b: Uint32Array,
  bStart: number,
  bEnd: number,
): number {
  const sizeA = aEnd - aStart;
  const sizeB = bEnd - bStart;
  if (sizeA === 0 && sizeB === 0) return 1;
  let i = aStart;
  let j = bStart;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (sizeA + sizeB - shared);
}
