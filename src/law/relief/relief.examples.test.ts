import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decidingRules, SupportInputError } from '../rules/index.ts';
import {
  BRIDGE_PRICE_PROPOSAL_2023,
  calculateRelief,
  computeBridgePrice,
  computeElectricityTax,
  computePriceCompensation,
  INDUSTRIAL_PRICE_DRAFT_2026,
} from './index.ts';
import type { ReliefInput } from './index.ts';

const EUR = 100;
const tax = (
  consumptionKwh: number,
  date = '2026-06-30',
  extra: Partial<Parameters<typeof computeElectricityTax>[0]> = {},
) =>
  computeElectricityTax({
    date,
    consumptionKwh,
    electromobilityKwh: 0,
    nonBusinessKwh: 0,
    naceDivision: 25,
    undertakingInDifficulty: false,
    ...extra,
  });

describe('electricity tax and § 9b StromStG relief', () => {
  it('1 GWh in 2026: 20,500 € tax, 20,000 € relief, 500 € left = the EU minimum 0.50 €/MWh', () => {
    const r = tax(1_000_000);
    assert.equal(r.taxAtStandardRateCents, 20_500 * EUR);
    assert.equal(r.amountCents, 20_000 * EUR);
    assert.equal(r.taxAfterReliefCents, 500 * EUR);
    assert.equal(r.status, 'eligible');
    const rate = r.steps[2]!.parameters[0]!;
    assert.equal(rate.validFrom, '2026-01-01');
    assert.match(rate.source, /dauerhaft 20 €\/MWh/);
  });

  it('the 250 € minimum: 12,500 kWh give exactly 250 € and nothing is paid; 12,501 kWh give 250.02 €', () => {
    const at = tax(12_500);
    assert.equal(at.status, 'not-eligible');
    assert.equal(at.amountCents, 0);
    assert.deepEqual(
      decidingRules(at.trace!).map((n) => n.ruleId),
      ['stromstg-9b-minimum'],
    );
    const above = tax(12_501);
    assert.equal(above.status, 'eligible');
    assert.equal(above.amountCents, 25_002);
  });

  it('electromobility and non-business use are excluded from the relief, not from the tax', () => {
    const r = tax(1_000_000, '2026-06-30', { electromobilityKwh: 100_000, nonBusinessKwh: 50_000 });
    assert.equal(r.taxAtStandardRateCents, 20_500 * EUR);
    assert.equal(r.amountCents, 17_000 * EUR);
  });

  it('uses the rate of the year: 5.13 €/MWh in 2023, 20 €/MWh in 2025 (§ 9b Abs. 2a)', () => {
    assert.equal(tax(1_000_000, '2023-12-31').amountCents, 5_130 * EUR);
    const r2025 = tax(1_000_000, '2025-01-01');
    assert.equal(r2025.amountCents, 20_000 * EUR);
    assert.match(r2025.steps[2]!.parameters[0]!.source, /Abs\. 2a/);
  });

  it('retail (WZ 47) is not a producing company; a firm in difficulty gets nothing; unknown sector asks', () => {
    assert.equal(tax(1_000_000, '2026-06-30', { naceDivision: 47 }).status, 'not-eligible');
    assert.equal(tax(1_000_000, '2026-06-30', { undertakingInDifficulty: true }).amountCents, 0);
    const open = tax(1_000_000, '2026-06-30', { naceDivision: undefined });
    assert.equal(open.status, 'need-info');
    assert.deepEqual(open.missing, ['Abteilung des Wirtschaftszweigs (WZ 2008)']);
  });
});

describe('Strompreiskompensation', () => {
  const base = {
    date: '2026-06-30',
    consumptionKwh: 100_000_000,
    sectorOnEtsList: true,
    undertakingInDifficulty: false,
    euaPriceCentsPerTonne: 70 * EUR,
  };

  it('100 GWh, fallback 80 %, 70 €/t less 5 €/t base: 0.75 × 0.72 × 65 × 80,000 MWh = 2,808,000 €', () => {
    const r = computePriceCompensation(base);
    assert.equal(r.status, 'eligible');
    assert.equal(r.amountCents, 2_808_000 * EUR);
    const used = r.steps.flatMap((s) => s.parameters.map((p) => `${p.table}@${p.validFrom}`));
    assert.ok(used.includes('spk.emissionsfaktor@2021-01-01'));
    assert.ok(used.includes('spk.selbstbehalt@2024-01-01'));
  });

  it('in 2023 the first GWh was not compensated: 79,000 MWh → 2,772,900 €', () => {
    assert.equal(
      computePriceCompensation({ ...base, date: '2023-06-30' }).amountCents,
      2_772_900 * EUR,
    );
  });

  it('the base amount is 5 % of the price when that exceeds 5 €/t: 120 €/t − 6 €/t', () => {
    const r = computePriceCompensation({ ...base, euaPriceCentsPerTonne: 120 * EUR });
    assert.equal(r.amountCents, Math.round(0.75 * 0.72 * 114 * 80_000) * EUR);
  });

  it('a product benchmark replaces the fallback', () => {
    const r = computePriceCompensation({ ...base, productionBenchmarkMwh: 50_000 });
    assert.equal(r.amountCents, 1_755_000 * EUR);
  });

  it('super cap: the remaining burden is limited to 1.5 % of gross value added', () => {
    const r = computePriceCompensation({ ...base, grossValueAddedCents: 50_000_000 * EUR });
    // full indirect costs 80,000 × 0.72 × 70 = 4,032,000 €; left after aid 1,224,000 € > 750,000 €
    assert.equal(r.amountCents, 3_282_000 * EUR);
    assert.match(
      r.steps.at(-1)!.text,
      /^Super-Cap: verbleibende indirekte CO₂-Kosten 1\.224\.000,00 €/,
    );
  });

  it('sectors off the EU list are not eligible; without a certificate price it asks for one', () => {
    assert.equal(
      computePriceCompensation({ ...base, sectorOnEtsList: false }).status,
      'not-eligible',
    );
    const noPrice = { ...base, euaPriceCentsPerTonne: undefined };
    const r = computePriceCompensation(noPrice);
    assert.equal(r.status, 'need-info');
    assert.deepEqual(r.missing, ['Terminpreis der EU-Emissionsberechtigungen (€/t)']);
  });
});

describe('industrial / bridge electricity price (configurable, draft)', () => {
  const input = {
    date: '2026-06-30',
    consumptionKwh: 100_000_000,
    sectorOnKueblList1: true,
    undertakingInDifficulty: false,
  };

  it('draft 2026: 50 % of 100 GWh × min(45, 90 − 50) €/MWh = 2,000,000 €, marked as draft', () => {
    const r = computeBridgePrice(INDUSTRIAL_PRICE_DRAFT_2026, {
      ...input,
      referencePriceCentsPerMwh: 90 * EUR,
    });
    assert.equal(r.amountCents, 2_000_000 * EUR);
    assert.equal(r.draft, true);
    assert.ok(r.steps.every((s) => s.open));
    assert.match(r.notes[0]!, /^Entwurf/);
  });

  it('the floor: at 60 €/MWh the aid is 10 €/MWh; at 50 €/MWh and below nothing', () => {
    const at = (ref: number) =>
      computeBridgePrice(INDUSTRIAL_PRICE_DRAFT_2026, {
        ...input,
        referencePriceCentsPerMwh: ref * EUR,
      }).amountCents;
    assert.equal(at(60), 500_000 * EUR);
    assert.equal(at(50), 0);
    assert.equal(at(45), 0);
  });

  it('outside its period (2025) the scheme does not apply', () => {
    const r = computeBridgePrice(INDUSTRIAL_PRICE_DRAFT_2026, {
      ...input,
      date: '2025-12-31',
      referencePriceCentsPerMwh: 90 * EUR,
    });
    assert.equal(r.status, 'not-eligible');
    assert.deepEqual(
      decidingRules(r.trace!).map((n) => n.ruleId),
      ['scheme-period'],
    );
  });

  it('the 2023 proposal: 6 ct/kWh target on 80 % of consumption', () => {
    const r = computeBridgePrice(BRIDGE_PRICE_PROPOSAL_2023, {
      ...input,
      referencePriceCentsPerMwh: 100 * EUR,
    });
    assert.equal(r.amountCents, 80_000 * 40 * EUR);
  });
});

describe('the relief calculator: effective price before and after against 6 ct/kWh', () => {
  const firm: ReliefInput = {
    date: '2026-06-30',
    consumptionKwh: 10_000_000,
    naceCode: '25.62',
    energyPriceCentsPerMwh: 16_800,
    undertakingInDifficulty: false,
    sectorOnEtsList: false,
    sectorOnKueblList1: false,
  };

  it('10 GWh at 16.8 ct/kWh: 18.85 ct/kWh before, 16.85 ct/kWh after § 9b, 10.85 ct/kWh above the target', () => {
    const r = calculateRelief(firm);
    assert.deepEqual(r.before, { costCents: 1_885_000 * EUR, centsPerKwh: 18.85 });
    assert.deepEqual(r.after, { costCents: 1_685_000 * EUR, centsPerKwh: 16.85 });
    assert.equal(r.target.centsPerKwh, 6);
    assert.equal(r.gapToTargetCentsPerKwh, 10.85);
    assert.deepEqual(
      r.instruments.map((i) => [i.id, i.status]),
      [
        ['electricity-tax', 'eligible'],
        ['price-compensation', 'not-eligible'],
        ['bridge-price', 'not-eligible'],
      ],
    );
  });

  it('an energy-intensive firm counts the larger of price compensation and the draft scheme', () => {
    const r = calculateRelief({
      ...firm,
      consumptionKwh: 100_000_000,
      sectorOnEtsList: true,
      sectorOnKueblList1: true,
      euaPriceCentsPerTonne: 70 * EUR,
      referencePriceCentsPerMwh: 90 * EUR,
    });
    assert.equal(r.after!.costCents, r.before!.costCents - 2_000_000 * EUR - 2_808_000 * EUR);
    assert.equal(
      r.afterWithScheme!.costCents,
      r.before!.costCents - 2_000_000 * EUR - 2_808_000 * EUR,
    );
  });

  describe('bad input gets a German message naming the field', () => {
    const cases: [
      Partial<Record<keyof ReliefInput, unknown>>,
      SupportInputError['field'],
      RegExp,
    ][] = [
      [{ consumptionKwh: -5 }, 'consumptionKwh', /^Der Stromverbrauch darf nicht negativ sein/],
      [
        { consumptionKwh: '12 MWh' },
        'consumptionKwh',
        /^Der Stromverbrauch „12 MWh“ ist keine Zahl/,
      ],
      [{ consumptionKwh: 10.5 }, 'consumptionKwh', /ganze Zahl \(kWh\)/],
      [
        { naceCode: '34.10' },
        'naceCode',
        /^Der Wirtschaftszweig „34\.10“ ist kein bekannter WZ-2008-\/NACE-Code/,
      ],
      [
        { electromobilityKwh: 20_000_000 },
        'electromobilityKwh',
        /nicht größer sein als der Stromverbrauch/,
      ],
      [
        { energyPriceCentsPerMwh: 'teuer' },
        'energyPriceCentsPerMwh',
        /^Der gezahlte Strompreis „teuer“ ist keine Zahl/,
      ],
      [{ date: '2010-06-30' }, 'date', /liegt vor dem ersten hinterlegten Wert/],
      [{ undertakingInDifficulty: 'nein' }, 'undertakingInDifficulty', /muss ja oder nein sein/],
    ];
    for (const [patch, field, message] of cases) {
      it(`${field}: ${JSON.stringify(patch)}`, () => {
        assert.throws(
          () => calculateRelief({ ...firm, ...patch } as ReliefInput),
          (e: unknown) => {
            assert.ok(e instanceof SupportInputError, String(e));
            assert.equal(e.field, field);
            assert.match(e.message, message);
            return true;
          },
        );
      });
    }
  });
});
