/**
 * The deadlines of the grant procedure: the funding body's service periods (its own targets, not
 * statutory periods [open]), the company's period for missing documents, the proof of use six
 * months after the funding period (ANBest-P Nr. 6.1 [open]) and the repayment after a revocation.
 */
import type { DeadlineDef } from '../../../procedures/engine/index.ts';
import { fundingCite as cite } from './citations.ts';

/** Events that end a procedure early: every running deadline becomes moot. */
const CLOSING = [
  'application-withdrawn',
  'application-rejected',
  'application-refused',
  'outline-declined',
];

type Dl = Omit<DeadlineDef, 'cancelledBy' | 'extensions' | 'counting'>;
const deadline = (d: Dl): DeadlineDef => ({
  counting: 'event',
  cancelledBy: CLOSING,
  extensions: [],
  ...d,
});

export function fundingDeadlines(twoStage: boolean): DeadlineDef[] {
  const intakeEvent = twoStage ? 'full-application-submitted' : 'application-submitted';
  return [
    ...(twoStage
      ? [
          deadline({
            key: 'outline-review',
            label: 'Auswahl der Projektskizze',
            duration: { kind: 'fixed', duration: 'P2M' },
            start: {
              kind: 'event',
              events: ['application-submitted'],
              occurrence: 'first',
              label: 'Eingang der Projektskizze',
              citation: cite.outline,
            },
            satisfiedBy: ['outline-accepted', 'outline-declined'],
            shiftPastNonWorkingDays: false,
            shiftCitation: cite.ownPeriod,
            responsible: 'case_worker',
            effectOnExpiry: 'remind-only',
            citations: [cite.outline, cite.ownPeriod],
          }),
        ]
      : []),
    deadline({
      key: 'formal-check',
      label: 'Formale Prüfung des Antrags',
      duration: { kind: 'fixed', duration: 'P4W' },
      start: {
        kind: 'event',
        events: [intakeEvent],
        occurrence: 'first',
        label: 'Eingang des Antrags',
        citation: cite.application,
      },
      satisfiedBy: ['documents-requested', 'formal-check-completed'],
      shiftPastNonWorkingDays: false,
      shiftCitation: cite.ownPeriod,
      responsible: 'case_worker',
      effectOnExpiry: 'remind-only',
      citations: [cite.documentRequest, cite.ownPeriod],
    }),
    deadline({
      key: 'document-submission',
      label: 'Nachreichen der Unterlagen',
      duration: { kind: 'from-event', field: 'period' },
      start: {
        kind: 'event',
        events: ['documents-requested'],
        occurrence: 'first',
        label: 'Nachforderung der Unterlagen',
        citation: cite.documentRequest,
      },
      instances: { triggerField: 'requestId', matchField: 'requestId' },
      satisfiedBy: ['documents-submitted'],
      shiftPastNonWorkingDays: true,
      shiftCitation: cite.shift,
      responsible: 'applicant',
      effectOnExpiry: 'remind-only',
      citations: [cite.documentRequest, cite.incomplete],
    }),
    deadline({
      key: 'decision-target',
      label: 'Entscheidung über den Antrag',
      duration: { kind: 'fixed', duration: 'P3M' },
      start: {
        kind: 'event',
        events: ['formal-check-completed'],
        occurrence: 'first',
        label: 'Abschluss der formalen Prüfung',
        citation: cite.documentRequest,
      },
      satisfiedBy: ['grant-decided', 'application-refused'],
      shiftPastNonWorkingDays: false,
      shiftCitation: cite.ownPeriod,
      responsible: 'case_worker',
      effectOnExpiry: 'escalate',
      escalateTo: 'supervisor',
      citations: [cite.decision, cite.ownPeriod],
    }),
    deadline({
      key: 'proof-of-use',
      label: 'Vorlage des Verwendungsnachweises',
      duration: { kind: 'fixed', duration: 'P6M' },
      start: {
        kind: 'event-date',
        event: 'grant-decided',
        field: 'periodEnd',
        label: 'Ende des Bewilligungszeitraums',
        citation: cite.proofOfUse,
      },
      satisfiedBy: ['proof-submitted'],
      shiftPastNonWorkingDays: true,
      shiftCitation: cite.shift,
      responsible: 'applicant',
      effectOnExpiry: 'escalate',
      escalateTo: 'case_worker',
      citations: [cite.proofOfUse],
    }),
    deadline({
      key: 'proof-check',
      label: 'Prüfung des Verwendungsnachweises',
      duration: { kind: 'fixed', duration: 'P3M' },
      start: {
        kind: 'event',
        events: ['proof-submitted'],
        occurrence: 'first',
        label: 'Eingang des Verwendungsnachweises',
        citation: cite.proofOfUse,
      },
      satisfiedBy: ['case-closed', 'grant-partially-revoked'],
      shiftPastNonWorkingDays: false,
      shiftCitation: cite.ownPeriod,
      responsible: 'case_worker',
      effectOnExpiry: 'remind-only',
      citations: [cite.proofCheck, cite.ownPeriod],
    }),
    deadline({
      key: 'repayment',
      label: 'Erstattung des zurückgeforderten Betrags',
      duration: { kind: 'fixed', duration: 'P1M' },
      start: {
        kind: 'event',
        events: ['grant-partially-revoked'],
        occurrence: 'first',
        label: 'Bekanntgabe des Widerrufs- und Erstattungsbescheids',
        citation: cite.recovery,
      },
      satisfiedBy: ['repayment-recorded'],
      shiftPastNonWorkingDays: true,
      shiftCitation: cite.shift,
      responsible: 'applicant',
      effectOnExpiry: 'escalate',
      escalateTo: 'case_worker',
      citations: [
        cite.recovery,
        '§ 49a Abs. 1 S. 2 VwVfG NRW (Festsetzung der Erstattung durch Verwaltungsakt); Zahlungsziel [offen]',
      ],
    }),
  ];
}
