/** Near-duplicate grouping of objections (uniform submissions, § 17 VwVfG). Pure, no I/O. */
export { normalizeText } from './normalize.ts';
export { shingles, jaccard, DEFAULT_SHINGLE_SIZE } from './shingles.ts';
export { minhashSignature, estimatedJaccard, DEFAULT_NUM_HASHES, DEFAULT_SEED } from './minhash.ts';
export { chooseBanding, candidateProbability, type Banding } from './lsh.ts';
export {
  groupNearDuplicates,
  type GroupingItem,
  type GroupingOptions,
  type GroupingResult,
  type NearDuplicateGroup,
} from './group.ts';
