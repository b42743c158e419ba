import type { IsoDate } from '../calendar-date.ts';
import { evaluateRule, missingFacts, requireDate } from '../rules/index.ts';
import type { Facts, ParameterRegistry, TraceNode, Truth } from '../rules/index.ts';
import { computeFundingAmount } from './amount.ts';
import type { AmountInput, AmountResult } from './amount.ts';
import { factLabel } from './facts.ts';
import type { FundingProgrammeVersion } from './programme.types.ts';

export type Eligibility = 'eligible' | 'not-eligible' | 'need-info';

export const eligibilityLabel: Readonly<Record<Eligibility, string>> = {
  eligible: 'förderfähig',
  'not-eligible': 'nicht förderfähig',
  'need-info': 'weitere Angaben nötig',
};

const fromTruth: Readonly<Record<Truth, Eligibility>> = {
  met: 'eligible',
  'not-met': 'not-eligible',
  unknown: 'need-info',
};

export interface ProgrammeAssessment {
  programmeId: string;
  versionId: string;
  title: string;
  eligibility: Eligibility;
  trace: TraceNode;
  /** German names of the facts the finder must still ask for. */
  missing: string[];
  /** Whether applications are accepted on the date (undefined limits count as open). */
  callOpen: boolean;
  amount: AmountResult;
}

/** The version of a programme in force on a date (latest validFrom not after it). */
export function programmeVersionAt(
  versions: readonly FundingProgrammeVersion[],
  programmeId: string,
  date: IsoDate,
): FundingProgrammeVersion | undefined {
  let found: FundingProgrammeVersion | undefined;
  for (const v of versions) {
    if (
      v.programmeId === programmeId &&
      v.validFrom <= date &&
      (!found || v.validFrom > found.validFrom)
    ) {
      found = v;
    }
  }
  return found;
}

/**
 * Assesses one programme version for one company and measure: eligibility by the rule tree
 * (three-valued), the missing facts, the call window, and the estimated amount with its steps.
 */
export function assessProgramme(
  version: FundingProgrammeVersion,
  facts: Facts,
  amountInput: Omit<AmountInput, 'facts' | 'date'>,
  date: IsoDate,
  parameters: ParameterRegistry = {},
): ProgrammeAssessment {
  const day = requireDate(date);
  const { truth, trace } = evaluateRule(version.eligibility, facts, { date: day, parameters });
  const callOpen =
    (version.callOpenFrom === undefined || version.callOpenFrom <= day) &&
    (version.callOpenUntil === undefined || day <= version.callOpenUntil);
  return {
    programmeId: version.programmeId,
    versionId: version.versionId,
    title: version.title,
    eligibility: fromTruth[truth],
    trace,
    missing: missingFacts(trace).map(factLabel),
    callOpen,
    amount: computeFundingAmount(version, { ...amountInput, facts, date: day }),
  };
}
