import { parseIsoDate } from '../calendar-date.ts';
import type { IsoDate } from '../calendar-date.ts';
import { DeadlineInputError } from '../errors.ts';
import { FeeInputError } from './errors.ts';
import { formatEuro } from './money.ts';

export type FeeProcedure = 'formal' | 'simplified';
/** installation: permit under § 4 BImSchG; change: permit for a substantial change, § 16. */
export type FeePermitType = 'installation' | 'change';
/**
 * grant: permit issued; refusal: permit refused on the merits; withdrawal: application withdrawn;
 * rejection: application rejected because documents were still missing (§ 20 Abs. 2 9. BImSchV).
 */
export type FeeOutcome = 'grant' | 'refusal' | 'withdrawal' | 'rejection';

/** Fee of a decision included by § 13 BImSchG (e.g. the building permit), computed elsewhere. */
export interface IncludedDecisionFee {
  /** German name as printed, e.g. 'Baugenehmigung (§ 74 BauO NRW)'. */
  label: string;
  /** Tariff number or norm of that fee, as printed. */
  citation: string;
  feeCents: number;
}

export interface PermitFeeInput {
  /** Construction costs (Errichtungskosten) stated in the application, in euro cents. */
  investmentCostsCents: number;
  procedure: FeeProcedure;
  /** Default 'installation'. */
  permitType?: FeePermitType;
  outcome: FeeOutcome;
  /** Date of the decision; selects the tariff version. */
  decisionDate: IsoDate;
  /** An environmental impact assessment (UVP) was part of the procedure. */
  eia?: boolean;
  includedDecisions?: IncludedDecisionFee[];
  /** For outcome 'withdrawal': withdrawn before the substantive work began (no fee). */
  withdrawnBeforeProcessing?: boolean;
  /** For 'refusal' / 'rejection': refused only because the authority lacks jurisdiction. */
  lackOfJurisdiction?: boolean;
  /** For outcomes other than 'grant': equity reduction to a share (ppm), 0 = fee waived. */
  equity?: { sharePpm: number; reason: string };
}

/** 100 Mrd. € — far above any permit; keeps every intermediate product exact. */
export const MAX_COSTS_CENTS = 10_000_000_000_000;

const procedures: readonly FeeProcedure[] = ['formal', 'simplified'];
const permitTypes: readonly FeePermitType[] = ['installation', 'change'];
const outcomes: readonly FeeOutcome[] = ['grant', 'refusal', 'withdrawal', 'rejection'];

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Checks every field (the input may come from a form or JSON) and throws a German error; returns
 * the normalised decision date.
 */
export function checkFeeInput(input: PermitFeeInput): IsoDate {
  if (!isCents(input.investmentCostsCents) || input.investmentCostsCents > MAX_COSTS_CENTS) {
    throw new FeeInputError(
      'investmentCostsCents',
      `Die Errichtungskosten müssen ein Betrag in Cent zwischen 0 und ${formatEuro(MAX_COSTS_CENTS)} sein.`,
    );
  }
  if (!procedures.includes(input.procedure)) {
    throw new FeeInputError('procedure', 'Das Verfahren muss „förmlich“ oder „vereinfacht“ sein.');
  }
  if (input.permitType !== undefined && !permitTypes.includes(input.permitType)) {
    throw new FeeInputError(
      'permitType',
      'Die Genehmigungsart muss „Neugenehmigung“ oder „Änderungsgenehmigung“ sein.',
    );
  }
  if (!outcomes.includes(input.outcome)) {
    throw new FeeInputError(
      'outcome',
      'Der Ausgang muss Erteilung, Ablehnung, Rücknahme oder Zurückweisung sein.',
    );
  }
  let decisionDate: IsoDate;
  try {
    decisionDate = parseIsoDate(input.decisionDate, 'start');
  } catch (error) {
    if (!(error instanceof DeadlineInputError)) throw error;
    throw new FeeInputError(
      'decisionDate',
      'Das Entscheidungsdatum ist kein gültiges Datum (Format JJJJ-MM-TT).',
    );
  }
  for (const d of input.includedDecisions ?? []) {
    if (typeof d.label !== 'string' || d.label.trim() === '' || !isCents(d.feeCents)) {
      throw new FeeInputError(
        'includedDecisions',
        'Jede eingeschlossene Entscheidung braucht eine Bezeichnung und eine Gebühr in Cent ab 0.',
      );
    }
  }
  if (input.equity !== undefined) checkEquity(input);
  return decisionDate;
}

function checkEquity(input: PermitFeeInput): void {
  const equity = input.equity!;
  if (input.outcome === 'grant') {
    throw new FeeInputError(
      'equity',
      'Eine Ermäßigung aus Billigkeit ist nur bei Ablehnung, Rücknahme oder Zurückweisung vorgesehen.',
    );
  }
  const validShare =
    Number.isSafeInteger(equity.sharePpm) &&
    (equity.sharePpm === 0 || (equity.sharePpm >= 250_000 && equity.sharePpm <= 750_000));
  if (!validShare) {
    throw new FeeInputError(
      'equity',
      'Aus Billigkeit kann die Gebühr nur auf ein Viertel bis drei Viertel ermäßigt oder ganz erlassen werden.',
    );
  }
  if (typeof equity.reason !== 'string' || equity.reason.trim() === '') {
    throw new FeeInputError('equity', 'Eine Ermäßigung aus Billigkeit braucht eine Begründung.');
  }
}
