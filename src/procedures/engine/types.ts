/**
 * Procedure types as versioned data (architecture invariant 4): a procedure type version lists its
 * steps, transitions, deadlines, required documents and citations; the engine interprets them.
 * Guards and effects are a closed vocabulary interpreted by the engine, so that a type version
 * stays plain, serialisable data that a lawyer can review next to its citations.
 */
import type { Counting, IsoDate } from '../../law/index.ts';

export const ROLES = ['applicant', 'case_worker', 'supervisor', 'agency_member', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** 'boundary' marks where the implemented procedure ends for now; it is not terminal. */
export type StepKind = 'initial' | 'active' | 'boundary' | 'terminal';

export interface StepDef {
  readonly key: string;
  /** German, shown to users. */
  readonly label: string;
  readonly kind: StepKind;
  readonly citations: readonly string[];
  /** German explanation, e.g. what follows after a boundary step. */
  readonly note?: string;
}

/** A yes/no fact about the procedure that rules depend on, e.g. 'inAccelerationArea'. */
export interface FactDef {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  readonly citations: readonly string[];
}

/** What an action does to the state; each kind has its own input (see README.md). */
export type Effect =
  | { readonly kind: 'submit-application' }
  | { readonly kind: 'confirm-receipt' }
  | { readonly kind: 'request-documents'; readonly maxPeriod: string; readonly citation: string }
  | { readonly kind: 'submit-documents' }
  | { readonly kind: 'extend-completeness-check' }
  | { readonly kind: 'confirm-completeness' }
  | { readonly kind: 'ask-agencies' }
  | { readonly kind: 'record-agency-statement' }
  | { readonly kind: 'record-agency-no-comment' }
  /** Consents of agencies (see ConsentDef): the agency's answer, its replacement, the fiction. */
  | { readonly kind: 'give-consent' }
  | { readonly kind: 'refuse-consent' }
  | { readonly kind: 'replace-consent' }
  | { readonly kind: 'deem-consent-given' }
  | { readonly kind: 'close-step' }
  | {
      readonly kind: 'extend-decision-deadline';
      readonly maxMonths: number;
      /** Extensions allowed without the applicant's consent; later ones consume the consent. */
      readonly freeExtensions: number;
      readonly citation: string;
    }
  | { readonly kind: 'record-applicant-consent' }
  | { readonly kind: 'decide' }
  | { readonly kind: 'deliver-decision' }
  | { readonly kind: 'publish-notice'; readonly minDaysBeforeDisplay: number }
  | { readonly kind: 'request-hearing' }
  | { readonly kind: 'skip-hearing'; readonly rule: HearingRule }
  | {
      readonly kind: 'schedule-hearing';
      readonly minWrittenPeriodDays: number;
      readonly rule: HearingRule;
    }
  | { readonly kind: 'record-hearing' }
  | { readonly kind: 'publish-decision' }
  | { readonly kind: 'deem-delivered' }
  | { readonly kind: 'withdraw' }
  | { readonly kind: 'reject-incomplete' }
  | { readonly kind: 'refuse' };
export type EffectKind = Effect['kind'];

/**
 * The rule under which the authority decides whether a hearing takes place, recorded with the
 * decision and phrased in the hearing notice: discretionary (§ 10 Abs. 6 BImSchG), or for onshore
 * wind only on the applicant's request (§ 10 Abs. 6 BImSchG as amended in July 2024). [open]
 */
export interface HearingRule {
  readonly key: 'discretionary' | 'on-request';
  /** German sentence shown on the hearing page and in the notice. */
  readonly label: string;
  readonly citation: string;
}

export type GuardCheck =
  | { readonly kind: 'no-open-document-requests' }
  | { readonly kind: 'completeness-extension-unused' }
  | { readonly kind: 'fact-is'; readonly fact: string; readonly value: boolean }
  | { readonly kind: 'decision-extension-allowed'; readonly freeExtensions: number }
  | { readonly kind: 'applicant-consent-not-pending' }
  | { readonly kind: 'all-agencies-answered' }
  /** Needs input.agency and the action date; the deadline key names the agency deadline. */
  | { readonly kind: 'agency-deadline-expired'; readonly deadline: string }
  /** Needs the action date: some unanswered document request is past its period. */
  | { readonly kind: 'document-request-overdue'; readonly deadline: string }
  /** Whether the applicant's request for a hearing is recorded (§ 10 Abs. 6 BImSchG). */
  | { readonly kind: 'hearing-requested'; readonly value: boolean }
  /** Needs the action date: a date recorded in the state has passed (the day itself counts). */
  | { readonly kind: 'date-passed'; readonly date: StateDate; readonly inclusive: boolean }
  /**
   * A letter of this kind is signed off by a second person (letters engine); with `ifRefused`,
   * that kind instead when the recorded decision refuses. Needs the command's signedLetters.
   */
  | { readonly kind: 'letter-signed'; readonly letter: string; readonly ifRefused?: string }
  /**
   * At most `max` individual deliveries are to be made (e.g. of the decision to the objectors);
   * beyond that a public notice replaces them. Needs the command's deliveryCount.
   */
  | { readonly kind: 'deliveries-at-most'; readonly max: number }
  /**
   * The consent of the agency named in the input (without one: of any agency) has this status;
   * with `replaceable`, only consents whose ConsentDef allows a replacement count.
   */
  | {
      readonly kind: 'consent-is';
      readonly status: ConsentStatus;
      readonly replaceable?: boolean;
    }
  /** Needs input.agency and the action date: the period of that agency's consent has ended. */
  | { readonly kind: 'consent-deadline-expired' }
  /** No consent is still requested, or refused without being replaced. */
  | { readonly kind: 'consents-settled' };

export type ConsentStatus = 'requested' | 'given' | 'refused' | 'deemed-given' | 'replaced';

/** Dates in the state that guards may wait for. */
export type StateDate = 'objectionEnd' | 'hearingDate' | 'decisionDisplayEnd';

export interface Guard {
  readonly check: GuardCheck;
  /** German message shown when the guard fails; cites the rule. */
  readonly message: string;
  /**
   * The guard binds only one variant of the action, chosen by an input field (e.g. the grant,
   * not the refusal, of a decision). Buttons stay available; the blocked variant is listed with
   * `label`; applyAction checks the guard when the input chooses that variant.
   */
  readonly onlyIf?: { readonly field: string; readonly value: string; readonly label: string };
}

export interface TransitionDef {
  readonly action: string;
  /** German button label. */
  readonly label: string;
  readonly from: readonly string[];
  /** null: the step stays the same (e.g. recording a statement). */
  readonly to: string | null;
  readonly roles: readonly Role[];
  readonly guards: readonly Guard[];
  readonly effect: Effect;
  /** Type of the audit event the action produces; deadlines refer to it. */
  readonly event: string;
  readonly citations: readonly string[];
}

export type DurationSpec =
  | { readonly kind: 'fixed'; readonly duration: string }
  | {
      readonly kind: 'by-fact';
      readonly fact: string;
      readonly ifTrue: string;
      readonly ifFalse: string;
    }
  /** An ISO duration stored in the trigger event's data, e.g. a period set by the case worker. */
  | { readonly kind: 'from-event'; readonly field: string };

/** When a deadline starts; resolved against the case history. */
export type StartRule =
  | {
      readonly kind: 'event';
      readonly events: readonly string[];
      readonly occurrence: 'first' | 'last';
      /** German, e.g. 'Eingang des Antrags'. */
      readonly label: string;
      readonly citation: string;
    }
  | {
      readonly kind: 'deadline-end';
      readonly deadline: string;
      readonly label: string;
      readonly citation: string;
    }
  | {
      readonly kind: 'if-event';
      readonly event: string;
      /** The event counts only if it happened no later than the end of this deadline. */
      readonly withinDeadline?: string;
      readonly then: StartRule;
      readonly otherwise: StartRule;
    }
  | { readonly kind: 'earliest'; readonly of: readonly StartRule[] }
  /** A date stored in the (last) trigger event's data, e.g. the first day of the display. */
  | {
      readonly kind: 'event-date';
      readonly event: string;
      readonly field: string;
      readonly label: string;
      readonly citation: string;
    };

/** A deadline that exists once per value, e.g. per agency asked or per document request. */
export interface DeadlineInstances {
  /** Field of the trigger event's data: a string or a list of strings, one instance each. */
  readonly triggerField: string;
  /** Field of satisfying events' data naming the instance. */
  readonly matchField: string;
}

export interface ExtensionRule {
  readonly event: string;
  readonly duration: DurationSpec;
  readonly citation: string;
}

/**
 * 'no-comment': silence of an agency counts as no comment (§ 10 Abs. 5 S. 2 BImSchG).
 * 'none': a period, not a task (e.g. the display): it simply ends, nobody is reminded or warned.
 * 'auto-action': the watcher applies `expiryAction` as 'system' once the period has ended.
 * 'deemed-consent': silence counts as consent (e.g. § 36 Abs. 2 S. 2 BauGB); the watcher applies
 * `expiryAction` as 'system' for the instance, like 'no-comment'.
 */
export type ExpiryEffect =
  'remind-only' | 'escalate' | 'no-comment' | 'none' | 'auto-action' | 'deemed-consent';

export interface DeadlineDef {
  readonly key: string;
  readonly label: string;
  readonly duration: DurationSpec;
  readonly counting: Counting;
  readonly start: StartRule;
  readonly instances?: DeadlineInstances;
  readonly satisfiedBy: readonly string[];
  readonly cancelledBy: readonly string[];
  readonly extensions: readonly ExtensionRule[];
  /** § 31 Abs. 3 VwVfG NRW on or off for this deadline, with the reason as citation. */
  readonly shiftPastNonWorkingDays: boolean;
  readonly shiftCitation: string;
  readonly responsible: Role;
  readonly effectOnExpiry: ExpiryEffect;
  /** Who is told on overrun when effectOnExpiry is 'escalate'. */
  readonly escalateTo?: Role;
  /** Action the watcher takes as 'system' on expiry ('no-comment' or 'auto-action'). */
  readonly expiryAction?: string;
  readonly citations: readonly string[];
}

export interface RequiredDocumentDef {
  readonly key: string;
  readonly label: string;
  readonly citations: readonly string[];
}

/**
 * A consent (Einvernehmen, Zustimmung) another authority must give before a permit may be
 * granted, requested together with its involvement. The caller names which asked agency owes
 * which consent (input `consents`); the period runs in the per-agency deadline `deadline`, whose
 * instances' trigger field lists the agencies asked for this consent.
 */
export interface ConsentDef {
  readonly key: string;
  /** German, e.g. 'Einvernehmen der Gemeinde'. */
  readonly label: string;
  readonly deadline: string;
  /** Whether the permit authority may replace a refusal (e.g. § 36 Abs. 2 S. 3 BauGB). */
  readonly replaceable: boolean;
  readonly citations: readonly string[];
}

export interface ProcedureTypeVersion {
  readonly key: string;
  readonly version: string;
  /** First day these rules apply ("Rechtsstand"). */
  readonly validFrom: IsoDate;
  readonly title: string;
  readonly citations: readonly string[];
  readonly facts: readonly FactDef[];
  readonly steps: readonly StepDef[];
  readonly initialStep: string;
  readonly transitions: readonly TransitionDef[];
  readonly deadlines: readonly DeadlineDef[];
  readonly requiredDocuments: readonly RequiredDocumentDef[];
  /** Consents agencies may owe in this type; absent: none. */
  readonly consents?: readonly ConsentDef[];
}

/** One audit event as stored; `data` comes from JSON, so readers check its fields. */
export interface CaseEvent {
  readonly type: string;
  readonly at: IsoDate;
  readonly data: Readonly<Record<string, unknown>>;
}
