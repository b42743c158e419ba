import type { IsoDate } from '../calendar-date.ts';
import { applyPpm, formatEuro, formatPercent } from '../fees/money.ts';
import { factLabel } from '../funding/facts.ts';
import { evaluateRule, lookup, missingFacts } from '../rules/index.ts';
import type { Rule } from '../rules/index.ts';
import {
  reliefParameters,
  spkAidIntensity,
  spkBaseMinimum,
  spkBaseShare,
  spkEmissionFactor,
  spkFallback,
  spkOwnShare,
  spkSuperCap,
} from './parameters.ts';
import type { ReliefInstrumentResult, ReliefStep } from './relief.types.ts';

const RL = 'Förderrichtlinie Strompreiskompensation';

export const priceCompensationRule: Rule = {
  kind: 'all',
  id: 'spk',
  description: 'Voraussetzungen der Strompreiskompensation.',
  citation: RL,
  rules: [
    {
      kind: 'compare',
      id: 'spk-sector-listed',
      description:
        'Das Produkt gehört zu einem beihilfefähigen (Teil-)Sektor nach Anhang I der EU-EHS-Beihilfeleitlinien.',
      citation: 'Anhang I Leitlinien 2020/C 317/04',
      fact: 'sectorOnEtsList',
      op: '=',
      than: { value: true },
    },
    {
      kind: 'compare',
      id: 'spk-not-in-difficulty',
      description: 'Das Unternehmen ist kein Unternehmen in Schwierigkeiten.',
      citation: RL,
      fact: 'undertakingInDifficulty',
      op: '=',
      than: { value: false },
    },
  ],
};

export interface PriceCompensationInput {
  date: IsoDate;
  consumptionKwh: number;
  sectorOnEtsList?: boolean;
  undertakingInDifficulty?: boolean;
  productionBenchmarkMwh?: number;
  euaPriceCentsPerTonne?: number;
  grossValueAddedCents?: number;
}

/** kWh × kg/MWh × cents/t → cents: divide by 1000 (kWh→MWh) and 1000 (kg→t), half up. */
function costCents(kwh: number, kgPerMwh: number, centsPerTonne: number): number {
  const product = BigInt(kwh) * BigInt(kgPerMwh) * BigInt(centsPerTonne);
  return Number((product * 2n + 1_000_000n) / 2_000_000n);
}

/**
 * Strompreiskompensation (compensation of indirect CO₂ costs, DEHSt): aid = aid intensity ×
 * emission factor × (certificate price − base amount) × eligible consumption, where eligible
 * consumption is the product-benchmark consumption or the fallback benchmark × actual
 * consumption, less the own share. Optional super cap on the remaining burden relative to gross
 * value added. Every factor is a dated parameter; unverified ones are marked [offen].
 */
export function computePriceCompensation(input: PriceCompensationInput): ReliefInstrumentResult {
  const { date } = input;
  const ai = lookup(spkAidIntensity, date);
  const ef = lookup(spkEmissionFactor, date);
  const fallback = lookup(spkFallback, date);
  const ownShare = lookup(spkOwnShare, date);
  const baseShare = lookup(spkBaseShare, date);
  const baseMin = lookup(spkBaseMinimum, date);
  const { truth, trace } = evaluateRule(
    priceCompensationRule,
    {
      sectorOnEtsList: input.sectorOnEtsList,
      undertakingInDifficulty: input.undertakingInDifficulty,
    },
    { date, parameters: reliefParameters },
  );
  const missing = missingFacts(trace).map(factLabel);
  const base: Omit<ReliefInstrumentResult, 'status' | 'amountCents' | 'steps' | 'missing'> = {
    id: 'price-compensation',
    title: 'Strompreiskompensation (indirekte CO₂-Kosten, DEHSt)',
    draft: false,
    trace,
    notes: [
      'Antrag bei der DEHSt mit qualifizierter elektronischer Signatur und Prüfvermerk; ökologische Gegenleistungen sind nachzuweisen.',
      'Strompreiskompensation und Industriestrompreis sind nach Sekundärquellen je Jahr alternativ zu wählen [offen].',
    ],
  };
  if (truth === 'not-met') {
    return { ...base, status: 'not-eligible', amountCents: 0, steps: [], missing };
  }
  if (input.euaPriceCentsPerTonne === undefined) {
    return {
      ...base,
      status: 'need-info',
      amountCents: 0,
      steps: [],
      missing: [...missing, 'Terminpreis der EU-Emissionsberechtigungen (€/t)'],
    };
  }
  const price = input.euaPriceCentsPerTonne;
  const steps: ReliefStep[] = [];
  let eligibleKwh: number;
  if (input.productionBenchmarkMwh !== undefined) {
    eligibleKwh = Math.round(input.productionBenchmarkMwh * 1000);
    steps.push({
      text: `Beihilfefähiger Verbrauch nach Produktbenchmark: ${input.productionBenchmarkMwh.toLocaleString('de-DE')} MWh.`,
      citation: `${RL}; Anhang II Leitlinien 2020/C 317/04`,
      parameters: [],
    });
  } else {
    eligibleKwh = Math.round((input.consumptionKwh * (fallback.value as number)) / 1_000_000);
    steps.push({
      text: `Beihilfefähiger Verbrauch nach Fallback-Benchmark: ${input.consumptionKwh.toLocaleString('de-DE')} kWh × ${formatPercent(fallback.value as number)} = ${eligibleKwh.toLocaleString('de-DE')} kWh.`,
      citation: RL,
      parameters: [fallback.use],
    });
  }
  const ownKwh = (ownShare.value as number) * 1000;
  const afterOwn = Math.max(0, eligibleKwh - ownKwh);
  steps.push({
    text: `Abzüglich Selbstbehalt ${(ownShare.value as number).toLocaleString('de-DE')} MWh: ${afterOwn.toLocaleString('de-DE')} kWh.`,
    citation: RL,
    parameters: [ownShare.use],
    open: ownShare.use.open !== undefined,
  });
  const baseCents = Math.max(applyPpm(price, baseShare.value as number), baseMin.value as number);
  const netPrice = Math.max(0, price - baseCents);
  steps.push({
    text: `Zertifikatspreis ${formatEuro(price)}/t abzüglich Sockelbetrag ${formatEuro(baseCents)}/t (${formatPercent(baseShare.value as number)}, mindestens ${formatEuro(baseMin.value as number)}/t) = ${formatEuro(netPrice)}/t.`,
    citation: RL,
    parameters: [baseShare.use, baseMin.use],
    open: true,
  });
  const indirect = costCents(afterOwn, ef.value as number, netPrice);
  let aid = applyPpm(indirect, ai.value as number);
  steps.push({
    text: `Beihilfe: ${formatPercent(ai.value as number)} × ${((ef.value as number) / 1000).toLocaleString('de-DE')} t CO₂/MWh × ${formatEuro(netPrice)}/t × ${(afterOwn / 1000).toLocaleString('de-DE')} MWh = ${formatEuro(aid)}.`,
    citation: RL,
    amountCents: aid,
    parameters: [ai.use, ef.use],
  });
  const fullIndirect = costCents(eligibleKwh, ef.value as number, price);
  if (input.grossValueAddedCents !== undefined) {
    const cap = lookup(spkSuperCap, date);
    const allowed = applyPpm(input.grossValueAddedCents, cap.value as number);
    const remaining = fullIndirect - aid;
    if (remaining > allowed) {
      const extra = remaining - allowed;
      aid += extra;
      steps.push({
        text: `Super-Cap: verbleibende indirekte CO₂-Kosten ${formatEuro(remaining)} übersteigen ${formatPercent(cap.value as number)} der Bruttowertschöpfung (${formatEuro(allowed)}); zusätzliche Beihilfe ${formatEuro(extra)}, insgesamt ${formatEuro(aid)}.`,
        citation: RL,
        amountCents: aid,
        parameters: [cap.use],
        open: true,
      });
    } else {
      steps.push({
        text: `Super-Cap greift nicht: verbleibende indirekte CO₂-Kosten ${formatEuro(remaining)} liegen nicht über ${formatPercent(cap.value as number)} der Bruttowertschöpfung (${formatEuro(allowed)}).`,
        citation: RL,
        amountCents: aid,
        parameters: [cap.use],
        open: true,
      });
    }
  }
  return {
    ...base,
    status: truth === 'met' ? 'eligible' : 'need-info',
    amountCents: aid,
    steps,
    missing,
  };
}
