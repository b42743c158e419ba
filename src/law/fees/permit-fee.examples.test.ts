import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePermitFee, FeeInputError, formatEuro, formatFeeTrace } from '../index.ts';
import type { PermitFeeInput } from '../index.ts';

/**
 * Worked examples, computed by hand from the tariff data (tariff.ts). The tariff figures are
 * placeholders marked [open]; when the official text replaces them, these expectations must be
 * recomputed from it, which is the point: every figure is pinned.
 */
const EUR = 100;
const today = '2026-12-01';

function fee(costsEuro: number, extra: Partial<PermitFeeInput> = {}): number {
  return computePermitFee({
    investmentCostsCents: Math.round(costsEuro * EUR),
    procedure: 'formal',
    outcome: 'grant',
    decisionDate: today,
    ...extra,
  }).totalCents;
}

describe('permit fee: cost bands (worked examples)', () => {
  it('below the minimum: 100 000 € gives 0,5 % = 500 €, raised to the minimum of 1 000 €', () => {
    const r = computePermitFee({
      investmentCostsCents: 100_000 * EUR,
      procedure: 'formal',
      outcome: 'grant',
      decisionDate: today,
    });
    assert.equal(r.totalCents, 1_000 * EUR);
    assert.equal(r.steps.length, 2);
    assert.match(r.steps[1]!.text, /^Mindestgebühr 1\.000,00 €$/);
  });

  it('exactly at the minimum: 200 000 € gives 1 000 € without a minimum step', () => {
    const r = computePermitFee({
      investmentCostsCents: 200_000 * EUR,
      procedure: 'formal',
      outcome: 'grant',
      decisionDate: today,
    });
    assert.equal(r.totalCents, 1_000 * EUR);
    assert.equal(r.steps.length, 1);
  });

  it('upper limit of band a: 500 000 € gives 2 500 €', () => {
    assert.equal(fee(500_000), 2_500 * EUR);
  });

  it('first cent of band b: 500 000,01 € gives 2 500 € (0,3 % of 1 Cent rounds to 0)', () => {
    assert.equal(fee(500_000.01), 2_500 * EUR);
  });

  it('half a cent rounds up: 500 005 € gives 2 500 € + 0,3 % of 5 € = 2 500,02 €', () => {
    assert.equal(fee(500_005), 250_002);
  });

  it('inside band b with odd cents: 1 234 567,89 € gives 4 703,70 €', () => {
    // 0,3 % of 734 567,89 € = 2 203,70367 € → 2 203,70 €.
    assert.equal(fee(1_234_567.89), 470_370);
  });

  it('upper limit of band b: 50 Mio. € gives 2 500 € + 0,3 % of 49,5 Mio. € = 151 000 €', () => {
    assert.equal(fee(50_000_000), 151_000 * EUR);
  });

  it('band c: 50 000 200 € gives 151 000 € + 0,25 % of 200 € = 151 000,50 €', () => {
    assert.equal(fee(50_000_200), 15_100_050);
  });

  it('a 25-turbine park, 100 Mio. €, formal with EIA: 276 000 € + 10 % = 303 600 €', () => {
    const r = computePermitFee({
      investmentCostsCents: 100_000_000 * EUR,
      procedure: 'formal',
      outcome: 'grant',
      decisionDate: today,
      eia: true,
    });
    assert.equal(r.totalCents, 303_600 * EUR);
    assert.deepEqual(
      r.steps.map((s) => s.amountCents),
      [276_000 * EUR, 303_600 * EUR],
    );
    assert.equal(
      r.steps[0]!.text,
      'Errichtungskosten laut Antrag 100.000.000,00 €; Stufe c: 151.000,00 € zuzüglich 0,25 % der ' +
        '50.000.000,00 € übersteigenden Kosten (50.000.000,00 €) = 276.000,00 €',
    );
    assert.match(
      r.steps[0]!.citation,
      /^Tarifstelle 4 \(Unternummer offen\) AVwGebO NRW Buchst\. c$/,
    );
    assert.match(r.steps[1]!.text, /Umweltverträglichkeitsprüfung: 10 % = 27\.600,00 €/);
    assert.equal(formatEuro(r.totalCents), '303.600,00 €');
  });
});

describe('permit fee: procedure, concentration and outcome', () => {
  const oneTurbine: PermitFeeInput = {
    investmentCostsCents: 5_000_000 * EUR,
    procedure: 'formal',
    outcome: 'grant',
    decisionDate: today,
  };

  it('formal vs simplified: 16 000 € and 75 % of it, 12 000 €', () => {
    assert.equal(computePermitFee(oneTurbine).totalCents, 16_000 * EUR);
    const simplified = computePermitFee({ ...oneTurbine, procedure: 'simplified' });
    assert.equal(simplified.totalCents, 12_000 * EUR);
    assert.match(simplified.steps[1]!.text, /^Vereinfachtes Verfahren \(§ 19 BImSchG\): 75 %/);
  });

  it('the included building permit fee is added on grant only (§ 13 BImSchG)', () => {
    const includedDecisions = [
      { label: 'Baugenehmigung', citation: 'Tarifstelle 2 AVwGebO NRW', feeCents: 40_000 * EUR },
    ];
    assert.equal(computePermitFee({ ...oneTurbine, includedDecisions }).totalCents, 56_000 * EUR);
    const refused = computePermitFee({ ...oneTurbine, includedDecisions, outcome: 'refusal' });
    assert.equal(refused.totalCents, 12_000 * EUR);
  });

  it('refusal and rejection: the fee is reduced by a quarter (§ 15 Abs. 2 GebG NRW)', () => {
    for (const outcome of ['refusal', 'rejection'] as const) {
      const r = computePermitFee({ ...oneTurbine, outcome });
      assert.equal(r.totalCents, 12_000 * EUR);
      assert.equal(r.steps.at(-1)!.citation, '§ 15 Abs. 2 GebG NRW');
      assert.ok(r.citations.includes('§ 15 Abs. 2 GebG NRW'));
    }
  });

  it('withdrawal: three quarters after work began, nothing before (§ 15 GebG NRW)', () => {
    assert.equal(computePermitFee({ ...oneTurbine, outcome: 'withdrawal' }).totalCents, 1_200_000);
    const early = computePermitFee({
      ...oneTurbine,
      outcome: 'withdrawal',
      withdrawnBeforeProcessing: true,
    });
    assert.equal(early.totalCents, 0);
    assert.equal(early.steps.at(-1)!.citation, '§ 15 Abs. 1 GebG NRW');
  });

  it('refusal for lack of jurisdiction only: no fee', () => {
    const r = computePermitFee({ ...oneTurbine, outcome: 'refusal', lackOfJurisdiction: true });
    assert.equal(r.totalCents, 0);
  });

  it('equity: down to a quarter of the intended fee, or waived', () => {
    const quarter = computePermitFee({
      ...oneTurbine,
      outcome: 'refusal',
      equity: { sharePpm: 250_000, reason: 'Vorhaben aufgegeben' },
    });
    assert.equal(quarter.totalCents, 4_000 * EUR);
    const waived = computePermitFee({
      ...oneTurbine,
      outcome: 'withdrawal',
      equity: { sharePpm: 0, reason: 'Härtefall' },
    });
    assert.equal(waived.totalCents, 0);
  });

  it('change permit (§ 16 BImSchG) uses its own tariff number and no simplified reduction', () => {
    const r = computePermitFee({ ...oneTurbine, procedure: 'simplified', permitType: 'change' });
    assert.equal(r.totalCents, 16_000 * EUR);
    assert.equal(r.tariffNumber, '4 (Unternummer offen)');
  });
});

describe('permit fee: versions, trace and open points', () => {
  it('a decision in 2020 uses the 2001 ordinance with Tarifstelle 15a', () => {
    const r = computePermitFee({
      investmentCostsCents: 5_000_000 * EUR,
      procedure: 'formal',
      outcome: 'grant',
      decisionDate: '2020-05-04',
    });
    assert.equal(r.tariff.id, 'avwgebo-nrw-2001-ts15a');
    assert.equal(r.tariffNumber, '15a.1.1');
    assert.match(r.steps[0]!.citation, /^Tarifstelle 15a\.1\.1 AVwGebO NRW 2001 Buchst\. b$/);
  });

  it('the result says what is open, including the rounding rule', () => {
    const r = computePermitFee({
      investmentCostsCents: 5_000_000 * EUR,
      procedure: 'formal',
      outcome: 'refusal',
      decisionDate: today,
    });
    assert.equal(r.open, true);
    assert.ok(r.openPoints.some((p) => p.includes('§ 15 GebG NRW')));
    assert.ok(r.openPoints.includes(r.roundingRule));
    assert.equal(r.tariff.validFrom, '2023-08-12');
  });
});

describe('permit fee: bad input gets a German message', () => {
  const base: PermitFeeInput = {
    investmentCostsCents: 100,
    procedure: 'formal',
    outcome: 'grant',
    decisionDate: today,
  };
  const cases: [string, Partial<PermitFeeInput> | Record<string, unknown>, string, RegExp][] = [
    ['negative costs', { investmentCostsCents: -1 }, 'investmentCostsCents', /Errichtungskosten/],
    ['fractional cents', { investmentCostsCents: 1.5 }, 'investmentCostsCents', /in Cent/],
    ['unknown procedure', { procedure: 'fast' }, 'procedure', /förmlich/],
    ['unknown outcome', { outcome: 'maybe' }, 'outcome', /Erteilung, Ablehnung/],
    ['bad date', { decisionDate: '2026-02-30' }, 'decisionDate', /kein gültiges Datum/],
    ['before any tariff', { decisionDate: '2001-12-31' }, 'decisionDate', /kein Gebührentarif/],
    [
      'equity on a grant',
      { equity: { sharePpm: 250_000, reason: 'x' } },
      'equity',
      /nur bei Ablehnung/,
    ],
    [
      'equity below a quarter',
      { outcome: 'refusal', equity: { sharePpm: 100_000, reason: 'x' } },
      'equity',
      /ein Viertel/,
    ],
    [
      'included decision without a fee',
      { includedDecisions: [{ label: 'Baugenehmigung', citation: '', feeCents: -5 }] },
      'includedDecisions',
      /Gebühr in Cent/,
    ],
  ];
  for (const [name, change, field, message] of cases) {
    it(name, () => {
      assert.throws(
        () => computePermitFee({ ...base, ...change }),
        (error: unknown) => {
          assert.ok(error instanceof FeeInputError, `unexpected ${String(error)}`);
          assert.equal(error.field, field);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('formatFeeTrace', () => {
  it('prints numbered steps with citations, open markers, the total and the legal basis', () => {
    const lines = formatFeeTrace(
      computePermitFee({
        investmentCostsCents: 100_000 * EUR,
        procedure: 'formal',
        outcome: 'refusal',
        decisionDate: today,
      }),
    );
    assert.deepEqual(lines.slice(0, 3), [
      '1. Errichtungskosten laut Antrag 100.000,00 €; Stufe a: 0,5 % der Kosten = 500,00 € (Tarifstelle 4 (Unternummer offen) AVwGebO NRW Buchst. a) [offen]',
      '2. Mindestgebühr 1.000,00 € (Tarifstelle 4 (Unternummer offen) AVwGebO NRW) [offen]',
      '3. Ablehnung des Antrags: die vorgesehene Gebühr von 1.000,00 € ermäßigt sich um ein Viertel auf 75 % = 750,00 € (§ 15 Abs. 2 GebG NRW) [offen]',
    ]);
    assert.equal(lines[3], 'Festgesetzte Gebühr: 750,00 €');
    assert.match(
      lines[4]!,
      /^Rechtsgrundlagen: Gebührengesetz NRW \(GebG NRW\); Allgemeine Verwaltungsgebührenordnung/,
    );
  });
});
