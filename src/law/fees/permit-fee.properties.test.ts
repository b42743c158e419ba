import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computePermitFee, MAX_COSTS_CENTS, permitFeeTariffs } from '../index.ts';
import type { FeeOutcome, FeeProcedure, PermitFeeInput } from '../index.ts';

const runs = { numRuns: 1000 };

/** Costs across every band: small, band limits ± a few cents, and very large parks. */
const costs = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: MAX_COSTS_CENTS }),
  fc
    .constantFrom(50_000_000, 5_000_000_000)
    .chain((limit) => fc.integer({ min: limit - 5, max: limit + 5 })),
);
const procedure = fc.constantFrom<FeeProcedure>('formal', 'simplified');
const outcome = fc.constantFrom<FeeOutcome>('grant', 'refusal', 'withdrawal', 'rejection');
const decisionDate = fc.constantFrom('2010-06-01', '2023-08-11', '2023-08-12', '2026-12-01');
const included = fc.array(
  fc.record({
    label: fc.constant('Baugenehmigung'),
    citation: fc.constant('Tarifstelle 2'),
    feeCents: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  { maxLength: 3 },
);

const input = fc.record({
  investmentCostsCents: costs,
  procedure,
  outcome,
  decisionDate,
  eia: fc.boolean(),
  includedDecisions: included,
});

describe('permit fee properties', () => {
  it('is a non-negative integer number of cents, equal to the last trace step', () => {
    fc.assert(
      fc.property(input, (i: PermitFeeInput) => {
        const r = computePermitFee(i);
        assert.ok(Number.isSafeInteger(r.totalCents) && r.totalCents >= 0);
        assert.equal(r.steps.at(-1)!.amountCents, r.totalCents);
        for (const s of r.steps) assert.ok(Number.isSafeInteger(s.amountCents));
      }),
      runs,
    );
  });

  it('never falls when the construction costs rise', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000_000_000 }), (i, more) => {
        const higher = Math.min(MAX_COSTS_CENTS, i.investmentCostsCents + more);
        const a = computePermitFee(i).totalCents;
        const b = computePermitFee({ ...i, investmentCostsCents: higher }).totalCents;
        assert.ok(a <= b, `${i.investmentCostsCents} → ${a}, ${higher} → ${b}`);
      }),
      runs,
    );
  });

  it('refusal, rejection and withdrawal never cost more than the grant; simplified never more than formal', () => {
    fc.assert(
      fc.property(input, (i) => {
        const grant = computePermitFee({ ...i, outcome: 'grant' }).totalCents;
        assert.ok(computePermitFee(i).totalCents <= grant);
        const formal = computePermitFee({ ...i, procedure: 'formal' }).totalCents;
        const simplified = computePermitFee({ ...i, procedure: 'simplified' }).totalCents;
        assert.ok(simplified <= formal);
      }),
      runs,
    );
  });

  it('a grant never costs less than the minimum fee of its tariff version', () => {
    fc.assert(
      fc.property(costs, decisionDate, (c, d) => {
        const r = computePermitFee({
          investmentCostsCents: c,
          procedure: 'formal',
          outcome: 'grant',
          decisionDate: d,
        });
        const tariff = permitFeeTariffs.find((t) => t.id === r.tariff.id);
        assert.ok(tariff);
        assert.ok(r.totalCents >= tariff.minimumCents);
      }),
      runs,
    );
  });

  it('the bands of every version join without a jump (continuous at each limit)', () => {
    for (const t of permitFeeTariffs) {
      for (const [i, band] of t.bands.entries()) {
        const next = t.bands[i + 1];
        if (!next || band.upToCents === null) continue;
        const atLimit =
          band.baseCents + ((band.upToCents - band.thresholdCents) * band.ratePpm) / 1e6;
        assert.equal(next.thresholdCents, band.upToCents, `${t.id} ${next.letter}`);
        assert.equal(next.baseCents, atLimit, `${t.id} ${next.letter}`);
      }
    }
  });
});
