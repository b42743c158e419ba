import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { formatNumber } from './format.ts';
import { dateTicks, withDecimals } from './chart.tsx';

describe('chart axes', () => {
  it('labels ticks with the decimals their step needs: no two labels alike', () => {
    for (const [max, expected] of [
      [0.0876, 2],
      [0.9, 1],
      [7, 0],
      [1500, 0],
      [0.004, 3],
    ] as const) {
      const ticks = withDecimals(scaleLinear().domain([0, max]).nice().ticks(5));
      assert.equal(ticks[0]![1], expected, `max ${max}`);
      const labels = ticks.map(([t, d]) => formatNumber(t, d));
      assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
    }
  });

  it('few stands are labelled with their own dates, many with month ticks', () => {
    const dates = [new Date('2025-06-30T00:00:00Z'), new Date('2026-06-30T00:00:00Z')];
    const x = scaleUtc().domain([dates[0]!, dates[1]!]);
    assert.deepEqual(
      dateTicks(x, dates).map((t) => t.label),
      ['30.06.2025', '30.06.2026'],
    );
    const many = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2024, i, 1)));
    const xm = scaleUtc().domain([many[0]!, many.at(-1)!]);
    const labels = dateTicks(xm, many).map((t) => t.label);
    assert.ok(labels.length >= 2 && labels.length <= 12, labels.join(' '));
    assert.match(labels[0]!, /^\d{2}\.\d{4}$/);
  });
});
