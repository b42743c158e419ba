import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paceDecimals, paceText } from './dashboard.parts.tsx';
import type { IndicatorResult } from './indicator.types.ts';

describe('pace as text', () => {
  it('shows two significant digits of the smaller pace, one decimal from 1 up, at most four', () => {
    assert.equal(paceDecimals(0.2886, 0.0209), 3);
    assert.equal(paceDecimals(0.3, 0.5), 2);
    assert.equal(paceDecimals(12.5, 3), 1);
    assert.equal(paceDecimals(-1388, -500), 1);
    assert.equal(paceDecimals(0.3, 0), 2);
    assert.equal(paceDecimals(0, 0), 1);
    assert.equal(paceDecimals(0.000001, 1), 4);
  });

  it('a small achieved pace is not shown as zero', () => {
    const result = {
      pace: { needed: 0.2886, achieved: 0.0209, unit: '% je Jahr' },
    } as unknown as IndicatorResult;
    assert.equal(paceText(result), 'nötig 0,289 % je Jahr, erreicht 0,021 % je Jahr');
  });
});
