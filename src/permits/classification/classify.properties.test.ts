import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyWindProject, parseWindProjectInput } from './index.ts';
import type { EiaClass, WindProjectInput } from './index.ts';

const runs = { numRuns: 500 };

const DAY_MS = 86_400_000;
const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1) / DAY_MS, max: Date.UTC(2035, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const height = fc.oneof(
  fc.integer({ min: 1, max: 400 }),
  fc.double({ min: 0.1, max: 400, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(50, 50.000001, 49.99),
);

const project: fc.Arbitrary<WindProjectInput> = fc.record({
  turbineCount: fc.integer({ min: 1, max: 300 }),
  maxTotalHeightM: height,
  repowering: fc.boolean(),
  inAccelerationArea: fc.boolean(),
  inWindEnergyArea: fc.boolean(),
  eiaScreeningOutcome: fc.constantFrom('not-done', 'eia-required', 'no-eia'),
  applicantRequestsFormal: fc.boolean(),
});

/** Order of EIA classes by how much assessment they demand. */
const eiaRank: Readonly<Record<Exclude<EiaClass, 'replaced-by-windbg'>, number>> = {
  none: 0,
  'site-screening': 1,
  'general-screening': 2,
  required: 3,
};

function rank(eia: EiaClass): number {
  assert.notEqual(eia, 'replaced-by-windbg', 'outside WindBG areas');
  return eia === 'replaced-by-windbg' ? -1 : eiaRank[eia];
}

describe('classifyWindProject properties', () => {
  it('never throws for valid input; every reason is cited; deadlines iff a permit is needed', () => {
    fc.assert(
      fc.property(project, isoDate, (input, onDate) => {
        const result = classifyWindProject(input, onDate);
        assert.ok(result.reasons.length > 0);
        for (const reason of result.reasons) assert.ok(reason.citations.length >= 1, reason.text);
        const permit = result.procedure !== 'none';
        assert.equal(result.decisionDeadline !== undefined, permit);
        assert.equal(result.completenessDeadline !== undefined, permit);
        assert.equal(result.agencyStatementDeadline !== undefined, permit);
        assert.equal(
          result.publicParticipation,
          result.procedure === 'formal' || result.procedure === 'repowering-formal',
        );
        assert.equal(result.procedure.startsWith('repowering'), permit && input.repowering);
      }),
      runs,
    );
  });

  it('20 or more turbines above 50 m are always formal', () => {
    fc.assert(
      fc.property(project, isoDate, fc.integer({ min: 20, max: 300 }), (input, onDate, count) => {
        const result = classifyWindProject(
          { ...input, turbineCount: count, maxTotalHeightM: Math.max(50.5, input.maxTotalHeightM) },
          onDate,
        );
        assert.ok(result.procedure === 'formal' || result.procedure === 'repowering-formal');
        assert.equal(result.publicParticipation, true);
      }),
      runs,
    );
  });

  it('a total height of at most 50 m never needs a BImSchG permit', () => {
    const low = fc.double({ min: 0.01, max: 50, noNaN: true });
    fc.assert(
      fc.property(project, isoDate, low, (input, onDate, h) => {
        const result = classifyWindProject({ ...input, maxTotalHeightM: h }, onDate);
        assert.equal(result.procedure, 'none');
        assert.equal(result.eia, 'none');
        assert.equal(result.decisionDeadline, undefined);
      }),
      runs,
    );
  });

  it('outside WindBG areas more turbines never give a smaller EIA class', () => {
    fc.assert(
      fc.property(project, isoDate, fc.integer({ min: 0, max: 50 }), (input, onDate, extra) => {
        const outside = { ...input, inAccelerationArea: false, inWindEnergyArea: false };
        const fewer = classifyWindProject(outside, onDate);
        const more = classifyWindProject(
          { ...outside, turbineCount: outside.turbineCount + extra },
          onDate,
        );
        assert.ok(rank(fewer.eia) <= rank(more.eia), `${fewer.eia} → ${more.eia}`);
      }),
      runs,
    );
  });

  it('the decision deadline is never shorter for formal than for simplified', () => {
    fc.assert(
      fc.property(project, isoDate, (input, onDate) => {
        const big = { ...input, maxTotalHeightM: 150 };
        const simplified = classifyWindProject(
          {
            ...big,
            turbineCount: 3,
            applicantRequestsFormal: false,
            eiaScreeningOutcome: 'no-eia',
          },
          onDate,
        );
        const formal = classifyWindProject(
          { ...big, turbineCount: 3, applicantRequestsFormal: true },
          onDate,
        );
        const months = (iso: string | undefined): number =>
          Number(/^P(\d+)M$/.exec(iso ?? '')?.[1]);
        assert.ok(
          months(formal.decisionDeadline?.duration) >=
            months(simplified.decisionDeadline?.duration),
        );
      }),
      runs,
    );
  });
});

describe('parseWindProjectInput properties', () => {
  it('never throws on arbitrary records, and accepted values classify', () => {
    const fieldValue = fc.oneof(
      fc.anything(),
      fc.constantFrom('12', '12,5', 'on', 'ja', 'nein', 'true', '', ' 7 ', 'no-eia', '__proto__'),
    );
    const raw = fc.record(
      {
        turbineCount: fieldValue,
        maxTotalHeightM: fieldValue,
        repowering: fieldValue,
        inAccelerationArea: fieldValue,
        inWindEnergyArea: fieldValue,
        eiaScreeningOutcome: fieldValue,
        applicantRequestsFormal: fieldValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(raw, (record) => {
        const parsed = parseWindProjectInput(record);
        if (parsed.ok) classifyWindProject(parsed.value, '2026-01-15');
        else assert.ok(parsed.problems.length > 0);
      }),
      runs,
    );
  });
});
