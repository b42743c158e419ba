/**
 * Shape of one version of the legal rules ("Rechtsstand"). The law changed in July 2024 and
 * again with the RED III act in 2025; each version is plain data with its citations, so a lawyer
 * can review a version in one place and a new amendment is a new entry, not new if-statements.
 */

/** A deadline as the statute states it; the label is derived from the ISO duration. */
export interface DeadlineRule {
  /** ISO 8601 duration, e.g. 'P1M', 'P45D'. */
  readonly duration: string;
  /** German text on the extension (also when none is allowed); absent when the statute is silent. */
  readonly extension?: string;
  readonly citations: readonly string[];
  /** German legal-review hint shown whenever this deadline is used ([open] points). */
  readonly reviewNote?: string;
}

/** A statement with its citations, used for reasons that come straight from the data. */
export interface CitedText {
  readonly text: string;
  readonly citations: readonly string[];
}

/** EIA class by windfarm size (UVPG Anlage 1 Nr. 1.6); bands are ordered by minTurbines, descending. */
export interface EiaBand {
  /** Inclusive lower bound of the band. */
  readonly minTurbines: number;
  readonly eia: 'required' | 'general-screening' | 'site-screening' | 'none';
  readonly reason: CitedText;
}

export type WindBgArea = 'acceleration-area' | 'wind-energy-area';

/** A WindBG regime that replaces the EIA (§ 6 WindBG, § 6b WindBG). */
export interface WindBgRule {
  readonly key: string;
  /** Short German name, e.g. '§ 6b WindBG'. */
  readonly title: string;
  /** German EIA label while the regime applies. */
  readonly eiaLabel: string;
  /** Areas in which the regime applies; the first matching rule of a version wins. */
  readonly areas: readonly WindBgArea[];
  /** Last filing day (inclusive) for which the regime still applies, if limited. */
  readonly applicationsFiledUntil?: string;
  /** Deadline of the environmental screening that replaces the EIA, if any. */
  readonly screening?: { readonly standard: DeadlineRule; readonly repowering: DeadlineRule };
  readonly reason: CitedText;
  /** German hints shown whenever the regime applies (payments, conditions). */
  readonly notes: readonly string[];
  /** German hint shown when the site is in the area but the filing window has closed. */
  readonly expiredNote?: string;
}

/** A German hint that applies from a given date within the version (e.g. electronic-only). */
export interface DatedNote {
  readonly from?: string;
  readonly text: string;
  /** Shown instead of text before `from`. */
  readonly before?: string;
}

export interface RuleVersion {
  readonly key: string;
  readonly title: string;
  /** First day (YYYY-MM-DD) on which the version applies. */
  readonly validFrom: string;
  /** The amending act; cited in the reason that names the Rechtsstand. */
  readonly source: readonly string[];
  /** Turbines up to this total height need no BImSchG permit (4. BImSchV Anhang 1 Nr. 1.6). */
  readonly permitHeightThresholdM: number;
  /** From this number of turbines the formal procedure applies (4. BImSchV Anhang 1 Nr. 1.6.1). */
  readonly formalMinTurbines: number;
  /** § 16b BImSchG: repowering uses the simplified procedure up to this number of turbines. */
  readonly repoweringSimplifiedMaxTurbines: number;
  readonly eiaBands: readonly EiaBand[];
  readonly decision: {
    readonly formal: DeadlineRule;
    readonly simplified: DeadlineRule;
    readonly repoweringFormal: DeadlineRule;
    readonly repoweringSimplified: DeadlineRule;
    /** Overrides `formal` for new turbines inside an acceleration area, if the version says so. */
    readonly formalInAccelerationArea?: DeadlineRule;
    /** When the decision deadline starts to run. */
    readonly start: CitedText;
  };
  readonly completeness: {
    readonly insideAccelerationArea: DeadlineRule;
    readonly outsideAccelerationArea: DeadlineRule;
  };
  readonly agencyStatement: DeadlineRule;
  readonly windBg: readonly WindBgRule[];
  readonly notes: readonly DatedNote[];
  /** German hints for the formal procedure (publication, objections, hearing). */
  readonly formalNotes: readonly string[];
  /** German hints for repowering (§ 16b BImSchG). */
  readonly repoweringNotes: readonly string[];
}
