import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  buildEvaluationCorpus,
  readSourceTexts,
  type CorpusOptions,
  type SourceTexts,
} from './evaluation.fixtures.ts';
import { groupNearDuplicates } from './group.ts';
import { scoreGrouping, type Scores } from './scores.ts';

// Form letters built from real participation texts with typos, swapped, dropped and added
// sentences and changed salutations and sign-offs, among individual objections on the same topics
// (evaluation.fixtures.ts). Fixed seeds: the numbers cannot drift between runs.
let source: SourceTexts;
before(() => {
  source = readSourceTexts();
});

function scores(options: CorpusOptions): Scores {
  const corpus = buildEvaluationCorpus(source, options);
  return scoreGrouping(groupNearDuplicates(corpus.items), corpus.truth);
}

function assertQuality(s: Scores): void {
  const shown = JSON.stringify(s);
  assert.ok(s.pairRecall >= 0.98, `pairwise recall ${shown}`);
  assert.ok(s.copyRecall >= 0.98, `per-copy recall ${shown}`);
  assert.ok(s.pairPrecision >= 0.99, `pairwise precision ${shown}`);
  assert.ok(s.copyPrecision >= 0.99, `per-copy precision ${shown}`);
}

describe('grouping quality on generated form letters', () => {
  it('finds ≥ 98 % of the copies with ≥ 99 % precision among 2,000 objections', () => {
    assertQuality(scores({ size: 2_000, seed: 20_261_202, half: 'tuning' }));
  });

  it('keeps short form letters (2–3 sentences) together', () => {
    const s = scores({
      size: 1_000,
      seed: 4_711,
      half: 'tuning',
      mix: { short: 1, medium: 0, long: 0 },
    });
    assertQuality(s);
    assert.ok(s.ungroupedCopies <= 0.01 * s.copies, `ungrouped copies ${JSON.stringify(s)}`);
  });
});
