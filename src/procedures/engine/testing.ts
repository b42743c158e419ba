/**
 * A small procedure type for the engine's own tests: it exercises every start rule, instance
 * deadlines, extensions and each expiry effect without depending on a real procedure type.
 * Also usable by other features' tests as a minimal example (see README.md).
 */
import { applyAction } from './actions.ts';
import type { ActionCommand } from './actions.ts';
import { initialState } from './state.ts';
import type { ProcedureState } from './state.ts';
import type { CaseEvent, ProcedureTypeVersion } from './types.ts';

export const SAMPLE_TYPE: ProcedureTypeVersion = {
  key: 'sample',
  version: '1',
  validFrom: '2026-01-01',
  title: 'Beispielverfahren',
  citations: ['§ 1 Beispielgesetz'],
  facts: [{ key: 'fast', label: 'Eilverfahren?', required: false, citations: [] }],
  steps: [
    { key: 'start', label: 'Entwurf', kind: 'initial', citations: [] },
    { key: 'open', label: 'In Bearbeitung', kind: 'active', citations: [] },
    { key: 'done', label: 'Erledigt', kind: 'terminal', citations: [] },
    { key: 'gone', label: 'Zurückgenommen', kind: 'terminal', citations: [] },
  ],
  initialStep: 'start',
  transitions: [
    {
      action: 'submit',
      label: 'Einreichen',
      from: ['start'],
      to: 'open',
      roles: ['applicant'],
      guards: [],
      effect: { kind: 'submit-application' },
      event: 'submitted',
      citations: [],
    },
    {
      action: 'ask',
      label: 'Behörde fragen',
      from: ['open'],
      to: null,
      roles: ['case_worker'],
      guards: [],
      effect: { kind: 'ask-agencies' },
      event: 'asked',
      citations: [],
    },
    {
      action: 'answer',
      label: 'Antworten',
      from: ['open'],
      to: null,
      roles: ['agency_member'],
      guards: [],
      effect: { kind: 'record-agency-statement' },
      event: 'answered',
      citations: [],
    },
    {
      action: 'silence',
      label: 'Schweigen feststellen',
      from: ['open'],
      to: null,
      roles: ['system'],
      guards: [
        { check: { kind: 'agency-deadline-expired', deadline: 'reply' }, message: 'Noch nicht.' },
      ],
      effect: { kind: 'record-agency-no-comment' },
      event: 'silent',
      citations: [],
    },
    {
      action: 'extend',
      label: 'Verlängern',
      from: ['open'],
      to: null,
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'decision-extension-allowed', freeExtensions: 1 },
          message: 'Nur mit Zustimmung.',
        },
      ],
      effect: {
        kind: 'extend-decision-deadline',
        maxMonths: 3,
        freeExtensions: 1,
        citation: '§ 2',
      },
      event: 'extended',
      citations: [],
    },
    {
      action: 'consent',
      label: 'Zustimmen',
      from: ['open'],
      to: null,
      roles: ['applicant'],
      guards: [{ check: { kind: 'applicant-consent-not-pending' }, message: 'Liegt schon vor.' }],
      effect: { kind: 'record-applicant-consent' },
      event: 'consented',
      citations: [],
    },
    {
      action: 'finish',
      label: 'Abschließen',
      from: ['open'],
      to: 'done',
      roles: ['case_worker', 'supervisor'],
      guards: [{ check: { kind: 'all-agencies-answered' }, message: 'Antworten fehlen.' }],
      effect: { kind: 'close-step' },
      event: 'finished',
      citations: [],
    },
    {
      action: 'withdraw',
      label: 'Zurücknehmen',
      from: ['start', 'open'],
      to: 'gone',
      roles: ['applicant'],
      guards: [],
      effect: { kind: 'withdraw' },
      event: 'withdrawn',
      citations: [],
    },
  ],
  deadlines: [
    {
      key: 'intake',
      label: 'Eingangsprüfung',
      duration: { kind: 'by-fact', fact: 'fast', ifTrue: 'P10D', ifFalse: 'P1M' },
      counting: 'event',
      start: {
        kind: 'event',
        events: ['submitted'],
        occurrence: 'first',
        label: 'Eingang',
        citation: '§ 3',
      },
      satisfiedBy: ['finished'],
      cancelledBy: ['withdrawn'],
      extensions: [],
      shiftPastNonWorkingDays: false,
      shiftCitation: 'Handlungsfrist der Behörde',
      responsible: 'case_worker',
      effectOnExpiry: 'escalate',
      escalateTo: 'supervisor',
      citations: ['§ 3'],
    },
    {
      key: 'reply',
      label: 'Antwort',
      duration: { kind: 'fixed', duration: 'P1M' },
      counting: 'event',
      start: {
        kind: 'event',
        events: ['asked'],
        occurrence: 'first',
        label: 'Anfrage',
        citation: '§ 4',
      },
      instances: { triggerField: 'agencies', matchField: 'agency' },
      satisfiedBy: ['answered', 'silent'],
      cancelledBy: ['withdrawn'],
      extensions: [],
      shiftPastNonWorkingDays: true,
      shiftCitation: '§ 31 Abs. 3 VwVfG NRW',
      responsible: 'agency_member',
      effectOnExpiry: 'no-comment',
      expiryAction: 'silence',
      citations: ['§ 4'],
    },
    {
      key: 'overall',
      label: 'Gesamtfrist',
      duration: { kind: 'fixed', duration: 'P2M' },
      counting: 'event',
      start: {
        kind: 'if-event',
        event: 'asked',
        withinDeadline: 'intake',
        then: {
          kind: 'event',
          events: ['asked'],
          occurrence: 'first',
          label: 'Anfrage',
          citation: '§ 5',
        },
        otherwise: {
          kind: 'deadline-end',
          deadline: 'intake',
          label: 'Ende der Eingangsprüfung',
          citation: '§ 5',
        },
      },
      satisfiedBy: ['finished'],
      cancelledBy: ['withdrawn'],
      extensions: [
        { event: 'extended', duration: { kind: 'from-event', field: 'duration' }, citation: '§ 6' },
      ],
      shiftPastNonWorkingDays: false,
      shiftCitation: 'Handlungsfrist der Behörde',
      responsible: 'case_worker',
      effectOnExpiry: 'escalate',
      escalateTo: 'supervisor',
      citations: ['§ 5'],
    },
    {
      key: 'latest',
      label: 'Spätestfrist',
      duration: { kind: 'fixed', duration: 'P1M' },
      counting: 'event',
      start: {
        kind: 'earliest',
        of: [
          {
            kind: 'deadline-end',
            deadline: 'intake',
            label: 'Ende der Eingangsprüfung',
            citation: '§ 7',
          },
          {
            kind: 'event',
            events: ['consented'],
            occurrence: 'last',
            label: 'Zustimmung',
            citation: '§ 7',
          },
        ],
      },
      satisfiedBy: [],
      cancelledBy: ['withdrawn'],
      extensions: [],
      shiftPastNonWorkingDays: true,
      shiftCitation: '§ 31 Abs. 3 VwVfG NRW',
      responsible: 'applicant',
      effectOnExpiry: 'remind-only',
      citations: ['§ 7'],
    },
  ],
  requiredDocuments: [{ key: 'form', label: 'Formular', citations: ['§ 8'] }],
};

export interface SampleCase {
  readonly state: ProcedureState;
  readonly history: readonly CaseEvent[];
}

/** Applies commands in order; a failing command is a bug in the test, so it throws. */
export function runCommands(
  type: ProcedureTypeVersion,
  commands: readonly ActionCommand[],
  from?: SampleCase,
): SampleCase {
  let current: SampleCase = from ?? { state: initialState(type), history: [] };
  for (const command of commands) {
    const result = applyAction(type, current.state, command);
    if (!result.ok) throw new Error(`${command.action}: ${result.code}: ${result.message}`);
    const event = { type: result.event.type, at: command.at, data: result.event.data };
    current = { state: result.state, history: [...current.history, event] };
  }
  return current;
}
