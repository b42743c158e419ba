import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCoordinate } from './index.ts';

describe('parseCoordinate', () => {
  it('accepts decimal comma and decimal point', () => {
    assert.equal(parseCoordinate('8,186489', 'lon'), 8.186489);
    assert.equal(parseCoordinate('8.186489', 'lon'), 8.186489);
    assert.equal(parseCoordinate(' 51,62 ', 'lat'), 51.62);
    assert.equal(parseCoordinate('51°', 'lat'), 51);
    assert.equal(parseCoordinate('-7,5', 'lon'), -7.5);
    assert.equal(parseCoordinate('−7,5', 'lon'), -7.5, 'typographic minus');
    assert.equal(parseCoordinate(7.25, 'lon'), 7.25);
    assert.equal(parseCoordinate('-0', 'lat'), 0);
  });

  it('rejects ambiguous, malformed and out-of-range values', () => {
    for (const value of [
      '',
      'abc',
      '8,1,2',
      '1.234,5',
      '8,',
      ',5',
      '8 186',
      '1e3',
      'NaN',
      '0x10',
    ]) {
      assert.equal(parseCoordinate(value, 'lon'), undefined, value);
    }
    assert.equal(parseCoordinate('91', 'lat'), undefined);
    assert.equal(parseCoordinate('91', 'lon'), 91);
    assert.equal(parseCoordinate('181', 'lon'), undefined);
    assert.equal(parseCoordinate(Number.NaN, 'lon'), undefined);
    assert.equal(parseCoordinate(Number.POSITIVE_INFINITY, 'lat'), undefined);
  });

  it('property: formatting with comma or point round-trips', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.boolean(), (value, comma) => {
        const text = value.toFixed(6);
        const typed = comma ? text.replace('.', ',') : text;
        return parseCoordinate(typed, 'lat') === Number(text) + 0;
      }),
      { numRuns: 1000 },
    );
  });
});
