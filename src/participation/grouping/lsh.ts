/**
 * LSH banding parameters: the signature is cut into `bands` bands of `rows` values; two texts
 * become candidates when one band is equal. P(candidate | Jaccard s) = 1 − (1 − s^rows)^bands.
 */

export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/** Probability that a pair with Jaccard similarity `similarity` becomes a candidate. */
export function candidateProbability(similarity: number, banding: Banding): number {
  return 1 - Math.pow(1 - Math.pow(similarity, banding.rows), banding.bands);
}

/**
 * Picks the most selective banding (most rows per band, hence fewest false candidates to verify)
 * that still makes a pair exactly at the threshold a candidate with probability ≥ 0.999. Recall is
 * decided here; precision is secured afterwards by verifying every candidate pair exactly.
 * For 64 hashes: threshold 0.45 (the default) and 0.7 → 32 × 2, 0.8 and 0.9 → 16 × 4.
 */
export function chooseBanding(threshold: number, numHashes: number): Banding {
  let best: Banding = { bands: numHashes, rows: 1 };
  for (let rows = 1; rows <= numHashes; rows++) {
    if (numHashes % rows !== 0) continue;
    const banding = { bands: numHashes / rows, rows };
    if (candidateProbability(threshold, banding) >= 0.999) best = banding;
  }
  return best;
}
