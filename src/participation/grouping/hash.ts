/**
 * Small, allocation-free 32-bit hash helpers. Own implementations, so the grouping module has no
 * dependencies and produces the same numbers on every platform and Node version.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text[start, end)`; avoids slicing substrings. */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * MurmurHash3 finaliser: FNV-1a has weak avalanche in the high bits, and MinHash takes minima, so
 * every input bit must influence every output bit before the universal hashing step.
 */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two hashes (boost::hash_combine style, then re-mixed). */
export function combine(seed: number, value: number): number {
  return fmix32((seed ^ (value + 0x9e3779b9 + (seed << 6) + (seed >>> 2))) >>> 0);
}

/**
 * Deterministic stream of 32-bit numbers (splitmix32-like) used to draw the coefficients of the
 * universal hash functions; a seed gives the same coefficients on every run.
 */
export function numberStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}
