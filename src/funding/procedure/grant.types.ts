/**
 * A funding application as the case layer stores it (`procedures.application`, the family's
 * `A`): the programme and measure, the project, the financing plan in integer cents, the company
 * figures as the profile stood at the time, and the finder's assessment attached. The queryable
 * figures (amounts, period, call) are repeated in `funding_cases`.
 */
import type { IsoDate } from '../../law/index.ts';

/** One cost category of the financing plan: the measure's eligible costs (FundingMeasure). */
export interface PlanCost {
  /** 'k1', 'k2', … in the order of the measure's eligibleCosts. */
  key: string;
  label: string;
  cents: number;
}

/** Aid from other bodies for the same project (cumulation, VV Nr. 1.3 zu § 44 LHO [open]). */
export interface OtherAid {
  source: string;
  cents: number;
}

export interface FinancingPlan {
  costs: PlanCost[];
  ownFundsCents: number;
  otherAid: OtherAid[];
}

/** What the finder said when the application was drafted (unbinding, shown to the body). */
export interface AttachedFinderResult {
  checkedOn: IsoDate;
  eligibility: 'eligible' | 'not-eligible' | 'need-info';
  estimateCents: number;
  deciding: string[];
  missing: string[];
}

/** The company as its profile stood when the application was drafted or submitted. */
export interface ApplicantSnapshot {
  name: string;
  profileVersion: number;
  validFrom: IsoDate;
  legalForm: string;
  seatAgs: string;
  seatName: string;
  naceCode: string;
  sizeClass: string;
  street: string;
  postcode: string;
  city: string;
}

export interface FundingApplication {
  programmeId: string;
  versionId: string;
  measureId: string;
  description: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  plan: FinancingPlan;
  requestedCents: number;
  /** Consultant days, for programmes with a day-rate cap. */
  consultantDays?: number;
  /** Quantity in the programme's unit, for a fixed amount per unit. */
  units?: number;
  applicant: ApplicantSnapshot;
  finder: AttachedFinderResult;
}

export function eligibleTotal(plan: FinancingPlan): number {
  return plan.costs.reduce((sum, c) => sum + c.cents, 0);
}

export function otherAidTotal(plan: FinancingPlan): number {
  return plan.otherAid.reduce((sum, a) => sum + a.cents, 0);
}

/** The funding gap the grant may fill: eligible costs minus own funds and other aid. */
export function fundingGap(plan: FinancingPlan): number {
  return Math.max(0, eligibleTotal(plan) - plan.ownFundsCents - otherAidTotal(plan));
}

/**
 * The case worker's proposal at the end of the assessment (data of the event
 * 'assessment-completed'): what the grant decision will say. The Zuwendungsbescheid is drafted
 * from it and signed off before the 'grant' step records it.
 */
export interface GrantProposal {
  /** Outcome the assessment recommends. */
  recommendation: 'grant' | 'refuse';
  eligibility: 'eligible' | 'not-eligible' | 'need-info';
  /** German sentences of the rules that decided (with citations), for reasons and refusals. */
  decidingRules: string[];
  eligibleCents: number;
  /** Funding rate in ppm of the eligible costs (Anteilfinanzierung). */
  ratePpm: number;
  /** The grant the rules compute before de-minimis and budget limits. */
  computedCents: number;
  /** The amount proposed: computed, reduced to the de-minimis headroom if needed. */
  grantCents: number;
  /** German steps of the computation (amount rule, de-minimis reduction, budget check). */
  steps: string[];
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** 'de-minimis' (certificate in the decision), 'gber' (article) or 'none'. */
  aidKind: 'de-minimis' | 'gber' | 'none';
  aidLabel: string;
  /** The de-minimis headroom on the assessment day, when the aid is de-minimis. */
  deMinimis?: {
    ceilingCents: number;
    usedCents: number;
    headroomCents: number;
    windowFrom: IsoDate;
  };
  /** Cost plausibility and reviewers' result in the case worker's words. */
  note: string;
}

/**
 * The check of the proof of use (data of the event 'proof-assessed'): the costs recognised per
 * category, the grant they carry at the granted rate, and what must be paid back.
 */
export interface ProofAssessment {
  recognised: {
    key: string;
    label: string;
    plannedCents: number;
    spentCents: number;
    recognisedCents: number;
  }[];
  recognisedTotalCents: number;
  /** Grant due: min(granted, recognised × rate). */
  dueCents: number;
  paidCents: number;
  /** paid − due when positive: the amount to be revoked and recovered. */
  recoveryCents: number;
  /** Interest from each payment's day to the day of assessment (§ 49a Abs. 3 VwVfG NRW). */
  interestCents: number;
  interestSteps: string[];
  findings: string[];
  note: string;
}
