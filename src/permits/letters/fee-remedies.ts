/**
 * The fee decision and the legal remedies of a permit letter, from the law modules: the fee from
 * the investment costs stated in the application (src/law/fees, with its trace and tariff
 * number), the remedies from the site and the turbines' height (src/law/remedies.ts).
 */
import { computeDeadline } from '../../law/index.ts';
import { computePermitFee, FeeInputError, type FeeOutcome } from '../../law/fees/index.ts';
import { remediesFor, RemediesInputError, type RemedyDecisionKind } from '../../law/remedies.ts';
import type { LetterKind } from '../../procedures/letters/letter.types.ts';
import { findMunicipality, municipalityByName } from '../../registers/geo/index.ts';
import type { Turbine } from '../application.ts';
import type { SnapshotFee } from './snapshot.ts';

const OUTCOMES: Partial<Record<LetterKind, FeeOutcome & RemedyDecisionKind>> = {
  decision: 'grant',
  refusal: 'refusal',
  rejection: 'rejection',
};

/**
 * The fee of a decision letter, or null when the letter decides nothing or the application
 * states no investment costs. [open] Due date: the fee falls due on notification (§ 17 GebG
 * NRW); one month for payment is the authority's practice, not the statute.
 */
export function permitFee(options: {
  kind: LetterKind;
  typeKey: string;
  investmentCostsCents: number | null;
  eia: boolean;
  today: string;
}): SnapshotFee | null {
  const outcome = OUTCOMES[options.kind];
  if (!outcome || options.investmentCostsCents === null) return null;
  try {
    const result = computePermitFee({
      investmentCostsCents: options.investmentCostsCents,
      procedure: options.typeKey === 'bimschg-simplified' ? 'simplified' : 'formal',
      outcome,
      decisionDate: options.today,
      eia: options.eia,
    });
    return {
      amountCents: result.totalCents,
      tariff: `Tarifstelle ${result.tariffNumber} des Allgemeinen Gebührentarifs (${result.tariff.ordinance.split(', Allgemeiner Gebührentarif')[0]})`,
      trace: result.steps.map((s) => `${s.text} (${s.citation})`),
      dueOn: computeDeadline({ start: options.today, duration: 'P1M', rule: { counting: 'event' } })
        .end,
    };
  } catch (error) {
    // Costs the fee rules do not accept: the letter then says the fee follows separately.
    if (error instanceof FeeInputError) return null;
    throw error;
  }
}

/** The Kreis key of the site: the first turbine's Gemeinde, else the Gemeinde named. */
function siteKreisAgs(site: { gemeinde: string }, turbines: readonly Turbine[]): string | null {
  const first = turbines[0];
  const municipality =
    (first ? findMunicipality({ lon: first.lon, lat: first.lat }) : undefined) ??
    municipalityByName(site.gemeinde);
  return municipality?.ags ?? null;
}

/** Remedies paragraphs for a decision letter, with those against the fee decision appended. */
export function permitRemedies(options: {
  kind: LetterKind;
  site: { gemeinde: string };
  turbines: readonly Turbine[];
  withFee: boolean;
}): string[] {
  const decisionKind = OUTCOMES[options.kind];
  if (!decisionKind) return [];
  const ags = siteKreisAgs(options.site, options.turbines);
  if (ags === null) return [];
  const height = Math.max(0, ...options.turbines.map((t) => t.totalHeightM));
  try {
    const input = { totalHeightM: height > 0 ? height : null, siteKreisAgs: ags };
    const main = remediesFor({ ...input, decisionKind }).paragraphs;
    if (!options.withFee) return main;
    const fee = remediesFor({ ...input, decisionKind: 'fee' }).paragraphs;
    return [...main, ...fee.filter((p) => !main.includes(p))];
  } catch (error) {
    if (error instanceof RemediesInputError) return [];
    throw error;
  }
}
