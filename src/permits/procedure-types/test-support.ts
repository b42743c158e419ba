/**
 * Scenario helpers for the tests of the BImSchG procedure types: a path to every step and a
 * valid command for every action, so that tests can be generated from the type data and a new
 * transition without a scenario fails a test.
 */
import type { IsoDate } from '../../law/index.ts';
import {
  applyAction,
  computeCaseDeadlines,
  initialState,
  selectProcedureVersion,
} from '../../procedures/engine/index.ts';
import type {
  ApplyResult,
  CaseDeadline,
  CaseEvent,
  ProcedureState,
  ProcedureTypeVersion,
  Role,
} from '../../procedures/engine/index.ts';

export interface Case {
  readonly state: ProcedureState;
  readonly history: readonly CaseEvent[];
  /** Date of the last command; the next one is dated `gap` days later. */
  readonly today: IsoDate;
}

export interface Spec {
  readonly action: string;
  readonly role: Role;
  /** Input computed from the case, e.g. a completeness date that must follow the history. */
  readonly input?: (c: Case) => unknown;
  /** Days after the previous command; default 1. */
  readonly gap?: number;
  /** Kinds of signed letters; absent: the simulation keeps no letters (guard passes). */
  readonly signedLetters?: readonly string[];
  /** Individual deliveries the action would make; absent: not counted (guard passes). */
  readonly deliveryCount?: number;
}

export interface PathOptions {
  readonly inAccelerationArea?: boolean;
  /** The completeness confirmation also asks CONSENT_AGENCY for this consent. */
  readonly consent?: 'municipality' | 'aviation';
}

/** The agency asked for a consent in scenarios with `consent`. */
export const CONSENT_AGENCY = 'Gemeinde Beispielstadt';

import { PROCEDURE_TYPE_VERSIONS } from './index.ts';

export const AGENCIES = ['Untere Naturschutzbehörde', 'Bauaufsicht'] as const;

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const time = Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days);
  return new Date(time).toISOString().slice(0, 10);
}

/** A new case; the first command is dated 01.09.2025 (a Monday). */
export function newCase(type: ProcedureTypeVersion): Case {
  return { state: initialState(type), history: [], today: '2025-08-31' };
}

export function attempt(type: ProcedureTypeVersion, c: Case, spec: Spec): ApplyResult {
  const at = addDays(c.today, spec.gap ?? 1);
  return applyAction(type, c.state, {
    action: spec.action,
    role: spec.role,
    at,
    input: spec.input?.(c),
    signedLetters: spec.signedLetters,
    ...(spec.deliveryCount === undefined ? {} : { deliveryCount: spec.deliveryCount }),
  });
}

/** Applies specs in order; a failure is a broken scenario, so it throws with the message. */
export function play(type: ProcedureTypeVersion, specs: readonly Spec[], from?: Case): Case {
  let c = from ?? newCase(type);
  for (const spec of specs) {
    const at = addDays(c.today, spec.gap ?? 1);
    const result = attempt(type, c, spec);
    if (!result.ok) throw new Error(`${spec.action} (${at}): ${result.code}: ${result.message}`);
    const event = { type: result.event.type, at, data: result.event.data };
    c = { state: result.state, history: [...c.history, event], today: at };
  }
  return c;
}

const text = (value: Record<string, unknown>) => () => value;

/** Day the last requested documents arrived, else the day of submission (§ 7 Abs. 2). */
function completenessDate(c: Case): IsoDate | null {
  return c.state.documentRequests.reduce<IsoDate | null>(
    (latest, r) =>
      r.answeredAt !== null && (latest === null || r.answeredAt > latest) ? r.answeredAt : latest,
    c.state.submittedAt,
  );
}

export const spec = {
  submit: (type: ProcedureTypeVersion, options: PathOptions = {}): Spec => ({
    action: 'submit',
    role: 'applicant',
    input: text({
      facts: type.facts.some((f) => f.key === 'inAccelerationArea')
        ? { inAccelerationArea: options.inAccelerationArea ?? false }
        : {},
    }),
  }),
  confirmReceipt: { action: 'confirm-receipt', role: 'case_worker' } satisfies Spec,
  requestDocuments: (period = 'P1M', gap = 1): Spec => ({
    action: 'request-documents',
    role: 'case_worker',
    gap,
    input: text({ items: ['Schallimmissionsprognose'], period }),
  }),
  submitDocuments: (gap = 1): Spec => ({
    action: 'submit-documents',
    role: 'applicant',
    gap,
    input: text({ documents: ['schallprognose-v2.pdf'] }),
  }),
  extendCompletenessCheck: {
    action: 'extend-completeness-check',
    role: 'case_worker',
    input: text({ reason: 'Umfangreiche Fachgutachten' }),
  } satisfies Spec,
  confirmCompleteness: (gap = 1, consent?: PathOptions['consent']): Spec => ({
    action: 'confirm-completeness',
    role: 'case_worker',
    gap,
    input: (c) => ({
      completenessDate: completenessDate(c),
      agencies: consent ? [...AGENCIES, CONSENT_AGENCY] : [...AGENCIES],
      timetable: 'Entscheidung voraussichtlich im Dezember 2025',
      ...(consent ? { consents: { [CONSENT_AGENCY]: consent } } : {}),
    }),
  }),
  giveConsent: {
    action: 'give-consent',
    role: 'agency_member',
    input: text({ agency: CONSENT_AGENCY }),
  } satisfies Spec,
  refuseConsent: {
    action: 'refuse-consent',
    role: 'agency_member',
    input: text({
      agency: CONSENT_AGENCY,
      reasons: 'Der Standort widerspricht dem Flächennutzungsplan.',
    }),
  } satisfies Spec,
  replaceConsent: {
    action: 'replace-consent',
    role: 'case_worker',
    input: text({ agency: CONSENT_AGENCY, reasons: 'Der Flächennutzungsplan ist unwirksam.' }),
  } satisfies Spec,
  deemConsent: (gap: number): Spec => ({
    action: 'deem-consent-given',
    role: 'system',
    gap,
    input: text({ agency: CONSENT_AGENCY }),
  }),
  rejectIncomplete: (gap: number): Spec => ({
    action: 'reject-incomplete',
    role: 'case_worker',
    gap,
    input: text({ reasons: 'Die Schallimmissionsprognose wurde nicht vorgelegt.' }),
  }),
  askAgencies: {
    action: 'ask-agencies',
    role: 'case_worker',
    input: text({ agencies: ['Wasserbehörde'] }),
  } satisfies Spec,
  statement: (agency: string): Spec => ({
    action: 'record-agency-statement',
    role: 'agency_member',
    input: text({
      agency,
      verdict: 'no-objection',
      statement: 'Keine Bedenken bei Einhaltung der Auflagen.',
    }),
  }),
  noComment: (gap: number): Spec => ({
    action: 'record-agency-no-comment',
    role: 'system',
    gap,
    input: text({ agency: 'Bauaufsicht' }),
  }),
  extendDecision: (months = 3): Spec => ({
    action: 'extend-decision-deadline',
    role: 'case_worker',
    input: text({ months, reason: 'Artenschutzgutachten muss nachgebessert werden' }),
  }),
  consent: {
    action: 'record-applicant-consent',
    role: 'applicant',
    input: text({ statement: 'Ich stimme einer weiteren Verlängerung zu.' }),
  } satisfies Spec,
  prepareParticipation: { action: 'prepare-participation', role: 'case_worker' } satisfies Spec,
  completeAgencyInvolvement: {
    action: 'complete-agency-involvement',
    role: 'case_worker',
  } satisfies Spec,
  refuse: {
    action: 'refuse',
    role: 'case_worker',
    input: text({ reasons: 'Dem Vorhaben stehen Belange der Flugsicherung entgegen.' }),
  } satisfies Spec,
  decide: {
    action: 'decide',
    role: 'case_worker',
    input: text({
      outcome: 'granted',
      conditions: ['Abschaltung zum Schutz von Fledermäusen'],
      reasons: 'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor.',
    }),
  } satisfies Spec,
  deliver: { action: 'deliver-decision', role: 'case_worker' } satisfies Spec,
  /** Display starts 8 days after the notice; no EIA → objections until 2 weeks after it. */
  publishNotice: (lead = 8): Spec => ({
    action: 'publish-notice',
    role: 'case_worker',
    input: (c) => ({ displayStart: addDays(c.today, 1 + lead), eiaRequired: false }),
  }),
  /** The applicant asks for a hearing (§ 10 Abs. 6 BImSchG); received the day it is recorded. */
  requestHearing: {
    action: 'request-hearing',
    role: 'applicant',
    input: text({ note: 'Wir beantragen einen Erörterungstermin.' }),
  } satisfies Spec,
  /** Dated the day after the objection period. */
  skipHearing: {
    action: 'skip-hearing',
    role: 'case_worker',
    gap: 60,
    input: text({ reason: 'Kein Antrag der Antragstellerin auf Erörterung.' }),
  } satisfies Spec,
  scheduleHearing: {
    action: 'schedule-hearing',
    role: 'case_worker',
    gap: 60,
    input: (c: Case) => ({ format: 'in-person', date: addDays(c.today, 70), place: 'Rathaus' }),
  } satisfies Spec,
  recordHearing: {
    action: 'record-hearing',
    role: 'case_worker',
    gap: 10,
    input: text({ minutes: 'Die Einwendungen wurden erörtert.' }),
  } satisfies Spec,
  publishDecision: { action: 'publish-decision', role: 'case_worker' } satisfies Spec,
  closeProcedure: { action: 'close-procedure', role: 'system', gap: 20 } satisfies Spec,
  withdraw: {
    action: 'withdraw',
    role: 'applicant',
    input: text({ reason: 'Projekt wird nicht weiterverfolgt.' }),
  } satisfies Spec,
};

export function versionOn(key: string, onDate: IsoDate): ProcedureTypeVersion {
  const found = selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, key, onDate);
  if (!found) throw new Error(`no version of ${key} on ${onDate}`);
  return found;
}

export function findDeadline(
  c: Case,
  type: ProcedureTypeVersion,
  key: string,
  instance: string | null = null,
  asOf?: IsoDate,
): CaseDeadline | undefined {
  const all = computeCaseDeadlines(type, c.history, asOf);
  return all.find((d) => d.key === key && d.instance === instance);
}

/** Like findDeadline, but a missing deadline is a test failure. */
export function deadlineOf(
  c: Case,
  type: ProcedureTypeVersion,
  key: string,
  instance: string | null = null,
): CaseDeadline {
  const found = findDeadline(c, type, key, instance);
  if (!found) throw new Error(`deadline ${key}/${String(instance)} missing`);
  return found;
}
