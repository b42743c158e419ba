import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SupportInputError } from '../rules/index.ts';
import { determineSmeStatus } from './index.ts';
import type { SizeClass, SmeInput } from './index.ts';

const M = 100_000_000; // 1 Mio. € in cents
const date = '2026-12-01';

function size(input: Partial<SmeInput>): string {
  return determineSmeStatus({ staffHeadcount: 1, date, ...input }).sizeClass;
}

function expectError(input: unknown, field: SupportInputError['field'], message: RegExp): void {
  assert.throws(
    () => determineSmeStatus(input as SmeInput),
    (e: unknown) => {
      assert.ok(e instanceof SupportInputError, String(e));
      assert.equal(e.field, field);
      assert.match(e.message, message);
      return true;
    },
  );
}

describe('size classes exactly at the boundaries (Annex I Art. 2 GBER)', () => {
  it('staff: under 10 / 50 / 250 (the limit itself belongs to the next class)', () => {
    const money = { turnoverCents: 1 * M, balanceSheetCents: 1 * M };
    assert.equal(size({ staffHeadcount: 9, ...money }), 'micro');
    assert.equal(size({ staffHeadcount: 10, ...money }), 'small');
    assert.equal(size({ staffHeadcount: 49.5, ...money }), 'small');
    assert.equal(size({ staffHeadcount: 50, ...money }), 'medium');
    assert.equal(size({ staffHeadcount: 249, ...money }), 'medium');
    assert.equal(size({ staffHeadcount: 250, ...money }), 'large');
  });

  it('turnover up to 2 / 10 / 50 Mio. € inclusive, when the balance sheet is above its limit', () => {
    const s = (staffHeadcount: number, turnoverCents: number) =>
      size({ staffHeadcount, turnoverCents, balanceSheetCents: 100 * M });
    assert.equal(s(5, 2 * M), 'micro');
    assert.equal(s(5, 2 * M + 1), 'small');
    assert.equal(s(20, 10 * M), 'small');
    assert.equal(s(20, 10 * M + 1), 'medium');
    assert.equal(s(100, 50 * M), 'medium');
    assert.equal(s(100, 50 * M + 1), 'large');
  });

  it('balance sheet up to 2 / 10 / 43 Mio. € inclusive, when turnover is above its limit', () => {
    const s = (staffHeadcount: number, balanceSheetCents: number) =>
      size({ staffHeadcount, turnoverCents: 100 * M, balanceSheetCents });
    assert.equal(s(5, 2 * M), 'micro');
    assert.equal(s(5, 2 * M + 1), 'small');
    assert.equal(s(20, 10 * M), 'small');
    assert.equal(s(20, 10 * M + 1), 'medium');
    assert.equal(s(100, 43 * M), 'medium');
    assert.equal(s(100, 43 * M + 1), 'large');
  });

  it('one money figure within the limit is enough; with neither known the class stays open', () => {
    assert.equal(size({ staffHeadcount: 5, balanceSheetCents: 1 * M }), 'micro');
    const open = determineSmeStatus({ staffHeadcount: 5, date });
    assert.equal(open.sizeClass, 'unknown');
    assert.equal(open.isSme, undefined);
    assert.equal(size({ staffHeadcount: 300 }), 'large');
  });

  it('25 % or more held by public bodies: not an SME (Art. 3 (4))', () => {
    assert.equal(
      size({ staffHeadcount: 5, turnoverCents: M, publicBodiesSharePpm: 249_999 }),
      'micro',
    );
    assert.equal(
      size({ staffHeadcount: 5, turnoverCents: M, publicBodiesSharePpm: 250_000 }),
      'large',
    );
  });
});

describe('partner and linked enterprises (Annex I Art. 3 and 6)', () => {
  it('adds a partner pro rata: 30 + 40 % × 60 staff = 54 → medium; the trace shows the steps', () => {
    const r = determineSmeStatus({
      staffHeadcount: 30,
      turnoverCents: 8 * M,
      balanceSheetCents: 8 * M,
      partners: [
        {
          name: 'Beteiligung GmbH',
          sharePpm: 400_000,
          staffHeadcount: 60,
          turnoverCents: 20 * M,
          balanceSheetCents: 5 * M,
        },
      ],
      date,
    });
    assert.deepEqual(r.aggregated, {
      staffHeadcount: 54,
      turnoverCents: 16 * M,
      balanceSheetCents: 10 * M,
    });
    assert.equal(r.sizeClass, 'medium');
    assert.ok(
      r.steps.some((s) =>
        /Partnerunternehmen „Beteiligung GmbH“ \(Beteiligung 40 %\): anteilig 24 JAE/.test(s.text),
      ),
    );
    assert.ok(r.steps.some((s) => s.citation === 'Anhang I Art. 6 Abs. 2 AGVO'));
    const small = r.traces.find((t) => t.ruleId === 'sme-small')!;
    assert.equal(small.truth, 'not-met');
    assert.ok(
      small.children.some(
        (c) => c.ruleId === 'sme-small-staff' && c.decisive && c.truth === 'not-met',
      ),
    );
  });

  it('adds a linked enterprise in full: 5 + 300 staff → large', () => {
    const r = determineSmeStatus({
      staffHeadcount: 5,
      turnoverCents: M,
      linked: [
        { name: 'Konzernmutter AG', sharePpm: 600_000, staffHeadcount: 300, turnoverCents: 80 * M },
      ],
      date,
    });
    assert.equal(r.aggregated.staffHeadcount, 305);
    assert.equal(r.sizeClass, 'large');
    assert.equal(r.isSme, false);
  });

  it('records the threshold parameters with their valid-from date', () => {
    const r = determineSmeStatus({ staffHeadcount: 9, turnoverCents: M, date });
    const staff = r.traces[0]!.children[0]!;
    assert.equal(staff.parameters[0]!.value, 10);
    assert.equal(staff.parameters[0]!.validFrom, '2005-01-01');
  });
});

describe('bad input gets a German message naming the field', () => {
  it('staff 0', () => {
    expectError(
      { staffHeadcount: 0, turnoverCents: M, date },
      'staffHeadcount',
      /^Die Zahl der Beschäftigten muss zwischen 1 und/,
    );
  });
  it('turnover as text', () => {
    expectError(
      { staffHeadcount: 5, turnoverCents: '10 Mio', date },
      'turnoverCents',
      /^Der Jahresumsatz „10 Mio“ ist keine Zahl/,
    );
  });
  it('negative balance sheet', () => {
    expectError(
      { staffHeadcount: 5, balanceSheetCents: -1, date },
      'balanceSheetCents',
      /^Die Jahresbilanzsumme darf nicht negativ sein/,
    );
  });
  it('a "partner" holding more than 50 % is a linked enterprise', () => {
    expectError(
      { staffHeadcount: 5, date, partners: [{ name: 'X', sharePpm: 600_000, staffHeadcount: 3 }] },
      'partners',
      /^Die Beteiligung des Partnerunternehmens „X“ muss zwischen 25 % und 50 % liegen/,
    );
  });
  it('a missing or impossible date', () => {
    expectError({ staffHeadcount: 5 }, 'date', /^Der Stichtag fehlt/);
    expectError(
      { staffHeadcount: 5, date: '2026-02-30' },
      'date',
      /^Der Stichtag „2026-02-30“ ist kein gültiges Datum/,
    );
  });
});

describe('SME properties', () => {
  const order: Record<SizeClass, number> = { micro: 0, small: 1, medium: 2, large: 3 };
  it('more staff, turnover or balance sheet never gives a smaller class', () => {
    const figures = fc.record({
      staffHeadcount: fc.integer({ min: 1, max: 400 }),
      turnoverCents: fc.integer({ min: 0, max: 80 * M }),
      balanceSheetCents: fc.integer({ min: 0, max: 80 * M }),
    });
    fc.assert(
      fc.property(figures, fc.nat(100), fc.nat(20 * M), fc.nat(20 * M), (f, ds, dt, db) => {
        const a = determineSmeStatus({ ...f, date }).sizeClass as SizeClass;
        const b = determineSmeStatus({
          staffHeadcount: f.staffHeadcount + ds,
          turnoverCents: f.turnoverCents + dt,
          balanceSheetCents: f.balanceSheetCents + db,
          date,
        }).sizeClass as SizeClass;
        assert.ok(order[a] <= order[b], `${a} → ${b}`);
      }),
      { numRuns: 500 },
    );
  });
});
