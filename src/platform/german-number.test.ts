import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatEuroCents,
  formatGermanNumber,
  parseEuroToCents,
  parseGermanNumber,
} from './german-number.ts';

describe('German number format', () => {
  it('reads what people type and what JSON clients send', () => {
    const cases: [unknown, number | undefined][] = [
      ['160,5', 160.5],
      ['1.234,5', 1234.5],
      ['1.234', 1234],
      ['4.500.000', 4_500_000],
      ['160.5', 160.5],
      ['  99 ', 99],
      ['1 234,5', 1234.5],
      ['-3,25', -3.25],
      [160.5, 160.5],
      [3000, 3000],
      ['', undefined],
      ['   ', undefined],
      [undefined, undefined],
      [null, undefined],
    ];
    for (const [input, expected] of cases)
      assert.equal(parseGermanNumber(input), expected, JSON.stringify(input));
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const input of ['abc', '1,2,3', '12.34.5', '1.23,4', '1e5', '160,', ',5', {}, [], true])
      assert.ok(Number.isNaN(parseGermanNumber(input)), JSON.stringify(input));
    assert.ok(Number.isNaN(parseGermanNumber(Infinity)));
  });

  it('euro amounts become integer cents without floating point error', () => {
    assert.equal(parseEuroToCents('4.500.000'), 450_000_000);
    assert.equal(parseEuroToCents('4.500.000,5'), 450_000_050);
    assert.equal(parseEuroToCents('1.234,56 €'), 123_456);
    assert.equal(parseEuroToCents(0.29), 29);
    assert.equal(parseEuroToCents(1_000_000.1), 100_000_010);
    assert.equal(parseEuroToCents(''), undefined);
    for (const bad of ['1,234', '-5', 'viel', '99999999999999999999'])
      assert.ok(Number.isNaN(parseEuroToCents(bad)), bad);
  });

  it('shows numbers the German way', () => {
    assert.equal(formatGermanNumber(1234.5), '1.234,5');
    assert.equal(formatGermanNumber(160.5), '160,5');
    assert.equal(formatGermanNumber(8.7611), '8,7611');
    assert.equal(formatGermanNumber(NaN), '');
    assert.equal(formatEuroCents(450_000_000), '4.500.000');
    assert.equal(formatEuroCents(123_456), '1.234,56');
    assert.equal(formatEuroCents(null), '');
  });
});
