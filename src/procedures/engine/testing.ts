/**
 * A small procedure type for the engine's own tests: it exercises every start rule, instance
 * deadlines, extensions and each expiry effect without depending on a real procedure type.
 * Also usable by other features' tests as a minimal example (see README.md).
 */
import { applyAction } from './actions.ts';
import type { ActionCommand } from './actions.ts';
import { initialState } from './state.ts';
import type { ProcedureState } from './state.ts';
import type {
  CaseEvent,
  Effect,
  Guard,
  ProcedureTypeVersion,
  Role,
  TransitionDef,
} from './types.ts';

function transition(
  action: string,
  label: string,
  from: string[],
  to: string | null,
  roles: Role[],
  event: string,
  effect: Effect,
  guards: Guard[] = [],
): TransitionDef {
  return { action, label, from, to, roles, guards, effect, event, citations: [] };
}

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
    transition('submit', 'Einreichen', ['start'], 'open', ['applicant'], 'submitted', {
      kind: 'submit-application',
    }),
    transition('ask', 'Behörde fragen', ['open'], null, ['case_worker'], 'asked', {
      kind: 'ask-agencies',
    }),
    transition('answer', 'Antworten', ['open'], null, ['agency_member'], 'answered', {
      kind: 'record-agency-statement',
    }),
    transition(
      'silence',
      'Schweigen feststellen',
      ['open'],
      null,
      ['system'],
      'silent',
      { kind: 'record-agency-no-comment' },
      [{ check: { kind: 'agency-deadline-expired', deadline: 'reply' }, message: 'Noch nicht.' }],
    ),
    transition(
      'extend',
      'Verlängern',
      ['open'],
      null,
      ['case_worker'],
      'extended',
      { kind: 'extend-decision-deadline', maxMonths: 3, freeExtensions: 1, citation: '§ 2' },
      [
        {
          check: { kind: 'decision-extension-allowed', freeExtensions: 1 },
          message: 'Nur mit Zustimmung.',
        },
      ],
    ),
    transition(
      'consent',
      'Zustimmen',
      ['open'],
      null,
      ['applicant'],
      'consented',
      { kind: 'record-applicant-consent' },
      [{ check: { kind: 'applicant-consent-not-pending' }, message: 'Liegt schon vor.' }],
    ),
    transition(
      'finish',
      'Abschließen',
      ['open'],
      'done',
      ['case_worker', 'supervisor'],
      'finished',
      { kind: 'close-step' },
      [{ check: { kind: 'all-agencies-answered' }, message: 'Antworten fehlen.' }],
    ),
    transition('withdraw', 'Zurücknehmen', ['start', 'open'], 'gone', ['applicant'], 'withdrawn', {
      kind: 'withdraw',
    }),
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
