import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fundingProgrammeVersions,
  PROGRES_HEAT_PUMP_TRAINING_2026,
  TRANSFORMATION_CONCEPTS_2022,
} from '../../law/funding/index.ts';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import { FinderInputError } from './finder.errors.ts';
import { answersFromForm, formFromQuery, queryFromAnswers } from './finder.form.ts';
import { finderAnswersFromProfile, runFinder, versionsInForce } from './finder.service.ts';
import type { FinderAnswers, FinderFilters } from './finder.types.ts';

const EUR = 100;
const date = '2026-12-03';
const catalogue = fundingProgrammeVersions;

/** A metalworking firm in Paderborn with 30 staff, planning a concept next spring. */
const smallManufacturer: FinderAnswers = {
  company: {
    naceCode: '25.11',
    staffHeadcount: 30,
    turnoverCents: 5_000_000 * EUR,
    balanceSheetCents: 3_000_000 * EUR,
    seatAgs: '05774032',
    undertakingInDifficulty: false,
  },
  measure: {
    kind: 'transformation-concept',
    eligibleCostsCents: 80_000 * EUR,
    plannedStart: '2027-03-01',
    siteInNrw: true,
  },
};

function run(answers: FinderAnswers, filters: FinderFilters = {}, list = catalogue) {
  return runFinder({ answers, filters, date, catalogue: list });
}

function refusal(answers: FinderAnswers, filters: FinderFilters = {}): FinderInputError {
  try {
    run(answers, filters);
  } catch (error) {
    assert.ok(error instanceof FinderInputError, String(error));
    return error;
  }
  assert.fail('keine Ablehnung');
}

describe('Förderfinder service', () => {
  it('assesses every programme in force and the three relief instruments', () => {
    const result = run({ company: smallManufacturer.company, measure: {} });
    const programmes = result.entries.filter((e) => e.kind === 'programme');
    assert.deepEqual(programmes.map((e) => e.id).sort(), catalogue.map((v) => v.versionId).sort());
    assert.deepEqual(
      result.entries
        .filter((e) => e.kind === 'relief')
        .map((e) => e.id)
        .sort(),
      ['bridge-price', 'electricity-tax', 'price-compensation'],
    );
    assert.equal(result.assessed, catalogue.length + 3);
  });

  it('uses the version in force on the day, not a later or an older one', () => {
    const later: FundingProgrammeVersion = {
      ...TRANSFORMATION_CONCEPTS_2022,
      versionId: 'nrw-transformationskonzepte-2027-01',
      validFrom: '2027-01-01',
    };
    const older: FundingProgrammeVersion = {
      ...TRANSFORMATION_CONCEPTS_2022,
      versionId: 'nrw-transformationskonzepte-2020-01',
      validFrom: '2020-01-01',
    };
    const inForce = versionsInForce([older, TRANSFORMATION_CONCEPTS_2022, later], date);
    assert.deepEqual(
      inForce.map((v) => v.versionId),
      ['nrw-transformationskonzepte-2022-11'],
    );
    assert.equal(
      versionsInForce([older, later], '2027-01-01')[0]!.versionId,
      'nrw-transformationskonzepte-2027-01',
    );
  });

  it('small manufacturer: concept eligible, 80,000 € × 65 % = 52,000 €, reasons cited', () => {
    const result = run(smallManufacturer);
    const concept = result.entries.find((e) => e.programmeId === 'nrw-transformationskonzepte')!;
    assert.equal(concept.eligibility, 'eligible');
    assert.equal(concept.eligibilityLabel, 'förderfähig');
    assert.equal(concept.amount.amountCents, 52_000 * EUR);
    assert.match(concept.amount.steps.at(-1)!.text, /65 %/);
    assert.ok(concept.decidingReasons.every((r) => r.citation.length > 3));
    assert.ok(concept.decidingReasons.some((r) => r.ruleId === 'project-not-started'));
    assert.equal(concept.stateAid.kind, 'de-minimis');
    assert.match(concept.fundingBody, /Bezirksregierung Arnsberg/);
    assert.equal(result.sme.sizeClass, 'small');
    // The measure filter: only programmes funding a concept, plus the relief instruments.
    assert.deepEqual(
      result.entries.filter((e) => e.kind === 'programme').map((e) => e.programmeId),
      ['nrw-transformationskonzepte'],
    );
  });

  it('a project that has begun is not eligible, and the trace says why', () => {
    const result = run({
      ...smallManufacturer,
      measure: { ...smallManufacturer.measure, plannedStart: '2026-11-01' },
    });
    const concept = result.entries.find((e) => e.programmeId === 'nrw-transformationskonzepte')!;
    assert.equal(concept.eligibility, 'not-eligible');
    assert.deepEqual(
      concept.decidingReasons.map((r) => r.ruleId),
      ['project-not-started'],
    );
    assert.equal(concept.decidingReasons[0]!.inputs[0]!.value, true);
  });

  it('heat-pump training: 3 employees × 4 days, capped at 1,500 € each = 4,500 €', () => {
    const result = run({
      company: {
        naceCode: '43.22',
        staffHeadcount: 12,
        seatAgs: '05315000',
        craftsChamberMember: true,
        trade: 'shk',
      },
      measure: {
        kind: 'heat-pump-training',
        employeesToTrain: 3,
        trainingDaysPerEmployee: 4,
        trainingForPlanningStaff: true,
      },
    });
    const bonus = result.entries.find((e) => e.id === PROGRES_HEAT_PUMP_TRAINING_2026.versionId)!;
    assert.equal(bonus.eligibility, 'eligible');
    assert.equal(bonus.amount.amountCents, 4_500 * EUR);
    assert.match(bonus.amount.steps[0]!.text, /begrenzt auf 1\.500,00 €/);
  });

  it('missing answers: "weitere Angaben nötig" with the questions', () => {
    const result = run({ company: { naceCode: '25.11', staffHeadcount: 30 }, measure: {} });
    const concept = result.entries.find((e) => e.programmeId === 'nrw-transformationskonzepte')!;
    assert.equal(concept.eligibility, 'need-info');
    assert.deepEqual(concept.missing, [
      'Vorhaben in Nordrhein-Westfalen',
      'Vorhaben bereits begonnen',
      'Unternehmen in Schwierigkeiten',
    ]);
    assert.equal(concept.amount.status, 'need-info');
    assert.ok(concept.amount.missing.includes('zuwendungsfähige Ausgaben'));
  });

  it('relief without consumption asks for it and links the calculator; a wrong sector is a no', () => {
    const manufacturer = run({ company: { naceCode: '25.11', staffHeadcount: 30 }, measure: {} });
    const tax = manufacturer.entries.find((e) => e.id === 'electricity-tax')!;
    assert.equal(tax.eligibility, 'need-info');
    assert.equal(tax.link, '/stromkostenrechner');
    assert.ok(tax.missing.includes('Stromverbrauch im Kalenderjahr (kWh)'));
    const industrial = manufacturer.entries.find((e) => e.id === 'bridge-price')!;
    assert.equal(industrial.draft, true);
    const retail = run({ company: { naceCode: '47.11', staffHeadcount: 30 }, measure: {} });
    const retailTax = retail.entries.find((e) => e.id === 'electricity-tax')!;
    assert.equal(retailTax.eligibility, 'not-eligible');
    assert.deepEqual(
      retailTax.decidingReasons.map((r) => r.ruleId),
      ['stromstg-9b-producing-sector'],
    );
  });

  it('relief with consumption: § 9b computed (2 GWh × 20 €/MWh = 40,000 €)', () => {
    const result = run({
      company: {
        naceCode: '25.11',
        staffHeadcount: 30,
        consumptionKwh: 2_000_000,
        undertakingInDifficulty: false,
      },
      measure: {},
    });
    const tax = result.entries.find((e) => e.id === 'electricity-tax')!;
    assert.equal(tax.eligibility, 'eligible');
    assert.equal(tax.amount.amountCents, 40_000 * EUR);
    assert.ok(tax.amount.steps.some((s) => /§ 9b/.test(s.citation)));
  });

  it('filters by minimum amount, open calls and deadline; sorts by deadline and amount', () => {
    const closed: FundingProgrammeVersion = {
      ...TRANSFORMATION_CONCEPTS_2022,
      programmeId: 'closed-call',
      versionId: 'closed-call-1',
      title: 'Geschlossener Aufruf',
      callOpenUntil: '2026-06-30',
    };
    const soon: FundingProgrammeVersion = {
      ...TRANSFORMATION_CONCEPTS_2022,
      programmeId: 'soon',
      versionId: 'soon-1',
      title: 'Aufruf bald zu Ende',
      callOpenUntil: '2027-01-31',
      amount: { ...TRANSFORMATION_CONCEPTS_2022.amount, maxCents: 10_000 * EUR } as never,
    };
    const list = [...catalogue, closed, soon];
    const all = run(smallManufacturer, {}, list);
    assert.deepEqual(
      all.entries.slice(0, 2).map((e) => e.id),
      ['closed-call-1', 'soon-1'],
    );
    const open = run(smallManufacturer, { openCallsOnly: true }, list);
    assert.ok(!open.entries.some((e) => e.id === 'closed-call-1'));
    const byDeadline = run(smallManufacturer, { deadlineBefore: '2026-12-31' }, list);
    assert.deepEqual(
      byDeadline.entries.map((e) => e.id),
      ['closed-call-1'],
    );
    const rich = run(smallManufacturer, { minAmountCents: 20_000 * EUR }, list);
    assert.ok(!rich.entries.some((e) => e.id === 'soon-1'));
    assert.ok(rich.entries.some((e) => e.id === TRANSFORMATION_CONCEPTS_2022.versionId));
    // Entries without an amount stay (they may reach the minimum).
    assert.ok(rich.entries.some((e) => e.kind === 'relief'));
    const byAmount = run(smallManufacturer, { sort: 'amount' }, list);
    const amounts = byAmount.entries.map((e) => e.amount.amountCents);
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );
  });

  it('refuses bad answers by field with a German message', () => {
    const cases: [FinderAnswers, string, RegExp][] = [
      [
        { ...smallManufacturer, measure: { eligibleCostsCents: -100 } },
        'measure.eligibleCostsCents',
        /darf nicht negativ sein/,
      ],
      [
        { company: { naceCode: '99.99.9x', staffHeadcount: 3 }, measure: {} },
        'company.naceCode',
        /kein bekannter WZ-2008/,
      ],
      [
        { company: { naceCode: '25.11', staffHeadcount: 0 }, measure: {} },
        'company.staffHeadcount',
        /Beschäftigten/,
      ],
      [
        {
          company: { naceCode: '25.11', staffHeadcount: 3, turnoverCents: 'zehn Mio' as never },
          measure: {},
        },
        'company.turnoverCents',
        /Jahresumsatz „zehn Mio“ ist keine Zahl/,
      ],
      [
        { company: { naceCode: '25.11', staffHeadcount: 3, seatAgs: '123' }, measure: {} },
        'company.seatAgs',
        /8 Ziffern/,
      ],
      [
        { company: { naceCode: '25.11', staffHeadcount: 3 }, measure: { kind: 'rakete' } },
        'measure.kind',
        /nicht bekannt/,
      ],
      [
        {
          company: { naceCode: '25.11', staffHeadcount: 3 },
          measure: { plannedStart: '31.02.2027' },
        },
        'measure.plannedStart',
        /kein gültiges Datum/,
      ],
    ];
    for (const [answers, field, message] of cases) {
      const error = refusal(answers);
      assert.equal(error.field, field, error.message);
      assert.match(error.message, message);
    }
    assert.equal(
      refusal(smallManufacturer, { minAmountCents: -1 }).field,
      'filters.minAmountCents',
    );
  });
});

describe('Förderfinder form and prefill', () => {
  it('refuses text and negative amounts by form field, keeping what was typed', () => {
    const form = formFromQuery({
      naceCode: '25.11',
      staffHeadcount: 'viele',
      turnover: 'zehn Mio',
      eligibleCosts: '-5.000',
    });
    const { answers, errors } = answersFromForm(form);
    assert.equal(answers, undefined);
    assert.deepEqual(
      errors.map((e) => e.field),
      ['staffHeadcount', 'turnover', 'eligibleCosts'],
    );
    assert.match(errors[1]!.message, /Jahresumsatz „zehn Mio“ ist kein Eurobetrag/);
    assert.match(errors[2]!.message, /darf nicht negativ sein/);
    assert.equal(form.turnover, 'zehn Mio');
  });

  it('answers → query → form → the same answers', () => {
    const filters: FinderFilters = {
      minAmountCents: 1_000_050,
      openCallsOnly: true,
      sort: 'amount',
    };
    const query = Object.fromEntries(
      new URLSearchParams(queryFromAnswers(smallManufacturer, filters)),
    );
    assert.equal(query.turnover, '5.000.000');
    const back = answersFromForm(formFromQuery(query));
    assert.deepEqual(back.errors, []);
    assert.deepEqual(back.answers, { answers: smallManufacturer, filters });
  });

  it('prefills from a company profile with the aggregated SME figures', () => {
    const answers = finderAnswersFromProfile({
      naceCode: '24.42',
      staffHeadcount: 40,
      turnoverCents: 8_000_000 * EUR,
      balanceSheetCents: 5_000_000 * EUR,
      seatAgs: '05974028',
      linked: [{ name: 'Tochter GmbH', sharePpm: 1_000_000, staffHeadcount: 20 }],
      date,
    });
    assert.equal(answers.company.naceCode, '24.42');
    assert.equal(answers.company.staffHeadcount, 60);
    // The linked firm's turnover is unknown, so the aggregate is unknown too.
    assert.equal(answers.company.turnoverCents, undefined);
    assert.equal(answers.company.seatAgs, '05974028');
    assert.deepEqual(answers.measure, {});
    assert.doesNotThrow(() => run(answers));
  });
});
