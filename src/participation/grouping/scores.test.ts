import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { GroupingResult } from './group.ts';
import { scoreGrouping } from './scores.ts';

/** Turns a labelling id → label into a grouping result (labels with one member stay single). */
function asResult(labels: ReadonlyMap<string, string>): GroupingResult {
  const byLabel = new Map<string, string[]>();
  for (const [id, label] of labels) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  const groups = [...byLabel.values()]
    .filter((m) => m.length >= 2)
    .map((m) => ({ id: m[0]!, members: m, representativeId: m[0]! }));
  const singletons = [...byLabel.values()].filter((m) => m.length === 1).map((m) => m[0]!);
  return { groups, singletons };
}

const labelling = fc
  .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 })
  .map((labels) => new Map(labels.map((l, i) => [`id${i}`, `f${l}`])));

describe('scoreGrouping', () => {
  it('scores the true partition 1 everywhere', () => {
    fc.assert(
      fc.property(labelling, (truth) => {
        const s = scoreGrouping(asResult(truth), truth);
        assert.deepEqual(
          [s.pairPrecision, s.pairRecall, s.copyPrecision, s.copyRecall, s.ungroupedCopies],
          [1, 1, 1, 1, 0],
        );
      }),
    );
  });

  it('stays between 0 and 1 for any grouping', () => {
    fc.assert(
      fc.property(labelling, labelling, (truth, guess) => {
        const predicted = new Map([...truth.keys()].map((id) => [id, guess.get(id) ?? id]));
        const s = scoreGrouping(asResult(predicted), truth);
        for (const v of [s.pairPrecision, s.pairRecall, s.copyPrecision, s.copyRecall]) {
          assert.ok(v >= 0 && v <= 1, JSON.stringify(s));
        }
      }),
    );
  });

  it('counts pairs and copies by hand on a small example', () => {
    // Family a has 4 copies, b has 2, c and d are individual objections.
    const truth = new Map([
      ['1', 'a'],
      ['2', 'a'],
      ['3', 'a'],
      ['4', 'a'],
      ['5', 'b'],
      ['6', 'b'],
      ['7', 'c'],
      ['8', 'd'],
    ]);
    // Found: {1,2,3} and {5,6,7}; 4 and 8 single.
    const s = scoreGrouping(
      {
        groups: [
          { id: '1', members: ['1', '2', '3'], representativeId: '1' },
          { id: '5', members: ['5', '6', '7'], representativeId: '5' },
        ],
        singletons: ['4', '8'],
      },
      truth,
    );
    // True pairs: 6 (a) + 1 (b) = 7; found pairs: 3 + 3 = 6, of which 3 + 1 are true.
    assert.equal(s.pairPrecision, 4 / 6);
    assert.equal(s.pairRecall, 4 / 7);
    // Copies: 6 (a and b); recalled 3 of a and 2 of b; grouped 6, of which 5 in their majority.
    assert.equal(s.copyRecall, 5 / 6);
    assert.equal(s.copyPrecision, 5 / 6);
    assert.equal(s.ungroupedCopies, 1);
  });
});
