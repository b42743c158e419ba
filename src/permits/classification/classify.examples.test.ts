import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertCited, JULY_2024, project, RED_III } from './classification.fixtures.ts';
import { classifyWindProject } from './index.ts';
import type { Classification, WindProjectInput } from './index.ts';

/**
 * Expected result as 'procedure eia decision completeness screening rule-version' with '-' for
 * an absent deadline; rule version 'jul24' = bimschg-2024-07, 'red3' = bimschg-2025-red3.
 */
type Row = [name: string, input: Partial<WindProjectInput>, onDate: string, expected: string];

const repowering5InArea = { turbineCount: 5, repowering: true, inAccelerationArea: true };

const rows: Row[] = [
  ['2 turbines 45 m', { turbineCount: 2, maxTotalHeightM: 45 }, RED_III, 'none none - - - red3'],
  [
    '30 turbines, exactly 50 m',
    { turbineCount: 30, maxTotalHeightM: 50 },
    JULY_2024,
    'none none - - - jul24',
  ],
  ['1 turbine 50.5 m', { maxTotalHeightM: 50.5 }, RED_III, 'simplified none P3M P45D - red3'],
  ['2 turbines', { turbineCount: 2 }, JULY_2024, 'simplified none P3M P1M - jul24'],
  ['3 turbines 200 m', { turbineCount: 3 }, JULY_2024, 'simplified site-screening P3M P1M - jul24'],
  ['5 turbines', { turbineCount: 5 }, JULY_2024, 'simplified site-screening P3M P1M - jul24'],
  ['6 turbines', { turbineCount: 6 }, JULY_2024, 'simplified general-screening P3M P1M - jul24'],
  ['7 turbines', { turbineCount: 7 }, RED_III, 'simplified general-screening P3M P45D - red3'],
  ['19 turbines', { turbineCount: 19 }, JULY_2024, 'simplified general-screening P3M P1M - jul24'],
  ['20 turbines', { turbineCount: 20 }, JULY_2024, 'formal required P7M P1M - jul24'],
  [
    '10 turbines, screening: EIA required',
    { turbineCount: 10, eiaScreeningOutcome: 'eia-required' },
    JULY_2024,
    'formal required P7M P1M - jul24',
  ],
  [
    '10 turbines, screening: no EIA',
    { turbineCount: 10, eiaScreeningOutcome: 'no-eia' },
    JULY_2024,
    'simplified none P3M P1M - jul24',
  ],
  [
    '20 turbines, screening "no EIA" does not lift the EIA duty',
    { turbineCount: 20, eiaScreeningOutcome: 'no-eia' },
    RED_III,
    'formal required P7M P45D - red3',
  ],
  [
    '4 turbines, applicant asks for formal (§ 19 Abs. 3)',
    { turbineCount: 4, applicantRequestsFormal: true },
    JULY_2024,
    'formal site-screening P7M P1M - jul24',
  ],
  [
    'repowering 5 in acceleration area, RED III',
    repowering5InArea,
    RED_III,
    'repowering-simplified replaced-by-windbg P3M P30D P30D red3',
  ],
  [
    'repowering 5 in acceleration area, formal requested, RED III',
    { ...repowering5InArea, applicantRequestsFormal: true },
    RED_III,
    'repowering-formal replaced-by-windbg P6M P30D P30D red3',
  ],
  [
    'same project before RED III (§ 6 WindBG)',
    { ...repowering5InArea, applicantRequestsFormal: true },
    JULY_2024,
    'repowering-formal replaced-by-windbg P7M P1M - jul24',
  ],
  [
    'new 8 turbines in acceleration area, RED III',
    { turbineCount: 8, inAccelerationArea: true },
    RED_III,
    'simplified replaced-by-windbg P3M P30D P45D red3',
  ],
  [
    '25 turbines in acceleration area, RED III',
    { turbineCount: 25, inAccelerationArea: true },
    RED_III,
    'formal replaced-by-windbg P7M P30D P45D red3',
  ],
  [
    'repowering 20 outside areas, RED III',
    { turbineCount: 20, repowering: true },
    RED_III,
    'repowering-formal required P6M P45D - red3',
  ],
  [
    'repowering 12, screening: EIA required',
    { turbineCount: 12, repowering: true, eiaScreeningOutcome: 'eia-required' },
    JULY_2024,
    'repowering-formal required P7M P1M - jul24',
  ],
  [
    'wind energy area, filed March 2025 (§ 6 WindBG)',
    { turbineCount: 10, inWindEnergyArea: true },
    JULY_2024,
    'simplified replaced-by-windbg P3M P1M - jul24',
  ],
  [
    'wind energy area, filed July 2025: § 6 WindBG expired',
    { turbineCount: 10, inWindEnergyArea: true },
    '2025-07-15',
    'simplified general-screening P3M P1M - jul24',
  ],
  [
    'wind energy area only, RED III',
    { turbineCount: 10, inWindEnergyArea: true },
    RED_III,
    'simplified general-screening P3M P45D - red3',
  ],
  [
    'last day before RED III',
    { turbineCount: 3 },
    '2025-08-14',
    'simplified site-screening P3M P1M - jul24',
  ],
  [
    'first day of RED III',
    { turbineCount: 3 },
    '2025-08-15',
    'simplified site-screening P3M P45D - red3',
  ],
];

const versionKeys: Readonly<Record<string, string>> = {
  jul24: 'bimschg-2024-07',
  red3: 'bimschg-2025-red3',
};

function summary(result: Classification): string {
  const deadlines = [
    result.decisionDeadline,
    result.completenessDeadline,
    result.environmentalScreeningDeadline,
  ].map((d) => d?.duration ?? '-');
  const version = Object.keys(versionKeys).find(
    (short) => versionKeys[short] === result.ruleVersion.key,
  );
  return [result.procedure, result.eia, ...deadlines, version ?? result.ruleVersion.key].join(' ');
}

describe('classifyWindProject: example table', () => {
  for (const [name, input, onDate, expected] of rows) {
    it(`${name} → ${expected}`, () => {
      const result = classifyWindProject(project(input), onDate);
      assert.equal(summary(result), expected);
      const permit = result.procedure !== 'none';
      // § 11 9. BImSchV: 1 month, no extension for renewables, whenever there is a procedure.
      assert.equal(result.agencyStatementDeadline?.duration, permit ? 'P1M' : undefined);
      assert.equal(result.publicParticipation, result.procedure.endsWith('formal'));
      assertCited(result);
    });
  }
});
