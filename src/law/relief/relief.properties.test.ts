import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyPpm } from '../fees/money.ts';
import { aidPerMwh, bridgePriceSchemes, calculateRelief, computeElectricityTax } from './index.ts';

const runs = { numRuns: 500 };
const kwh = fc.oneof(
  fc.integer({ min: 0, max: 50_000 }),
  fc.integer({ min: 0, max: 10_000_000_000 }),
);
const year = fc.constantFrom('2023-06-30', '2025-06-30', '2026-06-30', '2027-01-01');

describe('electricity tax properties', () => {
  it('the relief is 0 or above 250 €, never above the tax, and monotonic in consumption', () => {
    fc.assert(
      fc.property(kwh, kwh, year, (a, b, date) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const input = {
          date,
          electromobilityKwh: 0,
          nonBusinessKwh: 0,
          naceDivision: 24,
          undertakingInDifficulty: false,
        };
        const r = computeElectricityTax({ ...input, consumptionKwh: low });
        assert.ok(r.amountCents === 0 || r.amountCents > 25_000);
        assert.ok(r.amountCents <= r.taxAtStandardRateCents);
        assert.ok(
          r.amountCents <= computeElectricityTax({ ...input, consumptionKwh: high }).amountCents,
        );
      }),
      runs,
    );
  });
});

describe('bridge price properties', () => {
  const scheme = fc.constantFrom(...bridgePriceSchemes);
  it('the price after aid never falls below the floor, and aid never exceeds its share of the price', () => {
    fc.assert(
      fc.property(scheme, fc.integer({ min: 0, max: 100_000 }), (s, reference) => {
        const aid = aidPerMwh(s, reference);
        assert.ok(aid >= 0);
        assert.ok(aid <= applyPpm(reference, s.aidSharePpm));
        if (aid > 0) assert.ok(reference - aid >= s.floorCentsPerMwh);
      }),
      runs,
    );
  });

  it('aid per MWh never falls when the reference price rises', () => {
    fc.assert(
      fc.property(scheme, fc.nat(100_000), fc.nat(100_000), (s, a, b) => {
        assert.ok(aidPerMwh(s, Math.min(a, b)) <= aidPerMwh(s, Math.max(a, b)));
      }),
      runs,
    );
  });
});

describe('calculator properties', () => {
  it('relief never raises the price, and the after-price equals the before-price less the counted relief', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.boolean(),
        fc.boolean(),
        (consumptionKwh, price, ets, kuebll) => {
          const r = calculateRelief({
            date: '2026-06-30',
            consumptionKwh,
            naceCode: '20.13',
            energyPriceCentsPerMwh: price,
            undertakingInDifficulty: false,
            sectorOnEtsList: ets,
            sectorOnKueblList1: kuebll,
            euaPriceCentsPerTonne: 7_000,
            referencePriceCentsPerMwh: 9_000,
          });
          assert.ok(r.after!.costCents <= r.before!.costCents);
          const counted = r.instruments
            .filter((i) => i.id !== 'bridge-price' && i.status !== 'not-eligible')
            .reduce((sum, i) => sum + i.amountCents, 0);
          assert.equal(r.after!.costCents, r.before!.costCents - counted);
          if (r.afterWithScheme) assert.ok(r.afterWithScheme.costCents <= r.after!.costCents);
        },
      ),
      runs,
    );
  });
});
