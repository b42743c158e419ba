import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { candidateProbability, chooseBanding } from './lsh.ts';

describe('LSH banding', () => {
  it('makes a pair at the threshold a candidate with probability ≥ 0.999', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.constantFrom(32, 64, 128),
        (threshold, numHashes) => {
          const banding = chooseBanding(threshold, numHashes);
          assert.ok(banding.bands * banding.rows <= numHashes);
          assert.ok(candidateProbability(threshold, banding) >= 0.999);
        },
      ),
    );
  });

  it('gives more similar pairs a higher candidate probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 64 }),
        (a, b, rows, bands) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const banding = { bands, rows };
          assert.ok(candidateProbability(low, banding) <= candidateProbability(high, banding));
        },
      ),
    );
  });
});
