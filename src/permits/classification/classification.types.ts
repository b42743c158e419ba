/**
 * Public types of the procedure finder (Verfahrensfinder) for onshore wind projects. Pure data:
 * the classifier explains every result with German reasons and § citations.
 */

export interface WindProjectInput {
  /** Integer ≥ 1; for the EIA the turbines of one windfarm count together (§ 2 Abs. 5 UVPG). */
  turbineCount: number;
  /** Total height of the tallest turbine in metres (> 0); 50 m is the BImSchG threshold. */
  maxTotalHeightM: number;
  /** Repowering within the meaning of § 16b BImSchG. */
  repowering: boolean;
  /** Acceleration area (§ 6a, § 6b WindBG, RED III). */
  inAccelerationArea: boolean;
  /** Designated wind energy area (§ 6 WindBG). */
  inWindEnergyArea: boolean;
  /** Result of a UVP-Vorprüfung if one was already done. */
  eiaScreeningOutcome: EiaScreeningOutcome;
  /** § 19 Abs. 3 BImSchG: the applicant asks for the formal procedure. */
  applicantRequestsFormal: boolean;
}

export type EiaScreeningOutcome = 'not-done' | 'eia-required' | 'no-eia';

export type PermitProcedure =
  'none' | 'simplified' | 'formal' | 'repowering-simplified' | 'repowering-formal';

export type EiaClass =
  'required' | 'general-screening' | 'site-screening' | 'none' | 'replaced-by-windbg';

export interface Reason {
  text: string;
  citations: string[];
}

export interface DeadlineInfo {
  /** ISO 8601 duration, e.g. 'P7M', 'P30D' (parseDuration of the deadline engine accepts it). */
  duration: string;
  /** German, e.g. '7 Monate'. */
  label: string;
  /** German text on whether and how the deadline can be extended. */
  extension?: string;
  citations: string[];
}

export interface Classification {
  procedure: PermitProcedure;
  procedureLabel: string;
  publicParticipation: boolean;
  eia: EiaClass;
  eiaLabel: string;
  /** Absent when no BImSchG procedure applies. */
  decisionDeadline?: DeadlineInfo;
  completenessDeadline?: DeadlineInfo;
  /** 1 month; no extension for renewables (§ 11 9. BImSchV, § 10 Abs. 5 BImSchG). */
  agencyStatementDeadline?: DeadlineInfo;
  /** Only in a WindBG area with a screening deadline (§ 6b WindBG: 45 days, 30 for repowering). */
  environmentalScreeningDeadline?: DeadlineInfo;
  /** Ordered explanation; every reason carries at least one citation. */
  reasons: Reason[];
  /** German hints, including points that need legal review. */
  notes: string[];
  ruleVersion: { key: string; title: string; validFrom: string };
}

export interface InputProblem {
  field: keyof WindProjectInput;
  /** German; names the field in German. */
  message: string;
}

export type ParseResult =
  { ok: true; value: WindProjectInput } | { ok: false; problems: InputProblem[] };
