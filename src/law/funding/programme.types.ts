import type { IsoDate } from '../calendar-date.ts';
import type { Rule } from '../rules/index.ts';

/** Re-exported so the programme data files need only this module. */
export type { Rule };

/**
 * One version of a funding programme as data: who may apply, for what, how much, under which
 * state-aid rule. A new guideline is a new version with its own validFrom, never an edit.
 */

/** The state-aid basis decides cumulation and reporting duties (de-minimis register, Art. 9 GBER). */
export type StateAidBasis =
  | {
      readonly kind: 'de-minimis';
      /** 'Verordnung (EU) 2023/2831'. */
      readonly regulation: string;
      /** Ceiling per single undertaking over three years, in cents (Art. 3 (2)). */
      readonly ceilingCents: number;
      readonly periodYears: number;
    }
  | { readonly kind: 'gber'; /** e.g. 'Art. 49 AGVO'. */ readonly article: string }
  | { readonly kind: 'none'; readonly reason: string };

/** A funding rate that applies when `when` holds; the first applicable tier wins. */
export interface RateTier {
  readonly when?: Rule;
  readonly label: string;
  readonly ratePpm: number;
}

/** A fixed amount per unit (m², drilling metre) that applies when `when` holds. */
export interface UnitTier {
  readonly when?: Rule;
  readonly label: string;
  readonly perUnitCents: number;
  readonly maxCents: number;
}

export type AmountRule =
  | {
      /** Share of eligible costs (Anteilfinanzierung), capped. */
      readonly kind: 'share-of-costs';
      readonly tiers: readonly RateTier[];
      readonly maxCents: number;
      /** Cap on eligible consultancy costs per consultant and day, if the guideline sets one. */
      readonly dayRateCapCents?: number;
      /** Grants below this amount are not made (Bagatellgrenze). */
      readonly minGrantCents?: number;
      readonly citation: string;
    }
  | {
      /** Fixed amount per unit (Festbetrag), capped per project. */
      readonly kind: 'per-unit';
      readonly unit: string;
      readonly tiers: readonly UnitTier[];
      readonly minGrantCents?: number;
      readonly citation: string;
    }
  | {
      /** Fixed amount per completed training day and employee, capped per employee. */
      readonly kind: 'per-person-day';
      readonly perDayCents: number;
      readonly capPerPersonCents: number;
      readonly citation: string;
    };

export interface FundingMeasure {
  readonly id: string;
  readonly label: string;
  /** German list of what counts as eligible cost. */
  readonly eligibleCosts: readonly string[];
}

export interface FundingProgrammeVersion {
  readonly programmeId: string;
  readonly versionId: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly fundingBody: string;
  readonly legalBasis: readonly string[];
  /** First day this version of the terms applies. */
  readonly validFrom: IsoDate;
  /** Applications accepted from / until (inclusive); undefined: no published limit. */
  readonly callOpenFrom?: IsoDate;
  readonly callOpenUntil?: IsoDate;
  /** German description of the eligible applicants. */
  readonly applicants: string;
  /** The eligibility conditions as one rule tree. */
  readonly eligibility: Rule;
  readonly measures: readonly FundingMeasure[];
  readonly amount: AmountRule;
  readonly stateAid: StateAidBasis;
  /** Programmes or funding that may not be combined for the same measure. */
  readonly nonCombinable: readonly string[];
  readonly requiredDocuments: readonly string[];
  /** Where each figure comes from; researched secondary sources are marked as such. */
  readonly sources: readonly string[];
  /** Points that still need legal sign-off. */
  readonly open: readonly string[];
}
