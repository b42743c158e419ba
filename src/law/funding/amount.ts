import type { IsoDate } from '../calendar-date.ts';
import { applyPpm, formatEuro, formatPercent } from '../fees/money.ts';
import { evaluateRule, optionalCents, requireQuantity, SupportInputError } from '../rules/index.ts';
import type { Facts, ParameterRegistry, TraceNode } from '../rules/index.ts';
import type { FundingProgrammeVersion, RateTier, UnitTier } from './programme.types.ts';

/** What the amount depends on, beyond the facts the eligibility rules read. */
export interface AmountInput {
  /** Eligible costs in cents (share-of-costs programmes). */
  eligibleCostsCents?: number;
  /** Consultant days (programmes with a day-rate cap). */
  consultantDays?: number;
  /** Quantity in the programme's unit (per-unit programmes): drilling metres, m². */
  units?: number;
  /** Completed training days, one entry per employee (per-person-day programmes). */
  trainingDays?: number[];
  facts: Facts;
  date: IsoDate;
}

export interface AmountStep {
  /** German sentence with the figures used. */
  text: string;
  citation: string;
  /** Running amount after this step, in cents. */
  amountCents: number;
  open?: boolean;
}

export interface AmountResult {
  /** 'need-info' when a figure the computation needs is missing; amountCents is then 0. */
  status: 'computed' | 'need-info';
  amountCents: number;
  /** The programme's maximum that applied, if any (for the property "never above the cap"). */
  maxCents?: number;
  steps: AmountStep[];
  /** German names of the missing figures. */
  missing: string[];
  /** Trace of the rule that chose the rate or unit amount. */
  tierTrace?: TraceNode;
}

const noParameters: ParameterRegistry = {};

/** The first tier whose condition holds; unknown before a holding tier leaves the rate open. */
function chooseTier<T extends RateTier | UnitTier>(
  tiers: readonly T[],
  facts: Facts,
  date: IsoDate,
): { tier?: T; trace?: TraceNode; missing: boolean } {
  for (const tier of tiers) {
    if (!tier.when) return { tier, missing: false };
    const { truth, trace } = evaluateRule(tier.when, facts, { date, parameters: noParameters });
    if (truth === 'met') return { tier, trace, missing: false };
    if (truth === 'unknown') return { trace, missing: true };
  }
  return { missing: false };
}

function needInfo(missing: string[], tierTrace?: TraceNode): AmountResult {
  return {
    status: 'need-info',
    amountCents: 0,
    steps: [],
    missing,
    ...(tierTrace ? { tierTrace } : {}),
  };
}

function applyMinimum(result: AmountResult, minGrantCents: number | undefined, citation: string) {
  if (minGrantCents === undefined || result.amountCents === 0) return result;
  if (result.amountCents < minGrantCents) {
    result.steps.push({
      text: `Der Zuschuss von ${formatEuro(result.amountCents)} liegt unter der Bagatellgrenze von ${formatEuro(minGrantCents)}; es wird nichts bewilligt.`,
      citation,
      amountCents: 0,
    });
    result.amountCents = 0;
  }
  return result;
}

function shareOfCosts(
  rule: Extract<FundingProgrammeVersion['amount'], { kind: 'share-of-costs' }>,
  input: AmountInput,
): AmountResult {
  const costs = optionalCents(input.eligibleCostsCents, 'eligibleCostsCents');
  const chosen = chooseTier(rule.tiers, input.facts, input.date);
  const missing: string[] = [];
  if (costs === undefined) missing.push('zuwendungsfähige Ausgaben');
  if (chosen.missing || !chosen.tier) missing.push('Angaben zur Unternehmensgröße');
  if (missing.length > 0 || !chosen.tier) return needInfo(missing, chosen.trace);
  const tier = chosen.tier;
  const steps: AmountStep[] = [
    {
      text: `Zuwendungsfähige Ausgaben: ${formatEuro(costs!)}.`,
      citation: rule.citation,
      amountCents: costs!,
    },
  ];
  let base = costs!;
  if (rule.dayRateCapCents !== undefined && input.consultantDays !== undefined) {
    const days = requireQuantity(input.consultantDays, 'consultantDays', {
      min: 0,
      max: 10_000,
      whole: false,
      unit: 'Tage',
    });
    const cap = Math.round(days * rule.dayRateCapCents);
    if (base > cap) {
      base = cap;
      steps.push({
        text: `Begrenzt auf den förderfähigen Tagessatz: ${days.toLocaleString('de-DE')} Beratertage × ${formatEuro(rule.dayRateCapCents)} = ${formatEuro(cap)}.`,
        citation: rule.citation,
        amountCents: base,
      });
    }
  } else if (rule.dayRateCapCents !== undefined) {
    steps.push({
      text: `Der Tagessatz ist auf ${formatEuro(rule.dayRateCapCents)} je Beratungsperson und Tag begrenzt; ohne Angabe der Beratertage wird er nicht geprüft.`,
      citation: rule.citation,
      amountCents: base,
      open: true,
    });
  }
  let amount = applyPpm(base, tier.ratePpm);
  steps.push({
    text: `Fördersatz ${formatPercent(tier.ratePpm)} (${tier.label}): ${formatEuro(base)} × ${formatPercent(tier.ratePpm)} = ${formatEuro(amount)}.`,
    citation: rule.citation,
    amountCents: amount,
  });
  if (amount > rule.maxCents) {
    amount = rule.maxCents;
    steps.push({
      text: `Begrenzt auf den Förderhöchstbetrag von ${formatEuro(rule.maxCents)}.`,
      citation: rule.citation,
      amountCents: amount,
    });
  }
  const result: AmountResult = {
    status: 'computed',
    amountCents: amount,
    maxCents: rule.maxCents,
    steps,
    missing: [],
    ...(chosen.trace ? { tierTrace: chosen.trace } : {}),
  };
  return applyMinimum(result, rule.minGrantCents, rule.citation);
}

function perUnit(
  rule: Extract<FundingProgrammeVersion['amount'], { kind: 'per-unit' }>,
  input: AmountInput,
): AmountResult {
  const chosen = chooseTier(rule.tiers, input.facts, input.date);
  const missing: string[] = [];
  if (input.units === undefined) missing.push(`Menge (${rule.unit})`);
  if (chosen.missing || !chosen.tier) missing.push('Angaben zur Art des Vorhabens');
  if (missing.length > 0 || !chosen.tier) return needInfo(missing, chosen.trace);
  const units = requireQuantity(input.units, 'units', {
    min: 0,
    max: 1_000_000,
    whole: false,
    unit: rule.unit,
  });
  const tier = chosen.tier;
  let amount = Math.round(units * tier.perUnitCents);
  const steps: AmountStep[] = [
    {
      text: `Festbetrag ${tier.label}: ${units.toLocaleString('de-DE')} ${rule.unit} × ${formatEuro(tier.perUnitCents)} = ${formatEuro(amount)}.`,
      citation: rule.citation,
      amountCents: amount,
    },
  ];
  if (amount > tier.maxCents) {
    amount = tier.maxCents;
    steps.push({
      text: `Begrenzt auf den Förderhöchstbetrag von ${formatEuro(tier.maxCents)} (${tier.label}).`,
      citation: rule.citation,
      amountCents: amount,
    });
  }
  const result: AmountResult = {
    status: 'computed',
    amountCents: amount,
    maxCents: tier.maxCents,
    steps,
    missing: [],
    ...(chosen.trace ? { tierTrace: chosen.trace } : {}),
  };
  return applyMinimum(result, rule.minGrantCents, rule.citation);
}

function perPersonDay(
  rule: Extract<FundingProgrammeVersion['amount'], { kind: 'per-person-day' }>,
  input: AmountInput,
): AmountResult {
  if (input.trainingDays === undefined) return needInfo(['Fortbildungstage je Beschäftigtem']);
  if (!Array.isArray(input.trainingDays) || input.trainingDays.length > 10_000) {
    throw new SupportInputError(
      'trainingDays',
      'Die Fortbildungstage müssen als Liste mit einer Zahl je Beschäftigtem angegeben sein.',
    );
  }
  const steps: AmountStep[] = [];
  let total = 0;
  input.trainingDays.forEach((value, index) => {
    const days = requireQuantity(value, 'trainingDays', {
      min: 0,
      max: 365,
      whole: true,
      unit: 'Tage',
    });
    const raw = days * rule.perDayCents;
    const capped = Math.min(raw, rule.capPerPersonCents);
    total += capped;
    steps.push({
      text: `Beschäftigte/r ${index + 1}: ${days} Fortbildungstag${days === 1 ? '' : 'e'} × ${formatEuro(rule.perDayCents)} = ${formatEuro(raw)}${capped < raw ? `, begrenzt auf ${formatEuro(rule.capPerPersonCents)} je Beschäftigtem` : ''}.`,
      citation: rule.citation,
      amountCents: total,
    });
  });
  steps.push({
    text: `Bildungsprämie insgesamt: ${formatEuro(total)}.`,
    citation: rule.citation,
    amountCents: total,
  });
  return {
    status: 'computed',
    amountCents: total,
    maxCents: rule.capPerPersonCents * input.trainingDays.length,
    steps,
    missing: [],
  };
}

/**
 * The grant for a programme version: eligible costs × rate by size (capped, day rate, minimum),
 * or fixed amounts per unit or per employee and training day (capped). Integer cents; every
 * step is printed with its figures. Eligibility is checked separately (eligibility.ts).
 */
export function computeFundingAmount(
  version: FundingProgrammeVersion,
  input: AmountInput,
): AmountResult {
  const rule = version.amount;
  switch (rule.kind) {
    case 'share-of-costs':
      return shareOfCosts(rule, input);
    case 'per-unit':
      return perUnit(rule, input);
    case 'per-person-day':
      return perPersonDay(rule, input);
  }
}
