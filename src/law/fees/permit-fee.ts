import type { IsoDate } from '../calendar-date.ts';
import { formatGermanDate } from '../german-format.ts';
import { FeeInputError } from './errors.ts';
import { applyPpm, formatEuro, formatPercent } from './money.ts';
import { checkFeeInput } from './permit-fee.input.ts';
import type { PermitFeeInput } from './permit-fee.input.ts';
import { permitFeeTariffs, specialCases, tariffFor } from './tariff.ts';
import type { FeeBand, PermitFeeTariff } from './tariff.ts';

/** One line of the fee computation as the letter prints it. */
export interface FeeTraceStep {
  /** German sentence with the numbers used, e.g. '3.250,00 € zuzüglich 0,3 % von …'. */
  text: string;
  /** Tariff number or norm the step rests on. */
  citation: string;
  /** The running fee after this step, in cents. */
  amountCents: number;
  /** The step rests on a figure or rule that still needs legal sign-off. */
  open: boolean;
}

export interface PermitFeeResult {
  totalCents: number;
  tariff: { id: string; ordinance: string; validFrom: IsoDate };
  /** Tariff number of the permit fee, as printed in the fee decision. */
  tariffNumber: string;
  steps: FeeTraceStep[];
  /** Every norm and tariff number used, without duplicates, in order of use. */
  citations: string[];
  roundingRule: string;
  /** True when any step or rule used still needs legal sign-off. */
  open: boolean;
  openPoints: string[];
}

export const ROUNDING_RULE =
  'Jeder Rechenschritt wird kaufmännisch auf volle Cent gerundet (eine Rundungsvorschrift des Gebührenrechts wurde nicht gefunden) [open].';

function bandFor(tariff: PermitFeeTariff, costsCents: number): FeeBand {
  const band = tariff.bands.find((b) => b.upToCents === null || costsCents <= b.upToCents);
  if (!band) throw new Error(`Tarif ${tariff.id}: keine Stufe für ${costsCents} Cent`);
  return band;
}

/**
 * The fee for a BImSchG permit decision in NRW, in integer cents, with the trace the letter prints
 * (GebG NRW, AVwGebO NRW). Pure: the tariff versions are data; see tariff.ts for what is verified.
 */
export function computePermitFee(
  input: PermitFeeInput,
  tariffs: readonly PermitFeeTariff[] = permitFeeTariffs,
): PermitFeeResult {
  const decisionDate = checkFeeInput(input);
  const tariff = tariffFor(decisionDate, tariffs);
  if (!tariff) {
    throw new FeeInputError(
      'decisionDate',
      `Für Entscheidungen am ${formatGermanDate(decisionDate, { weekday: false })} ist kein Gebührentarif hinterlegt.`,
    );
  }
  const steps: FeeTraceStep[] = [];
  const law = (n: string): string => `Tarifstelle ${n} ${tariff.short}`;
  const numbers = tariff.tariffNumbers;
  const permitType = input.permitType ?? 'installation';
  const tariffNumber =
    permitType === 'change'
      ? numbers.change
      : input.procedure === 'simplified'
        ? numbers.installationSimplified
        : numbers.installationFormal;
  const scaleNumber = permitType === 'change' ? numbers.change : numbers.installationFormal;

  // Graduated by the construction costs stated in the application.
  const costs = input.investmentCostsCents;
  const band = bandFor(tariff, costs);
  const above = Math.max(0, costs - band.thresholdCents);
  let fee = band.baseCents + applyPpm(above, band.ratePpm);
  const rule =
    band.baseCents === 0 && band.thresholdCents === 0
      ? `${formatPercent(band.ratePpm)} der Kosten`
      : `${formatEuro(band.baseCents)} zuzüglich ${formatPercent(band.ratePpm)} der ` +
        `${formatEuro(band.thresholdCents)} übersteigenden Kosten (${formatEuro(above)})`;
  steps.push({
    text: `Errichtungskosten laut Antrag ${formatEuro(costs)}; Stufe ${band.letter}: ${rule} = ${formatEuro(fee)}`,
    citation: `${law(scaleNumber)} Buchst. ${band.letter}`,
    amountCents: fee,
    open: true,
  });
  if (fee < tariff.minimumCents) {
    fee = tariff.minimumCents;
    steps.push({
      text: `Mindestgebühr ${formatEuro(tariff.minimumCents)}`,
      citation: law(scaleNumber),
      amountCents: fee,
      open: true,
    });
  }
  if (permitType === 'installation' && input.procedure === 'simplified') {
    fee = applyPpm(fee, tariff.simplifiedSharePpm);
    steps.push({
      text: `Vereinfachtes Verfahren (§ 19 BImSchG): ${formatPercent(tariff.simplifiedSharePpm)} der Gebühr = ${formatEuro(fee)}`,
      citation: law(numbers.installationSimplified),
      amountCents: fee,
      open: true,
    });
  }
  if (input.eia) {
    const surcharge = applyPpm(fee, tariff.eiaSurchargePpm);
    fee += surcharge;
    steps.push({
      text: `Zuschlag für die Umweltverträglichkeitsprüfung: ${formatPercent(tariff.eiaSurchargePpm)} = ${formatEuro(surcharge)}; zusammen ${formatEuro(fee)}`,
      citation: law(tariffNumber),
      amountCents: fee,
      open: true,
    });
  }
  // § 13 BImSchG: the permit includes other decisions; their fees are added only when the permit
  // (and with it the included decision) is granted [open].
  if (input.outcome === 'grant') {
    for (const included of input.includedDecisions ?? []) {
      const share = applyPpm(included.feeCents, tariff.includedDecisionsSharePpm);
      fee += share;
      steps.push({
        text: `Eingeschlossene Entscheidung (§ 13 BImSchG): ${included.label.trim()}, Gebühr ${formatEuro(included.feeCents)}, davon ${formatPercent(tariff.includedDecisionsSharePpm)} = ${formatEuro(share)}; zusammen ${formatEuro(fee)}`,
        citation: `${law(tariffNumber)}; ${included.citation.trim()}`,
        amountCents: fee,
        open: true,
      });
    }
  }
  fee = applyOutcome(input, fee, steps);
  return finish(tariff, tariffNumber, fee, steps);
}

const outcomeNames = {
  refusal: 'Ablehnung des Antrags',
  rejection: 'Zurückweisung des Antrags wegen unvollständiger Unterlagen (§ 20 Abs. 2 9. BImSchV)',
  withdrawal: 'Rücknahme des Antrags nach Beginn der sachlichen Bearbeitung',
} as const;

/** § 15 GebG NRW: refusal, rejection and withdrawal change the fee. */
function applyOutcome(input: PermitFeeInput, fee: number, steps: FeeTraceStep[]): number {
  const outcome = input.outcome;
  if (outcome === 'grant') return fee;
  const noFee =
    (outcome === 'withdrawal' && input.withdrawnBeforeProcessing === true) ||
    (outcome !== 'withdrawal' && input.lackOfJurisdiction === true);
  if (noFee) {
    steps.push({
      text:
        outcome === 'withdrawal'
          ? 'Rücknahme vor Beginn der sachlichen Bearbeitung: keine Gebühr'
          : 'Ablehnung ausschließlich wegen Unzuständigkeit: keine Gebühr',
      citation: specialCases.noFeeCitation,
      amountCents: 0,
      open: true,
    });
    return 0;
  }
  const sharePpm =
    outcome === 'withdrawal' ? specialCases.withdrawalSharePpm : specialCases.refusalSharePpm;
  let result = applyPpm(fee, sharePpm);
  steps.push({
    text: `${outcomeNames[outcome]}: die vorgesehene Gebühr von ${formatEuro(fee)} ermäßigt sich um ein Viertel auf ${formatPercent(sharePpm)} = ${formatEuro(result)}`,
    citation: specialCases.reducedCitation,
    amountCents: result,
    open: true,
  });
  if (input.equity) {
    result = applyPpm(fee, input.equity.sharePpm);
    steps.push({
      text:
        input.equity.sharePpm === 0
          ? `Aus Billigkeit wird von der Gebühr abgesehen (${input.equity.reason.trim()})`
          : `Aus Billigkeit ermäßigt auf ${formatPercent(input.equity.sharePpm)} der vorgesehenen Gebühr = ${formatEuro(result)} (${input.equity.reason.trim()})`,
      citation: specialCases.reducedCitation,
      amountCents: result,
      open: true,
    });
  }
  return result;
}

function finish(
  tariff: PermitFeeTariff,
  tariffNumber: string,
  totalCents: number,
  steps: FeeTraceStep[],
): PermitFeeResult {
  const citations = [...new Set(steps.flatMap((s) => s.citation.split('; ')))];
  const usesSpecialCases = steps.some((s) => s.citation.includes('GebG NRW'));
  const openPoints = [
    ...tariff.open,
    ...(usesSpecialCases ? specialCases.open : []),
    ROUNDING_RULE,
  ];
  return {
    totalCents,
    tariff: { id: tariff.id, ordinance: tariff.ordinance, validFrom: tariff.validFrom },
    tariffNumber,
    steps,
    citations,
    roundingRule: ROUNDING_RULE,
    open: openPoints.length > 0 || steps.some((s) => s.open),
    openPoints,
  };
}
