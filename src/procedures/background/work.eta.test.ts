import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProgress, formatRemaining, progressPercent, remainingMs } from './work.eta.ts';

describe('progress and time left of background work', () => {
  const startedAt = new Date('2026-12-01T09:00:00Z');
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);

  it('estimates the rest at the pace so far', () => {
    assert.equal(remainingMs({ done: 25, total: 100, startedAt }, at(10)), 30_000);
    assert.equal(formatRemaining(30_000), 'etwa 30 Sekunden');
    assert.equal(remainingMs({ done: 100, total: 100, startedAt }, at(10)), 0);
  });

  it('knows nothing before the first step or without a total', () => {
    assert.equal(remainingMs({ done: 0, total: 100, startedAt }, at(10)), null);
    assert.equal(remainingMs({ done: 5, total: null, startedAt }, at(10)), null);
    assert.equal(remainingMs({ done: 5, total: 10, startedAt: null }, at(10)), null);
    assert.equal(remainingMs({ done: 5, total: 10, startedAt }, startedAt), null);
    assert.equal(formatRemaining(null), 'wird ermittelt');
  });

  it('speaks German at every scale', () => {
    assert.equal(formatRemaining(1_000), 'weniger als 5 Sekunden');
    assert.equal(formatRemaining(41_000), 'etwa 45 Sekunden');
    assert.equal(formatRemaining(70_000), 'etwa 1 Minute');
    assert.equal(formatRemaining(185_000), 'etwa 3 Minuten');
    assert.equal(formatRemaining(3 * 3_600_000), 'etwa 3 Stunden');
  });

  it('rounds percent down, so 100 % means done', () => {
    assert.equal(progressPercent({ done: 999, total: 1000 }), 99);
    assert.equal(progressPercent({ done: 0, total: 0 }), 100);
    assert.equal(progressPercent({ done: 3, total: null }), null);
    assert.equal(
      formatProgress({ done: 37_512, total: 100_000 }, 'Einwendungen'),
      '37.512 von 100.000 Einwendungen (37 %)',
    );
    assert.equal(formatProgress({ done: 0, total: null }, 'Einwendungen'), 'Umfang wird ermittelt');
  });
});
