/**
 * MinHash signatures with deterministic universal hashing.
 *
 * Hash function i maps a (pre-mixed) shingle hash x to (a_i · x + b_i) mod 2^32 with odd a_i,
 * followed by an xor-shift. For odd a_i this is a bijection on 32-bit integers, i.e. a random-ish
 * permutation, which is what MinHash needs; it costs two integer operations, which matters at
 * 100,000 texts × 200 shingles × 64 hash functions. a_i and b_i come from a seeded stream, so the
 * same seed always gives the same signatures.
 */
import { fmix32, numberStream } from './hash.ts';

// 64 hash functions: the exact check of every candidate pair decides precision, the signature
// only has to make pairs at the threshold candidates (0.45 → 32 bands × 2 rows, P ≥ 0.999), and
// it costs numHashes operations per shingle — half the signing time of 128 for the same groups
// (bench/README.md).
export const DEFAULT_NUM_HASHES = 64;
export const DEFAULT_SEED = 0x5eed1717;

export interface HashFamily {
  readonly multipliers: Uint32Array;
  readonly offsets: Uint32Array;
}

export function hashFamily(numHashes = DEFAULT_NUM_HASHES, seed = DEFAULT_SEED): HashFamily {
  if (!Number.isInteger(numHashes) || numHashes < 1) {
    throw new RangeError(`numHashes must be a positive integer, got ${numHashes}`);
  }
  const next = numberStream(seed);
  const multipliers = new Uint32Array(numHashes);
  const offsets = new Uint32Array(numHashes);
  for (let i = 0; i < numHashes; i++) {
    multipliers[i] = (next() | 1) >>> 0;
    offsets[i] = next();
  }
  return { multipliers, offsets };
}

/**
 * Writes the signature of `shingleSet[start, end)` into `target` at `targetOffset`. Reuses one
 * scratch buffer for the pre-mixed shingles, so a whole corpus is signed without per-text
 * allocation beyond what the caller provides.
 */
export function writeSignature(
  family: HashFamily,
  shingleSet: Uint32Array,
  start: number,
  end: number,
  target: Uint32Array,
  targetOffset: number,
  scratch: Uint32Array,
): void {
  const count = end - start;
  for (let j = 0; j < count; j++) scratch[j] = fmix32(shingleSet[start + j]!);
  const { multipliers, offsets } = family;
  for (let i = 0; i < multipliers.length; i++) {
    const a = multipliers[i]!;
    const b = offsets[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < count; j++) {
      let v = (Math.imul(a, scratch[j]!) + b) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < min) min = v;
    }
    target[targetOffset + i] = min;
  }
}

/** MinHash signature of one shingle set (see the module comment for the hash family). */
export function minhashSignature(
  shingleSet: Uint32Array,
  numHashes = DEFAULT_NUM_HASHES,
  seed = DEFAULT_SEED,
): Uint32Array {
  const signature = new Uint32Array(numHashes);
  const scratch = new Uint32Array(shingleSet.length);
  writeSignature(
    hashFamily(numHashes, seed),
    shingleSet,
    0,
    shingleSet.length,
    signature,
    0,
    scratch,
  );
  return signature;
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures must have the same length');
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}
