import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDative } from './duration-label.ts';
import { parseDuration } from './index.ts';

const parts = (input: string): unknown => {
  const { years, months, weeks, days, halfMonth, label } = parseDuration(input);
  return { years, months, weeks, days, halfMonth, label };
};

describe('parseDuration', () => {
  it('reads ISO 8601 units and combinations with German labels', () => {
    assert.deepEqual(parts('P1M'), {
      years: 0,
      months: 1,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: '1 Monat',
    });
    assert.deepEqual(parts('P2W'), {
      years: 0,
      months: 0,
      weeks: 2,
      days: 0,
      halfMonth: false,
      label: '2 Wochen',
    });
    assert.deepEqual(parts('P1D'), {
      years: 0,
      months: 0,
      weeks: 0,
      days: 1,
      halfMonth: false,
      label: '1 Tag',
    });
    assert.deepEqual(parts('P7M'), {
      years: 0,
      months: 7,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: '7 Monate',
    });
    assert.deepEqual(parts('P1Y2M'), {
      years: 1,
      months: 2,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: '1 Jahr und 2 Monate',
    });
    assert.deepEqual(parts('P1M15D'), {
      years: 0,
      months: 1,
      weeks: 0,
      days: 15,
      halfMonth: false,
      label: '1 Monat und 15 Tage',
    });
    assert.equal(parseDuration('P2Y1M3W4D').label, '2 Jahre, 1 Monat, 3 Wochen und 4 Tage');
  });

  it('tolerates lower case and surrounding blanks', () => {
    assert.equal(parseDuration(' p10d ').days, 10);
  });

  it('knows the § 189 BGB fractions and aliases', () => {
    assert.deepEqual(parts('P0.5Y'), {
      years: 0,
      months: 6,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: 'ein halbes Jahr',
    });
    assert.deepEqual(parts('half-year'), parts('P0.5Y'));
    assert.deepEqual(parts('P0.25Y'), {
      years: 0,
      months: 3,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: 'ein Vierteljahr',
    });
    assert.deepEqual(parts('quarter'), parts('P0.25Y'));
    assert.deepEqual(parts('P0.5M'), {
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      halfMonth: true,
      label: 'ein halber Monat',
    });
    assert.deepEqual(parts('half-month'), parts('P0.5M'));
    assert.deepEqual(parts('P1.5M'), {
      years: 0,
      months: 1,
      weeks: 0,
      days: 0,
      halfMonth: true,
      label: 'eineinhalb Monate',
    });
    assert.deepEqual(parts('P2,5M'), {
      years: 0,
      months: 2,
      weeks: 0,
      days: 0,
      halfMonth: true,
      label: '2½ Monate',
    });
    assert.deepEqual(parts('P1.5Y'), {
      years: 1,
      months: 6,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: 'eineinhalb Jahre',
    });
    assert.equal(parseDuration('P1Y0.5M').label, '1 Jahr und ein halber Monat');
  });

  it('accepts exactly 100 years, nothing longer', () => {
    assert.equal(parseDuration('P100Y').years, 100);
    assert.throws(() => parseDuration('P100Y1D'), { field: 'duration' });
  });
});

describe('toDative', () => {
  it('declines the labels for "Frist von …"', () => {
    assert.equal(toDative('2 Monate'), '2 Monaten');
    assert.equal(toDative('1 Monat'), '1 Monat');
    assert.equal(toDative('ein halbes Jahr'), 'einem halben Jahr');
    assert.equal(toDative('ein Vierteljahr'), 'einem Vierteljahr');
    assert.equal(toDative('1 Jahr, 2 Monate und 10 Tage'), '1 Jahr, 2 Monaten und 10 Tagen');
    assert.equal(toDative('2 Wochen'), '2 Wochen');
  });
});
