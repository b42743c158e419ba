import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertUniqueRuleIds,
  decidingRules,
  enumerateRules,
  formatTrace,
  SupportInputError,
} from '../rules/index.ts';
import type { Facts } from '../rules/index.ts';
import {
  assessProgramme,
  computeFundingAmount,
  deMinimisHeadroom,
  fundingProgrammeVersions,
  INITIAL_CONSULTING_2022,
  parseNaceCode,
  programmeVersionAt,
  PROGRES_GEOTHERMAL_2026,
  PROGRES_HEAT_PUMP_TRAINING_2026,
  PROGRES_SOLAR_PROCESS_HEAT_2026,
  TRANSFORMATION_CONCEPTS_2022,
} from './index.ts';

const EUR = 100;
const M = 100_000_000;
const date = '2026-12-01';

/** A small metalworking firm in NRW that has not started its project. */
const smallManufacturer: Facts = {
  naceDivision: 25,
  staffHeadcount: 30,
  turnoverCents: 5 * M,
  balanceSheetCents: 3 * M,
  siteInNrw: true,
  seatInNrw: true,
  projectStarted: false,
  undertakingInDifficulty: false,
};
const largeManufacturer: Facts = {
  ...smallManufacturer,
  staffHeadcount: 800,
  turnoverCents: 150 * M,
  balanceSheetCents: 90 * M,
};

describe('programme data', () => {
  for (const v of fundingProgrammeVersions) {
    it(`${v.shortTitle}: unique rule ids, every rule with German description and citation`, () => {
      assertUniqueRuleIds(v.eligibility);
      for (const r of enumerateRules(v.eligibility)) {
        assert.ok(r.description.length > 10 && /[.)]$/.test(r.description), r.id);
        assert.ok(r.citation.length > 3, r.id);
      }
      assert.ok(v.sources.length > 0 && v.legalBasis.length > 0 && v.requiredDocuments.length > 0);
      assert.match(v.validFrom, /^\d{4}-\d{2}-\d{2}$/);
    });
  }

  it('finds the version in force on a date', () => {
    assert.equal(
      programmeVersionAt(
        fundingProgrammeVersions,
        'progres-bildungspraemie-waermepumpe',
        '2026-01-29',
      ),
      undefined,
    );
    assert.equal(
      programmeVersionAt(
        fundingProgrammeVersions,
        'progres-bildungspraemie-waermepumpe',
        '2026-01-30',
      ),
      PROGRES_HEAT_PUMP_TRAINING_2026,
    );
  });
});

describe('Transformationskonzepte (≤ 2,500 staff, manufacturing)', () => {
  it('small firm: 80,000 € × 65 % = 52,000 €', () => {
    const a = assessProgramme(
      TRANSFORMATION_CONCEPTS_2022,
      smallManufacturer,
      { eligibleCostsCents: 80_000 * EUR },
      date,
    );
    assert.equal(a.eligibility, 'eligible');
    assert.equal(a.amount.amountCents, 52_000 * EUR);
    assert.match(a.amount.steps.at(-1)!.text, /Fördersatz 65 % \(Klein- und Kleinstunternehmen\)/);
  });

  it('larger firm: 150,000 € × 50 % = 75,000 €, capped at 60,000 €', () => {
    const a = assessProgramme(
      TRANSFORMATION_CONCEPTS_2022,
      largeManufacturer,
      { eligibleCostsCents: 150_000 * EUR },
      date,
    );
    assert.equal(a.amount.amountCents, 60_000 * EUR);
    assert.deepEqual(
      a.amount.steps.map((s) => s.amountCents),
      [150_000 * EUR, 75_000 * EUR, 60_000 * EUR],
    );
  });

  it('2,500 staff are eligible, 2,501 are not — and the trace says why', () => {
    const at = (staffHeadcount: number) =>
      assessProgramme(
        TRANSFORMATION_CONCEPTS_2022,
        { ...largeManufacturer, staffHeadcount },
        {},
        date,
      );
    assert.equal(at(2500).eligibility, 'eligible');
    const refused = at(2501);
    assert.equal(refused.eligibility, 'not-eligible');
    assert.deepEqual(
      decidingRules(refused.trace).map((n) => n.ruleId),
      ['staff-up-to-2500'],
    );
    assert.ok(
      formatTrace(refused.trace).some((l) =>
        /► Das Unternehmen hat höchstens 2\.500 Mitarbeitende\. — nicht erfüllt/.test(l),
      ),
    );
  });

  it('wholesale (WZ 46) is not manufacturing', () => {
    const a = assessProgramme(
      TRANSFORMATION_CONCEPTS_2022,
      { ...smallManufacturer, naceDivision: 46 },
      {},
      date,
    );
    assert.equal(a.eligibility, 'not-eligible');
  });

  it('unknown project start: "need more information", naming the question', () => {
    const facts: Facts = { ...smallManufacturer, projectStarted: undefined };
    const a = assessProgramme(
      TRANSFORMATION_CONCEPTS_2022,
      facts,
      { eligibleCostsCents: 10_000 * EUR },
      date,
    );
    assert.equal(a.eligibility, 'need-info');
    assert.deepEqual(a.missing, ['Vorhaben bereits begonnen']);
  });

  it('the rate needs the size: without staff or money figures the amount asks for them', () => {
    const r = computeFundingAmount(TRANSFORMATION_CONCEPTS_2022, {
      eligibleCostsCents: 10_000 * EUR,
      facts: {},
      date,
    });
    assert.equal(r.status, 'need-info');
    assert.deepEqual(r.missing, ['Angaben zur Unternehmensgröße']);
  });

  it('is de-minimis aid under Regulation (EU) 2023/2831 with 300,000 € in three years', () => {
    assert.deepEqual(TRANSFORMATION_CONCEPTS_2022.stateAid, {
      kind: 'de-minimis',
      regulation: 'Verordnung (EU) 2023/2831',
      ceilingCents: 300_000 * EUR,
      periodYears: 3,
    });
  });
});

describe('Erstberatung (≤ 49 staff, 65 %, ≤ 10,000 €, day rate ≤ 1,500 €)', () => {
  it('18,000 € for 10 days is capped at 10 × 1,500 € = 15,000 €; × 65 % = 9,750 €', () => {
    const a = assessProgramme(
      INITIAL_CONSULTING_2022,
      smallManufacturer,
      { eligibleCostsCents: 18_000 * EUR, consultantDays: 10 },
      date,
    );
    assert.equal(a.eligibility, 'eligible');
    assert.equal(a.amount.amountCents, 9_750 * EUR);
  });

  it('20,000 € for 14 days: 13,000 €, capped at 10,000 €', () => {
    const r = computeFundingAmount(INITIAL_CONSULTING_2022, {
      eligibleCostsCents: 20_000 * EUR,
      consultantDays: 14,
      facts: smallManufacturer,
      date,
    });
    assert.equal(r.amountCents, 10_000 * EUR);
  });

  it('49 staff are eligible, 50 are not; 10 Mio. € turnover is, 10 Mio. € + 1 cent with a larger balance sheet is not', () => {
    const at = (f: Facts) =>
      assessProgramme(INITIAL_CONSULTING_2022, { ...smallManufacturer, ...f }, {}, date)
        .eligibility;
    assert.equal(at({ staffHeadcount: 49 }), 'eligible');
    assert.equal(at({ staffHeadcount: 50 }), 'not-eligible');
    assert.equal(at({ turnoverCents: 10 * M, balanceSheetCents: 20 * M }), 'eligible');
    assert.equal(at({ turnoverCents: 10 * M + 1, balanceSheetCents: 20 * M }), 'not-eligible');
  });
});

describe('progres.nrw Klimaschutztechnik: Erdwärmesonden (fixed amount per drilling metre)', () => {
  const facts: Facts = {
    siteInNrw: true,
    projectStarted: false,
    requiredByGeg: false,
    buildingType: 'existing',
  };
  it('existing building: 120 m × 50 € = 6,000 €; 200 m capped at 8,000 €', () => {
    assert.equal(
      computeFundingAmount(PROGRES_GEOTHERMAL_2026, { units: 120, facts, date }).amountCents,
      6_000 * EUR,
    );
    assert.equal(
      computeFundingAmount(PROGRES_GEOTHERMAL_2026, { units: 200, facts, date }).amountCents,
      8_000 * EUR,
    );
  });
  it('new building: 400 m × 35 € = 14,000 €, capped at 12,000 €', () => {
    const r = computeFundingAmount(PROGRES_GEOTHERMAL_2026, {
      units: 400,
      facts: { ...facts, buildingType: 'new' },
      date,
    });
    assert.equal(r.amountCents, 12_000 * EUR);
  });
  it('below the 350 € minimum nothing is granted; at 7 m (350 €) it is', () => {
    assert.equal(
      computeFundingAmount(PROGRES_GEOTHERMAL_2026, { units: 6, facts, date }).amountCents,
      0,
    );
    assert.equal(
      computeFundingAmount(PROGRES_GEOTHERMAL_2026, { units: 7, facts, date }).amountCents,
      350 * EUR,
    );
  });
  it('plants required by the buildings energy act are excluded', () => {
    const a = assessProgramme(
      PROGRES_GEOTHERMAL_2026,
      { ...facts, requiredByGeg: true },
      { units: 100 },
      date,
    );
    assert.equal(a.eligibility, 'not-eligible');
  });
});

describe('progres.nrw Klimaschutztechnik: solar process heat (90 €/m², 20–1,000 m²)', () => {
  const facts: Facts = { siteInNrw: true, projectStarted: false, collectorAreaM2: 100 };
  it('100 m² × 90 € = 9,000 €; 1,000 m² = 90,000 € exactly at the maximum', () => {
    assert.equal(
      assessProgramme(PROGRES_SOLAR_PROCESS_HEAT_2026, facts, { units: 100 }, date).amount
        .amountCents,
      9_000 * EUR,
    );
    const max = assessProgramme(
      PROGRES_SOLAR_PROCESS_HEAT_2026,
      { ...facts, collectorAreaM2: 1000 },
      { units: 1000 },
      date,
    );
    assert.equal(max.eligibility, 'eligible');
    assert.equal(max.amount.amountCents, 90_000 * EUR);
  });
  it('19 m² and 1,001 m² are outside the size range', () => {
    for (const area of [19, 1001]) {
      const a = assessProgramme(
        PROGRES_SOLAR_PROCESS_HEAT_2026,
        { ...facts, collectorAreaM2: area },
        { units: area },
        date,
      );
      assert.equal(a.eligibility, 'not-eligible', String(area));
    }
  });
});

describe('Bildungsprämie Wärmepumpe (500 € per day and employee, ≤ 1,500 € per employee)', () => {
  const shk: Facts = {
    seatInNrw: true,
    craftsChamberMember: true,
    trade: 'shk',
    trainingForPlanningStaff: true,
  };
  it('1, 3 and 5 days: 500 + 1,500 + 1,500 (capped) = 3,500 €', () => {
    const a = assessProgramme(
      PROGRES_HEAT_PUMP_TRAINING_2026,
      shk,
      { trainingDays: [1, 3, 5] },
      date,
    );
    assert.equal(a.eligibility, 'eligible');
    assert.equal(a.amount.amountCents, 3_500 * EUR);
    assert.match(
      a.amount.steps[2]!.text,
      /5 Fortbildungstage × 500,00 € = 2\.500,00 €, begrenzt auf 1\.500,00 € je Beschäftigtem/,
    );
  });
  it('the per-employee cap: 3 days reach it exactly, 4 days do not exceed it', () => {
    const r = (days: number) =>
      computeFundingAmount(PROGRES_HEAT_PUMP_TRAINING_2026, {
        trainingDays: [days],
        facts: shk,
        date,
      }).amountCents;
    assert.equal(r(3), 1_500 * EUR);
    assert.equal(r(4), 1_500 * EUR);
  });
  it('fitters on site, electricians and firms outside a chamber of crafts are not funded', () => {
    const at = (f: Facts) =>
      assessProgramme(PROGRES_HEAT_PUMP_TRAINING_2026, { ...shk, ...f }, {}, date).eligibility;
    assert.equal(at({ trainingForPlanningStaff: false }), 'not-eligible');
    assert.equal(at({ trade: 'elektro' }), 'not-eligible');
    assert.equal(at({ craftsChamberMember: false }), 'not-eligible');
    assert.equal(at({ trade: 'kaelte-klima' }), 'eligible');
  });
  it('is not combinable with other Land funding for the same measure', () => {
    assert.match(PROGRES_HEAT_PUMP_TRAINING_2026.nonCombinable[0]!, /Programme des Landes NRW/);
  });
  it('refuses training days that are not whole numbers, naming the field', () => {
    assert.throws(
      () =>
        computeFundingAmount(PROGRES_HEAT_PUMP_TRAINING_2026, {
          trainingDays: [1.5],
          facts: shk,
          date,
        }),
      (e: unknown) =>
        e instanceof SupportInputError &&
        e.field === 'trainingDays' &&
        /^Die Zahl der Fortbildungstage muss eine ganze Zahl \(Tage\) sein\.$/.test(e.message),
    );
  });
});

describe('de-minimis headroom (Regulation (EU) 2023/2831)', () => {
  it('counts aid of the last three years against 300,000 €', () => {
    const h = deMinimisHeadroom(
      [
        { grantedOn: '2023-12-01', amountCents: 100_000 * EUR },
        { grantedOn: '2023-12-02', amountCents: 50_000 * EUR },
        { grantedOn: '2026-06-01', amountCents: 200_000 * EUR },
      ],
      '2026-12-01',
    );
    assert.equal(h.windowFrom, '2023-12-02');
    assert.equal(h.usedCents, 250_000 * EUR);
    assert.equal(h.headroomCents, 50_000 * EUR);
    assert.equal(h.parameter.validFrom, '2024-01-01');
  });
  it('used the 200,000 € ceiling of Regulation 1407/2013 before 2024', () => {
    assert.equal(deMinimisHeadroom([], '2023-06-30').ceilingCents, 200_000 * EUR);
  });
});

describe('NACE / WZ 2008 codes', () => {
  it('accepts the usual spellings', () => {
    assert.deepEqual(parseNaceCode('24.42'), { code: '24.42', division: 24 });
    assert.deepEqual(parseNaceCode('C 10.71'), { code: '10.71', division: 10 });
    assert.deepEqual(parseNaceCode('2562'), { code: '25.62', division: 25 });
  });
  it('refuses unknown codes with a German message naming the field', () => {
    for (const bad of ['34.10', '00', 'Metallbau', '4', '']) {
      assert.throws(
        () => parseNaceCode(bad),
        (e: unknown) =>
          e instanceof SupportInputError &&
          e.field === 'naceCode' &&
          /^Der Wirtschaftszweig/.test(e.message),
        bad,
      );
    }
  });
});
