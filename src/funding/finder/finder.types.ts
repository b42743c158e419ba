import type { IsoDate } from '../../law/calendar-date.ts';
import type { Eligibility } from '../../law/funding/index.ts';
import type { ParameterUse, TraceNode } from '../../law/rules/index.ts';

/**
 * What the Förderfinder asks: a few facts about the company (the same ones the company profile
 * records, so a profile can prefill them) and the planned measure. Money in integer cents.
 * Every field may be left out: a missing fact never turns into "not eligible", it becomes a
 * question ("weitere Angaben nötig").
 */
export interface FinderCompany {
  naceCode: string;
  staffHeadcount: number;
  turnoverCents?: number;
  balanceSheetCents?: number;
  /** Amtlicher Gemeindeschlüssel of the seat (8 digits). */
  seatAgs?: string;
  craftsChamberMember?: boolean;
  /** Trade for craft programmes, a key of the profile's CRAFTS_TRADES ('shk', 'kaelte-klima', …). */
  trade?: string;
  undertakingInDifficulty?: boolean;
  /** Annual electricity consumption; with it the relief instruments are computed. */
  consumptionKwh?: number;
}

export interface FinderMeasure {
  /** A measure id of the catalogue (FundingMeasure.id); also the measure filter. */
  kind?: string;
  eligibleCostsCents?: number;
  /** Planned start of the work; on or before the reference day it counts as begun. */
  plannedStart?: IsoDate;
  siteInNrw?: boolean;
  consultantDays?: number;
  /** Quantity in the unit of the chosen measure (drilling metres, m² collector area). */
  units?: number;
  buildingType?: 'new' | 'existing';
  requiredByGeg?: boolean;
  employeesToTrain?: number;
  trainingDaysPerEmployee?: number;
  trainingForPlanningStaff?: boolean;
}

export type FinderSort = 'deadline' | 'amount';

export interface FinderFilters {
  /** Only programmes that fund this measure id. */
  measure?: string;
  /** Drops entries whose computed amount is below this; entries without an amount stay. */
  minAmountCents?: number;
  openCallsOnly?: boolean;
  /** Only entries whose call ends on or before this day. */
  deadlineBefore?: IsoDate;
  sort?: FinderSort;
}

export interface FinderAnswers {
  company: FinderCompany;
  measure: FinderMeasure;
}

/** One rule of a trace, flattened for pages and the API (depth gives the indentation). */
export interface FinderReason {
  ruleId: string;
  depth: number;
  description: string;
  citation: string;
  truth: 'met' | 'not-met' | 'unknown';
  decisive: boolean;
  open?: string;
  inputs: { fact: string; label: string; value: string | number | boolean | null }[];
  parameters: ParameterUse[];
}

export interface FinderAmountStep {
  text: string;
  citation: string;
  amountCents?: number;
  open: boolean;
}

export interface FinderAmount {
  status: 'computed' | 'need-info';
  amountCents: number;
  maxCents?: number;
  steps: FinderAmountStep[];
  missing: string[];
}

export type StateAidKind = 'de-minimis' | 'gber' | 'none' | 'relief';

export interface FinderEntry {
  kind: 'programme' | 'relief';
  /** Programme version id, or the relief instrument's id. */
  id: string;
  programmeId: string;
  title: string;
  eligibility: Eligibility;
  eligibilityLabel: string;
  /** A draft or proposal, not law (industrial price scheme). */
  draft: boolean;
  /** The rules that decided the result, then every rule of the tree. */
  decidingReasons: FinderReason[];
  reasons: FinderReason[];
  trace?: TraceNode;
  /** German questions still to answer. */
  missing: string[];
  amount: FinderAmount;
  stateAid: { kind: StateAidKind; label: string };
  fundingBody: string;
  legalBasis: string[];
  validFrom?: IsoDate;
  measures: { id: string; label: string }[];
  callOpen: boolean;
  callOpenFrom?: IsoDate;
  /** Last day applications are accepted, if published. */
  deadline?: IsoDate;
  /** Where to compute the entry in full (the electricity cost calculator). */
  link?: string;
  sources: string[];
  open: string[];
}

export interface FinderResult {
  date: IsoDate;
  entries: FinderEntry[];
  /** Entries assessed before the filters. */
  assessed: number;
  sme: { sizeClass: string; label: string; steps: string[] };
  notes: string[];
}
