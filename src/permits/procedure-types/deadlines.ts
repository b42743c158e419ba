/**
 * Deadline data shared by the formal (§ 10) and simplified (§ 19) BImSchG procedures.
 * Whether a deadline's end moves past weekends and holidays is decided per deadline, with its
 * reason; each decision is marked [open] until legal sign-off.
 */
import type { DeadlineDef, StartRule } from '../../procedures/engine/index.ts';
import { AUTHORITY_PERIOD_NO_SHIFT, cite } from './citations.ts';
import type { RuleSet } from './rule-sets.ts';

/** Events that end a procedure early, per type; every running deadline becomes moot. */
export type ClosingEvents = readonly string[];

/**
 * § 7 Abs. 1 S. 1, 2 9. BImSchV (July 2024): 1 month from receipt, once + 2 weeks.
 * § 10a Abs. 4 BImSchG (RED III, from 15.08.2025): 30 days inside an acceleration area,
 * 45 days outside — chosen by the fact 'inAccelerationArea'.
 * Shift: off — the authority's own period. [open]
 * Overrun: July 2024 says "in der Regel" (a soft target) → notice only; RED III sets a hard
 * maximum → escalation to the supervisory authority.
 */
export function completenessCheckDeadline(rules: RuleSet, closing: ClosingEvents): DeadlineDef {
  return {
    key: 'completeness-check',
    label: 'Prüfung der Vollständigkeit',
    duration: rules.red
      ? { kind: 'by-fact', fact: 'inAccelerationArea', ifTrue: 'P30D', ifFalse: 'P45D' }
      : { kind: 'fixed', duration: 'P1M' },
    counting: 'event',
    start: {
      kind: 'event',
      events: ['application-submitted'],
      occurrence: 'first',
      label: 'Eingang des Antrags und der Unterlagen',
      citation: rules.red ? cite.redCompleteness : cite.completenessCheck,
    },
    // Requesting the missing documents in time fulfils the duty as well as confirming.
    satisfiedBy: ['documents-requested', 'completeness-confirmed'],
    cancelledBy: closing,
    extensions: [
      {
        event: 'completeness-check-extended',
        duration: { kind: 'fixed', duration: 'P2W' },
        citation: cite.completenessExtension,
      },
    ],
    shiftPastNonWorkingDays: false,
    shiftCitation: AUTHORITY_PERIOD_NO_SHIFT,
    responsible: 'case_worker',
    ...(rules.red
      ? { effectOnExpiry: 'escalate' as const, escalateTo: 'supervisor' as const }
      : { effectOnExpiry: 'remind-only' as const }),
    citations: rules.red
      ? [cite.redCompleteness, cite.completenessCheck]
      : [cite.completenessCheck, cite.completenessExtension],
  };
}

/**
 * Period set by the case worker for missing documents, one per request (≤ 3 months, checked on
 * input). Shift: on — it is the applicant's period (§ 31 Abs. 3 VwVfG NRW); it does not apply
 * if the request named a fixed end date with reference to § 31 Abs. 3 S. 2. [open]
 * Overrun: the case worker is told; the application should then be rejected (§ 20 Abs. 2 S. 2).
 */
export function documentSubmissionDeadline(closing: ClosingEvents): DeadlineDef {
  return {
    key: 'document-submission',
    label: 'Ergänzung der Unterlagen',
    duration: { kind: 'from-event', field: 'period' },
    counting: 'event',
    start: {
      kind: 'event',
      events: ['documents-requested'],
      occurrence: 'first',
      label: 'Aufforderung zur Ergänzung der Unterlagen',
      citation: cite.documentRequest,
    },
    instances: { triggerField: 'requestId', matchField: 'requestId' },
    satisfiedBy: ['documents-submitted'],
    cancelledBy: closing,
    extensions: [],
    shiftPastNonWorkingDays: true,
    shiftCitation: cite.shift,
    responsible: 'applicant',
    effectOnExpiry: 'remind-only',
    citations: [cite.documentRequest, cite.missingDocumentsRejection],
  };
}

/**
 * Agency statements, one deadline per agency: 1 month; silence = no comment; the one-month
 * extension on request does not exist for renewable-energy installations (§ 10 Abs. 5 BImSchG,
 * § 11 9. BImSchV). Agencies are asked on the day completeness is confirmed or later.
 * Shift: on — silence has a legal consequence for the agency, so the protective reading of
 * § 31 Abs. 3 VwVfG NRW is used. [open]
 */
export function agencyStatementDeadline(closing: ClosingEvents): DeadlineDef {
  return {
    key: 'agency-statement',
    label: 'Stellungnahme der beteiligten Behörde',
    duration: { kind: 'fixed', duration: 'P1M' },
    counting: 'event',
    start: {
      kind: 'event',
      events: ['completeness-confirmed', 'agencies-asked'],
      occurrence: 'first',
      label: 'Aufforderung zur Stellungnahme',
      citation: cite.agencyStatement,
    },
    instances: { triggerField: 'agencies', matchField: 'agency' },
    satisfiedBy: ['agency-statement-recorded', 'agency-no-comment-recorded'],
    cancelledBy: closing,
    extensions: [],
    shiftPastNonWorkingDays: true,
    shiftCitation: cite.shift,
    responsible: 'agency_member',
    effectOnExpiry: 'no-comment',
    expiryAction: 'record-agency-no-comment',
    citations: [cite.agencyInvolvement, cite.agencyStatement],
  };
}

/**
 * § 7 Abs. 1 S. 4 9. BImSchV: the decision deadline starts when the check period ends, or —
 * if documents were requested within it — when the first requested documents arrive.
 * RED III (§ 10a Abs. 4 BImSchG): at the latest with the completeness confirmation.
 */
function decisionStart(rules: RuleSet): StartRule {
  const july2024: StartRule = {
    kind: 'if-event',
    event: 'documents-requested',
    withinDeadline: 'completeness-check',
    then: {
      kind: 'event',
      events: ['documents-submitted'],
      occurrence: 'first',
      label: 'Eingang der ersten nachgeforderten Unterlagen',
      citation: cite.decisionStart,
    },
    otherwise: {
      kind: 'deadline-end',
      deadline: 'completeness-check',
      label: 'Ende der Frist zur Vollständigkeitsprüfung',
      citation: cite.decisionStart,
    },
  };
  if (!rules.red) return july2024;
  const confirmation: StartRule = {
    kind: 'event',
    events: ['completeness-confirmed'],
    occurrence: 'first',
    label: 'Bestätigung der Vollständigkeit',
    citation: cite.redCompleteness,
  };
  return { kind: 'earliest', of: [july2024, confirmation] };
}

/**
 * § 10 Abs. 6a BImSchG: 7 months (formal) or 3 months (simplified); once + up to 3 months with
 * reasons, further only with the applicant's consent; overruns are reported to the supervisory
 * authority. Shift: off — the authority's own period. [open]
 * [open] § 10a Abs. 6 BImSchG (RED III): 6 months (simplified 3) for repowering, < 150 kW and
 * co-located storage in acceleration areas — needs a fact 'isRepowering'; not modelled yet.
 */
export function decisionDeadline(
  rules: RuleSet,
  procedure: {
    months: 7 | 3;
    citation: string;
    decidedBy: readonly string[];
    closing: ClosingEvents;
  },
): DeadlineDef {
  return {
    key: 'decision',
    label: 'Entscheidung über den Genehmigungsantrag',
    duration: { kind: 'fixed', duration: `P${procedure.months}M` },
    counting: 'event',
    start: decisionStart(rules),
    satisfiedBy: procedure.decidedBy,
    cancelledBy: procedure.closing,
    extensions: [
      {
        event: 'decision-deadline-extended',
        duration: { kind: 'from-event', field: 'duration' },
        citation: cite.decisionDeadline,
      },
    ],
    shiftPastNonWorkingDays: false,
    shiftCitation: AUTHORITY_PERIOD_NO_SHIFT,
    responsible: 'case_worker',
    effectOnExpiry: 'escalate',
    escalateTo: 'supervisor',
    citations: [cite.decisionDeadline, procedure.citation, cite.decisionStart],
  };
}
