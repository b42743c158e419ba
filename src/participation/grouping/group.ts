/**
 * Grouping of near-duplicate objections (uniform submissions, § 17 VwVfG): MinHash + LSH banding
 * to find candidate pairs, exact Jaccard on the shingle sets to verify them, union-find to build
 * groups. Near-linear in the number of texts; everything per text lives in flat typed arrays.
 *
 * Determinism: items are processed in the order of their ids (not input order), and all hashing is
 * seeded, so the same set of items always gives the same groups, whatever order they come in.
 */
import { combine } from './hash.ts';
import { chooseBanding } from './lsh.ts';
import { DEFAULT_NUM_HASHES, DEFAULT_SEED, hashFamily, writeSignature } from './minhash.ts';
import { normalizeText } from './normalize.ts';
import { DEFAULT_SHINGLE_SIZE, jaccard, shinglesFromWords, wordHashes } from './shingles.ts';
import { UnionFind } from './union-find.ts';

export interface GroupingItem {
  readonly id: string;
  readonly text: string;
}

export interface GroupingOptions {
  /**
   * Minimum Jaccard similarity of the shingle sets for two texts to be grouped (default 0.45).
   * Every typo costs a copy up to three word 3-shingles, a personal sentence adds a dozen: on a
   * form letter of two or three sentences (25 shingles) two such edits already lead to a
   * similarity of 0.45–0.6, while different letters and individual objections on the same topics
   * stay below 0.35 (bench/README.md, evaluation.fixtures.ts). A higher threshold splits short
   * form letters into several groups and leaves their edited copies single.
   */
  threshold?: number;
  /** LSH bands and rows per band; default: chosen from the threshold (see lsh.ts). */
  bands?: number;
  rows?: number;
  /**
   * Texts with fewer words (after normalisation) are never grouped: "Ich bin dagegen." is not a
   * form letter even if a hundred people write it. Default 5.
   */
  minWords?: number;
  shingleSize?: number;
  numHashes?: number;
  /**
   * Called every PROGRESS_STEP texts while shingling and hashing (the two passes over every
   * text), with the texts done of both passes and their total: for the status page of long runs.
   */
  onProgress?: (done: number, total: number) => void;
  seed?: number;
}

export interface NearDuplicateGroup {
  /** Stable: the smallest member id (JavaScript string order). */
  id: string;
  /** Member ids, sorted. */
  members: string[];
  /** The member closest to the group's consensus signature, typically the unedited template. */
  representativeId: string;
}

export interface GroupingResult {
  /** Sorted by group id. */
  groups: NearDuplicateGroup[];
  /** Ids not in any group, sorted. */
  singletons: string[];
}

export const DEFAULT_THRESHOLD = 0.45;
/** Texts between two progress reports. */
export const PROGRESS_STEP = 2_000;

// Bucket members are compared with at most this many earlier "heads" of distinct sets, so a band
// value shared by many unrelated texts cannot make the run quadratic.
const MAX_HEADS_PER_BUCKET = 8;
// Band keys are packed as hash · 2^21 + index into a float64 (53-bit exact integers).
const INDEX_BITS = 2 ** 21;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function groupNearDuplicates(
  items: readonly GroupingItem[],
  options: GroupingOptions = {},
): GroupingResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const minWords = options.minWords ?? 5;
  const k = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const auto = chooseBanding(threshold, numHashes);
  const bands = options.bands ?? (options.rows ? Math.floor(numHashes / options.rows) : auto.bands);
  const rows = options.rows ?? (options.bands ? Math.floor(numHashes / bands) : auto.rows);
  if (bands < 1 || rows < 1 || bands * rows > numHashes) {
    throw new RangeError(`bands × rows must be between 1 and numHashes (${numHashes})`);
  }
  if (items.length >= INDEX_BITS) throw new RangeError(`at most ${INDEX_BITS - 1} items`);

  const ids = items.map((item) => item.id);
  const sortedIds = [...ids].sort(byString);
  for (let i = 1; i < sortedIds.length; i++) {
    if (sortedIds[i] === sortedIds[i - 1]) throw new Error(`duplicate id: ${sortedIds[i]}`);
  }
  const textById = new Map(items.map((item) => [item.id, item.text]));

  // Shingle all eligible texts into one flat buffer (canonical order = sorted ids).
  const eligible: number[] = []; // positions in sortedIds
  const offsets: number[] = [0];
  let buffer = new Uint32Array(1 << 16);
  let used = 0;
  const onProgress = options.onProgress;
  const passes = sortedIds.length * 2;
  for (let position = 0; position < sortedIds.length; position++) {
    if (onProgress && position % PROGRESS_STEP === 0) onProgress(position, passes);
    const words = wordHashes(normalizeText(textById.get(sortedIds[position]!) ?? ''));
    if (words.length < minWords) continue;
    const set = shinglesFromWords(words, k);
    if (used + set.length > buffer.length) {
      const grown = new Uint32Array(Math.max(buffer.length * 2, used + set.length));
      grown.set(buffer.subarray(0, used));
      buffer = grown;
    }
    buffer.set(set, used);
    used += set.length;
    eligible.push(position);
    offsets.push(used);
  }
  const count = eligible.length;

  const family = hashFamily(numHashes, options.seed ?? DEFAULT_SEED);
  const signatures = new Uint32Array(count * numHashes);
  let longest = 0;
  for (let i = 0; i < count; i++) longest = Math.max(longest, offsets[i + 1]! - offsets[i]!);
  const scratch = new Uint32Array(longest);
  for (let i = 0; i < count; i++) {
    // Texts too short to group skip this pass; count the pass as if they were in it.
    if (onProgress && i % PROGRESS_STEP === 0)
      onProgress(sortedIds.length + Math.round((i / count) * sortedIds.length), passes);
    writeSignature(
      family,
      buffer,
      offsets[i]!,
      offsets[i + 1]!,
      signatures,
      i * numHashes,
      scratch,
    );
  }

  const sets = new UnionFind(count);
  const similar = (a: number, b: number): boolean =>
    jaccard(buffer, offsets[a]!, offsets[a + 1]!, buffer, offsets[b]!, offsets[b + 1]!) >=
    threshold;
  const keys = new Float64Array(count);
  const heads = new Int32Array(MAX_HEADS_PER_BUCKET);
  for (let band = 0; band < bands; band++) {
    for (let i = 0; i < count; i++) {
      let hash = band + 1;
      const base = i * numHashes + band * rows;
      for (let r = 0; r < rows; r++) hash = combine(hash, signatures[base + r]!);
      keys[i] = hash * INDEX_BITS + i;
    }
    keys.sort();
    let start = 0;
    while (start < count) {
      const bucket = Math.floor(keys[start]! / INDEX_BITS);
      let end = start + 1;
      while (end < count && Math.floor(keys[end]! / INDEX_BITS) === bucket) end++;
      if (end - start > 1) mergeBucket(keys, start, end, heads, sets, similar);
      start = end;
    }
  }

  return collect(sortedIds, eligible, sets, signatures, numHashes);
}

/**
 * Within one bucket, each member is compared with the heads (first members of the distinct sets
 * met so far in this bucket) and joined with every similar one. A member already in a head's set
 * costs one find(), so a bucket full of copies of one form letter is linear.
 */
function mergeBucket(
  keys: Float64Array,
  start: number,
  end: number,
  heads: Int32Array,
  sets: UnionFind,
  similar: (a: number, b: number) => boolean,
): void {
  let headCount = 0;
  for (let p = start; p < end; p++) {
    const member = keys[p]! % INDEX_BITS;
    let joined = false;
    for (let h = 0; h < headCount; h++) {
      const head = heads[h]!;
      if (sets.find(head) === sets.find(member)) {
        joined = true;
        continue;
      }
      if (similar(head, member)) {
        sets.union(head, member);
        joined = true;
      }
    }
    if (!joined && headCount < heads.length) heads[headCount++] = member;
  }
}

function collect(
  sortedIds: readonly string[],
  eligible: readonly number[],
  sets: UnionFind,
  signatures: Uint32Array,
  numHashes: number,
): GroupingResult {
  const membersByRoot = new Map<number, number[]>();
  for (let i = 0; i < eligible.length; i++) {
    const root = sets.find(i);
    const list = membersByRoot.get(root);
    if (list) list.push(i);
    else membersByRoot.set(root, [i]);
  }
  const grouped = new Uint8Array(sortedIds.length);
  const groups: NearDuplicateGroup[] = [];
  for (const members of membersByRoot.values()) {
    if (members.length < 2) continue;
    // Members are in ascending eligible index = ascending id order, because eligible is sorted.
    for (const m of members) grouped[eligible[m]!] = 1;
    const memberIds = members.map((m) => sortedIds[eligible[m]!]!);
    const representative = members[consensusMember(members, signatures, numHashes)]!;
    groups.push({
      id: memberIds[0]!,
      members: memberIds,
      representativeId: sortedIds[eligible[representative]!]!,
    });
  }
  groups.sort((a, b) => byString(a.id, b.id));
  const singletons = sortedIds.filter((_, position) => grouped[position] === 0);
  return { groups, singletons };
}

/**
 * Index (into `members`) of the member agreeing with the most per-position modes of the group's
 * signatures. Edits in copies of a form letter scatter, so the mode follows the template.
 */
function consensusMember(
  members: readonly number[],
  signatures: Uint32Array,
  numHashes: number,
): number {
  const column = new Uint32Array(members.length);
  const scores = new Int32Array(members.length);
  for (let p = 0; p < numHashes; p++) {
    for (let m = 0; m < members.length; m++) column[m] = signatures[members[m]! * numHashes + p]!;
    column.sort();
    let mode = column[0]!;
    let best = 0;
    for (let s = 0; s < column.length;) {
      let e = s + 1;
      while (e < column.length && column[e] === column[s]) e++;
      if (e - s > best) [best, mode] = [e - s, column[s]!];
      s = e;
    }
    for (let m = 0; m < members.length; m++) {
      if (signatures[members[m]! * numHashes + p] === mode) scores[m] = scores[m]! + 1;
    }
  }
  let winner = 0;
  for (let m = 1; m < members.length; m++) if (scores[m]! > scores[winner]!) winner = m;
  return winner;
}
