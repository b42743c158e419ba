import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBetween, median, percentile } from './stats.ts';

describe('dashboard statistics', () => {
  it('percentiles interpolate between the nearest ranks, whatever the input order', () => {
    const values = [10, 2, 7, 4, 1];
    assert.equal(median(values), 4);
    assert.equal(percentile(values, 0.9), 8.8);
    assert.equal(percentile([5], 0.9), 5);
    assert.equal(percentile([], 0.5), undefined);
    // Numeric order, not the order of the digits as text.
    assert.equal(median([100, 9, 20]), 20);
    assert.deepEqual(values, [10, 2, 7, 4, 1], 'the input stays as it was');
  });

  it('days between two days count calendar days across a leap day and the clock change', () => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
    assert.equal(daysBetween('2026-12-03', '2026-11-03'), -30);
    // Asked again (the parsed days are kept), the answer is the same.
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.ok(Number.isNaN(daysBetween('2026-02-30x', '2026-03-01')));
  });
});
