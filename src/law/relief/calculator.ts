import { formatEuro } from '../fees/money.ts';
import { parseNaceCode } from '../funding/nace.ts';
import {
  lookup,
  optionalCents,
  requireDate,
  requireQuantity,
  SupportInputError,
  supportFieldSubject,
} from '../rules/index.ts';
import { computeBridgePrice, INDUSTRIAL_PRICE_DRAFT_2026 } from './bridge-price.ts';
import type { BridgePriceScheme } from './bridge-price.ts';
import { computeElectricityTax } from './electricity-tax.ts';
import { planTargetPrice } from './parameters.ts';
import { draftTitle } from './trace-format.ts';
import { computePriceCompensation } from './price-compensation.ts';
import type { PricePoint, ReliefInput, ReliefResult, ReliefStep } from './relief.types.ts';

/** 100 TWh: above any single company; keeps products of kWh and cents exact. */
const MAX_KWH = 100_000_000_000;

function optionalKwh(value: unknown, field: 'electromobilityKwh' | 'nonBusinessKwh'): number {
  if (value === undefined) return 0;
  return requireQuantity(value, field, { min: 0, max: MAX_KWH, whole: true, unit: 'kWh' });
}

function optionalFlag(
  value: unknown,
  field: 'undertakingInDifficulty' | 'sectorOnEtsList' | 'sectorOnKueblList1',
): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new SupportInputError(field, `${supportFieldSubject[field]} muss ja oder nein sein.`);
}

/** Cents per kWh with three decimals; undefined for zero consumption. */
function perKwh(costCents: number, kwh: number): number {
  return Math.round((costCents * 1000) / kwh) / 1000;
}

function point(costCents: number, kwh: number): PricePoint {
  return { costCents, centsPerKwh: perKwh(costCents, kwh) };
}

/**
 * The electricity-cost relief calculator: the electricity tax with § 9b relief, the price
 * compensation for indirect CO₂ costs and a configurable industrial/bridge price scheme, then
 * the effective price per kWh before and after relief against the plan's target of 6 ct/kWh.
 * Validates every field and throws a German SupportInputError naming the field.
 */
export function calculateRelief(
  raw: ReliefInput,
  scheme: BridgePriceScheme = INDUSTRIAL_PRICE_DRAFT_2026,
): ReliefResult {
  const date = requireDate(raw.date);
  const consumptionKwh = requireQuantity(raw.consumptionKwh, 'consumptionKwh', {
    min: 0,
    max: MAX_KWH,
    whole: true,
    unit: 'kWh',
  });
  const electromobilityKwh = optionalKwh(raw.electromobilityKwh, 'electromobilityKwh');
  const nonBusinessKwh = optionalKwh(raw.nonBusinessKwh, 'nonBusinessKwh');
  if (electromobilityKwh + nonBusinessKwh > consumptionKwh) {
    throw new SupportInputError(
      'electromobilityKwh',
      'Der Strom für Elektromobilität und für nicht betriebliche Zwecke darf zusammen nicht größer sein als der Stromverbrauch.',
    );
  }
  const nace = raw.naceCode === undefined ? undefined : parseNaceCode(raw.naceCode);
  const price = optionalCents(raw.energyPriceCentsPerMwh, 'energyPriceCentsPerMwh');
  const eua = optionalCents(raw.euaPriceCentsPerTonne, 'euaPriceCentsPerTonne');
  const gva = optionalCents(raw.grossValueAddedCents, 'grossValueAddedCents');
  const reference = optionalCents(raw.referencePriceCentsPerMwh, 'referencePriceCentsPerMwh');
  const benchmark =
    raw.productionBenchmarkMwh === undefined
      ? undefined
      : requireQuantity(raw.productionBenchmarkMwh, 'productionBenchmarkMwh', {
          min: 0,
          max: MAX_KWH / 1000,
          whole: false,
          unit: 'MWh',
        });
  const difficulty = optionalFlag(raw.undertakingInDifficulty, 'undertakingInDifficulty');
  const ets = optionalFlag(raw.sectorOnEtsList, 'sectorOnEtsList');
  const kuebll = optionalFlag(raw.sectorOnKueblList1, 'sectorOnKueblList1');

  const tax = computeElectricityTax({
    date,
    consumptionKwh,
    electromobilityKwh,
    nonBusinessKwh,
    naceDivision: nace?.division,
    undertakingInDifficulty: difficulty,
  });
  const spk = computePriceCompensation({
    date,
    consumptionKwh,
    sectorOnEtsList: ets,
    undertakingInDifficulty: difficulty,
    productionBenchmarkMwh: benchmark,
    euaPriceCentsPerTonne: eua,
    grossValueAddedCents: gva,
  });
  const bridge = computeBridgePrice(scheme, {
    date,
    consumptionKwh,
    referencePriceCentsPerMwh: reference,
    sectorOnKueblList1: kuebll,
    undertakingInDifficulty: difficulty,
  });

  const target = lookup(planTargetPrice, date);
  const targetCentsPerKwh = (target.value as number) / 1000;
  const steps: ReliefStep[] = [];
  const notes: string[] = [];
  const result: ReliefResult = {
    date,
    consumptionKwh,
    instruments: [tax, spk, bridge],
    target: { centsPerKwh: targetCentsPerKwh, parameter: target.use },
    steps,
    notes,
  };
  const estimated = result.instruments.filter((i) => i.status === 'need-info');
  if (estimated.length > 0) {
    notes.push(
      `Schätzung: Für ${estimated.map((i) => i.title).join('; ')} fehlen Angaben; der Betrag gilt nur, wenn die offenen Voraussetzungen erfüllt sind.`,
    );
  }
  if (price === undefined || consumptionKwh === 0) {
    notes.push('Ohne gezahlten Strompreis und Verbrauch wird kein Preis je kWh berechnet.');
    return result;
  }
  const energy = Number((BigInt(consumptionKwh) * BigInt(price) * 2n + 1000n) / 2000n);
  const beforeCost = energy + tax.taxAtStandardRateCents;
  steps.push({
    text: `Kosten vor Entlastung: Strombezug ${formatEuro(energy)} + Stromsteuer zum Regelsatz ${formatEuro(tax.taxAtStandardRateCents)} = ${formatEuro(beforeCost)}.`,
    citation: '§ 3 StromStG',
    amountCents: beforeCost,
    parameters: [],
  });
  // Price compensation and the industrial price are alternatives per year (secondary sources):
  // the calculator counts the larger one and says so.
  const inForce = [tax, spk].filter((i) => i.status !== 'not-eligible');
  const lawRelief = inForce.reduce((sum, i) => sum + i.amountCents, 0);
  const afterCost = beforeCost - lawRelief;
  steps.push({
    text: `Kosten nach geltenden Entlastungen (§ 9b StromStG, Strompreiskompensation): ${formatEuro(beforeCost)} − ${formatEuro(lawRelief)} = ${formatEuro(afterCost)}.`,
    citation: '§ 9b StromStG; Förderrichtlinie Strompreiskompensation',
    amountCents: afterCost,
    parameters: [],
  });
  result.before = point(beforeCost, consumptionKwh);
  result.after = point(afterCost, consumptionKwh);
  if (bridge.status !== 'not-eligible' && bridge.amountCents > 0) {
    const alternative = Math.max(
      spk.status !== 'not-eligible' ? spk.amountCents : 0,
      bridge.amountCents,
    );
    const withDraft = beforeCost - tax.amountCents - alternative;
    steps.push({
      text: `Mit ${draftTitle(scheme.title, bridge.draft)} anstelle der Strompreiskompensation, soweit höher: ${formatEuro(withDraft)}.`,
      citation: scheme.citation,
      amountCents: withDraft,
      parameters: [],
      open: bridge.draft,
    });
    result.afterWithScheme = point(withDraft, consumptionKwh);
  }
  const final = result.afterWithScheme ?? result.after;
  result.gapToTargetCentsPerKwh = Math.round((final.centsPerKwh - targetCentsPerKwh) * 1000) / 1000;
  steps.push({
    text: `Effektiver Preis ${final.centsPerKwh.toLocaleString('de-DE')} ct/kWh gegenüber dem Zielpreis ${targetCentsPerKwh.toLocaleString('de-DE')} ct/kWh: Abstand ${result.gapToTargetCentsPerKwh.toLocaleString('de-DE')} ct/kWh.`,
    citation: 'Sieben-Punkte-Plan, Punkt 1',
    parameters: [target.use],
  });
  return result;
}
