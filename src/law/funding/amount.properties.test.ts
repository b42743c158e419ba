import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decidingRules, evaluateRule, factsRead } from '../rules/index.ts';
import type { Facts, FactValue } from '../rules/index.ts';
import { assessProgramme, computeFundingAmount, fundingProgrammeVersions } from './index.ts';
import type { FundingProgrammeVersion } from './index.ts';

const date = '2026-12-01';
const runs = { numRuns: 500 };

/** Facts across the values the programme rules test, including "not stated". */
const facts: fc.Arbitrary<Facts> = fc.record(
  {
    naceDivision: fc.constantFrom(1, 2, 10, 25, 33, 35, 46),
    staffHeadcount: fc.constantFrom(1, 9, 10, 49, 50, 249, 250, 2500, 2501),
    turnoverCents: fc.integer({ min: 0, max: 6_000_000_000 }),
    balanceSheetCents: fc.integer({ min: 0, max: 6_000_000_000 }),
    siteInNrw: fc.boolean(),
    seatInNrw: fc.boolean(),
    projectStarted: fc.boolean(),
    undertakingInDifficulty: fc.boolean(),
    craftsChamberMember: fc.boolean(),
    trade: fc.constantFrom('shk', 'kaelte-klima', 'elektro'),
    trainingForPlanningStaff: fc.boolean(),
    requiredByGeg: fc.boolean(),
    buildingType: fc.constantFrom('new', 'existing'),
    collectorAreaM2: fc.integer({ min: 0, max: 2000 }),
  },
  { requiredKeys: [] },
);
const version = fc.constantFrom<FundingProgrammeVersion>(...fundingProgrammeVersions);
const costs = fc.integer({ min: 0, max: 100_000_000 });
const units = fc.integer({ min: 0, max: 5000 });
const days = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 20 });

describe('funding amount properties', () => {
  it('never exceeds the programme maximum (per project or per employee)', () => {
    fc.assert(
      fc.property(version, facts, costs, fc.nat(40), units, days, (v, f, c, d, u, t) => {
        const r = computeFundingAmount(v, {
          eligibleCostsCents: c,
          consultantDays: d,
          units: u,
          trainingDays: t,
          facts: f,
          date,
        });
        assert.ok(Number.isSafeInteger(r.amountCents) && r.amountCents >= 0);
        if (r.status === 'computed') {
          assert.ok(
            r.maxCents !== undefined && r.amountCents <= r.maxCents,
            `${v.programmeId}: ${r.amountCents}`,
          );
          assert.equal(r.steps.at(-1)!.amountCents, r.amountCents);
        } else {
          assert.equal(r.amountCents, 0);
          assert.ok(r.missing.length > 0);
        }
      }),
      runs,
    );
  });

  it('is monotonic in eligible costs and units up to the cap', () => {
    fc.assert(
      fc.property(version, facts, costs, costs, units, units, (v, f, c1, c2, u1, u2) => {
        const [lowC, highC] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [lowU, highU] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const a = computeFundingAmount(v, {
          eligibleCostsCents: lowC,
          consultantDays: 10,
          units: lowU,
          trainingDays: [2],
          facts: f,
          date,
        });
        const b = computeFundingAmount(v, {
          eligibleCostsCents: highC,
          consultantDays: 10,
          units: highU,
          trainingDays: [2],
          facts: f,
          date,
        });
        assert.ok(
          a.amountCents <= b.amountCents,
          `${v.programmeId}: ${a.amountCents} > ${b.amountCents}`,
        );
      }),
      runs,
    );
  });

  it('is monotonic in training days per employee and capped per employee', () => {
    const v = fundingProgrammeVersions.find((p) => p.amount.kind === 'per-person-day')!;
    fc.assert(
      fc.property(days, fc.nat(5), (t, extra) => {
        const base = computeFundingAmount(v, { trainingDays: t, facts: {}, date }).amountCents;
        const more = computeFundingAmount(v, {
          trainingDays: t.map((d) => d + extra),
          facts: {},
          date,
        }).amountCents;
        assert.ok(base <= more);
        assert.ok(more <= 150_000 * t.length);
      }),
      runs,
    );
  });
});

describe('eligibility properties', () => {
  it('the trace names every rule that decided the result: those rules alone reproduce it', () => {
    fc.assert(
      fc.property(version, facts, (v, f) => {
        const a = assessProgramme(v, f, {}, date);
        const deciding = decidingRules(a.trace);
        assert.ok(deciding.length > 0);
        if (a.eligibility === 'not-eligible')
          assert.ok(deciding.some((n) => n.truth === 'not-met'));
        if (a.eligibility === 'need-info') assert.ok(a.missing.length > 0);
        const kept: Record<string, FactValue | undefined> = {};
        for (const n of deciding) for (const i of n.inputs) kept[i.fact] = i.value;
        const again = evaluateRule(v.eligibility, kept, { date, parameters: {} }).truth;
        assert.equal(
          { met: 'eligible', 'not-met': 'not-eligible', unknown: 'need-info' }[again],
          a.eligibility,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('with every fact a programme reads, the answer is never "need more information"', () => {
    fc.assert(
      fc.property(version, facts, (v, f) => {
        const complete = factsRead(v.eligibility).every((name) => f[name] !== undefined);
        if (complete) assert.notEqual(assessProgramme(v, f, {}, date).eligibility, 'need-info');
      }),
      runs,
    );
  });
});
