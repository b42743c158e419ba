/**
 * The current state of one procedure as plain data: the step plus exactly the facts the guards
 * need. It is stored as JSON next to the audit log; the log stays the source of truth for
 * deadlines (computeCaseDeadlines reads the events, not this state).
 */
import type { IsoDate } from '../../law/index.ts';
import type { ConsentStatus, ProcedureTypeVersion } from './types.ts';

/** A request for missing documents (§ 7 Abs. 1 S. 3 9. BImSchV). */
export interface DocumentRequest {
  readonly id: string;
  readonly items: readonly string[];
  /** ISO duration set by the case worker, at most 3 months (§ 20 Abs. 2 9. BImSchV). */
  readonly period: string;
  readonly requestedAt: IsoDate;
  readonly answeredAt: IsoDate | null;
  readonly documents: readonly string[];
}

export type AgencyAnswer = 'pending' | 'statement' | 'no-comment';

/** A consent the agency owes (ConsentDef.key), requested with its involvement. */
export interface AgencyConsent {
  readonly kind: string;
  readonly status: ConsentStatus;
  readonly requestedAt: IsoDate;
  /** Day of the answer, the fiction or the replacement; null while requested. */
  readonly decidedAt: IsoDate | null;
}

/** One authority asked for a statement (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV). */
export interface AgencyInvolvement {
  readonly agency: string;
  readonly askedAt: IsoDate;
  readonly answer: AgencyAnswer;
  readonly answeredAt: IsoDate | null;
  /** Absent in states stored before consents existed, and for agencies that owe none. */
  readonly consent?: AgencyConsent | null;
}

export type DecisionOutcome = 'granted' | 'refused';

export interface DecisionRecord {
  readonly outcome: DecisionOutcome;
  /** Nebenbestimmungen (§ 12 BImSchG); empty for a refusal. */
  readonly conditions: readonly string[];
  readonly reasons: string;
  readonly decidedAt: IsoDate;
  readonly deliveredAt: IsoDate | null;
}

/** Public notice, display and objection period (§ 10 Abs. 3, 4 BImSchG, §§ 8–10 9. BImSchV). */
export interface ParticipationRecord {
  readonly noticeDate: IsoDate;
  readonly displayStart: IsoDate;
  readonly displayEnd: IsoDate;
  readonly objectionEnd: IsoDate;
  readonly eiaRequired: boolean;
}

/** The decision on the hearing (§ 10 Abs. 6 BImSchG, § 12 Abs. 1 9. BImSchV) and its minutes. */
export interface HearingRecord {
  readonly held: boolean;
  readonly decidedAt: IsoDate;
  readonly format: 'in-person' | 'online' | null;
  /** In person: the day of the hearing; online: the last day of the written comment period. */
  readonly date: IsoDate | null;
  readonly heldAt: IsoDate | null;
  /** Absent in states stored before the rule was recorded. */
  readonly reason?: string;
  readonly rule?: string;
}

/** The applicant's request for a hearing (§ 10 Abs. 6 BImSchG): the day it reached the authority. */
export interface HearingRequest {
  readonly receivedOn: IsoDate;
  readonly recordedAt: IsoDate;
}

/** Public notice of the decision instead of individual delivery (§ 10 Abs. 8 BImSchG). */
export interface DecisionPublication {
  readonly noticeDate: IsoDate;
  readonly displayStart: IsoDate;
  readonly displayEnd: IsoDate;
}

export type ClosureKind = 'withdrawn' | 'rejected' | 'refused';

export interface ProcedureState {
  readonly typeKey: string;
  readonly version: string;
  readonly step: string;
  /** Date of the last applied action; later actions may not be dated earlier. */
  readonly lastActionAt: IsoDate | null;
  readonly facts: Readonly<Record<string, boolean>>;
  readonly submittedAt: IsoDate | null;
  readonly documentRequests: readonly DocumentRequest[];
  /** § 7 Abs. 1 S. 2 9. BImSchV: the check period may be extended once. */
  readonly completenessCheckExtended: boolean;
  /** § 7 Abs. 2 9. BImSchV: completeness date and the timetable given to the applicant. */
  readonly completeness: { readonly date: IsoDate; readonly timetable: string } | null;
  readonly agencies: readonly AgencyInvolvement[];
  /** § 10 Abs. 6a BImSchG: number and total months of decision-deadline extensions. */
  readonly decisionExtensions: { readonly count: number; readonly totalMonths: number };
  /** Date of the applicant's consent to a further extension, until an extension uses it. */
  readonly applicantConsentAt: IsoDate | null;
  readonly decision: DecisionRecord | null;
  /** Absent in states stored before public participation existed: read with `?? null`. */
  readonly participation?: ParticipationRecord | null;
  readonly hearing?: HearingRecord | null;
  readonly hearingRequest?: HearingRequest | null;
  readonly decisionPublication?: DecisionPublication | null;
  readonly closure: {
    readonly kind: ClosureKind;
    readonly at: IsoDate;
    readonly reasons: string;
  } | null;
}

/** The state of a new procedure of this type version, before anything happened. */
export function initialState(type: ProcedureTypeVersion): ProcedureState {
  return {
    typeKey: type.key,
    version: type.version,
    step: type.initialStep,
    lastActionAt: null,
    facts: {},
    submittedAt: null,
    documentRequests: [],
    completenessCheckExtended: false,
    completeness: null,
    agencies: [],
    decisionExtensions: { count: 0, totalMonths: 0 },
    applicantConsentAt: null,
    decision: null,
    participation: null,
    hearing: null,
    decisionPublication: null,
    closure: null,
  };
}

export function openDocumentRequests(state: ProcedureState): DocumentRequest[] {
  return state.documentRequests.filter((request) => request.answeredAt === null);
}

export function pendingAgencies(state: ProcedureState): AgencyInvolvement[] {
  return state.agencies.filter((agency) => agency.answer === 'pending');
}

/** Consents that still stand in the way of a grant: requested, or refused and not replaced. */
export function unsettledConsents(state: ProcedureState): AgencyInvolvement[] {
  return state.agencies.filter(
    (agency) => agency.consent?.status === 'requested' || agency.consent?.status === 'refused',
  );
}
