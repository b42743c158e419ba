/**
 * Periods of the public part of the formal procedure. They are periods, not tasks: nobody is
 * reminded and nothing escalates when they end (effectOnExpiry 'none'), except the display of
 * the decision, whose end closes the case by itself (§ 10 Abs. 8 S. 5 BImSchG: deemed delivered).
 */
import type { DeadlineDef } from '../../procedures/engine/index.ts';
import { AUTHORITY_PERIOD_NO_SHIFT, cite } from './citations.ts';
import type { ClosingEvents } from './deadlines.ts';

/**
 * Display for one month from the first day given in the notice; the first day counts
 * (§ 187 Abs. 2 BGB). Shift: off — the display is the authority's act; a display ending on a
 * Sunday is not prolonged. [open]
 */
export function displayPeriod(closing: ClosingEvents): DeadlineDef {
  return {
    key: 'display',
    label: 'Auslegung der Antragsunterlagen',
    duration: { kind: 'fixed', duration: 'P1M' },
    counting: 'day-start',
    start: {
      kind: 'event-date',
      event: 'notice-published',
      field: 'displayStart',
      label: 'erster Tag der Auslegung laut Bekanntmachung',
      citation: cite.display,
    },
    satisfiedBy: [],
    cancelledBy: closing,
    extensions: [],
    shiftPastNonWorkingDays: false,
    shiftCitation: AUTHORITY_PERIOD_NO_SHIFT,
    responsible: 'case_worker',
    effectOnExpiry: 'none',
    citations: [cite.display, cite.notice],
  };
}

/**
 * Objections until two weeks after the display ends; one month for EIA projects (and IED
 * installations, which wind turbines are not). Shift: on — it is the public's period, and
 * § 31 Abs. 3 VwVfG NRW protects whoever must act within it. [open]
 */
export function objectionPeriod(closing: ClosingEvents): DeadlineDef {
  return {
    key: 'objection-period',
    label: 'Einwendungsfrist',
    duration: { kind: 'by-fact', fact: 'eiaRequired', ifTrue: 'P1M', ifFalse: 'P2W' },
    counting: 'event',
    start: {
      kind: 'deadline-end',
      deadline: 'display',
      label: 'Ende der Auslegung',
      citation: cite.objections,
    },
    satisfiedBy: [],
    cancelledBy: closing,
    extensions: [],
    shiftPastNonWorkingDays: true,
    shiftCitation: cite.shift,
    responsible: 'case_worker',
    effectOnExpiry: 'none',
    citations: [cite.objections, cite.preclusion],
  };
}

/**
 * § 10 Abs. 8 BImSchG: the decision is displayed for two weeks from the day after the notice;
 * with the end of that period it counts as delivered, and the watcher closes the case.
 * Shift: off — a fiction fixed by statute, not somebody's period to act. [open]
 */
export function decisionDisplayPeriod(closing: ClosingEvents): DeadlineDef {
  return {
    key: 'decision-display',
    label: 'Auslegung des Bescheids',
    duration: { kind: 'fixed', duration: 'P2W' },
    counting: 'event',
    start: {
      kind: 'event',
      events: ['decision-published'],
      occurrence: 'last',
      label: 'öffentliche Bekanntmachung des Bescheids',
      citation: cite.decisionNotice,
    },
    satisfiedBy: [],
    cancelledBy: closing,
    extensions: [],
    shiftPastNonWorkingDays: false,
    shiftCitation: AUTHORITY_PERIOD_NO_SHIFT,
    responsible: 'case_worker',
    effectOnExpiry: 'auto-action',
    expiryAction: 'close-procedure',
    citations: [cite.decisionNotice],
  };
}
