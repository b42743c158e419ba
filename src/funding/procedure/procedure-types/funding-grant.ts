/**
 * The grant procedure (Zuwendungsverfahren, § 44 LHO NRW) as versioned data for the shared case
 * engine: application → receipt → formal check → assessment → decision signed off by a second
 * person → payment requests → proof of use → closing or partial revocation with recovery. The
 * two-stage competitive variant adds an outline (Projektskizze) that the funding body accepts or
 * declines before the full application; its reviewers score in the assessment step.
 */
import type {
  ProcedureTypeVersion,
  StepDef,
  TransitionDef,
} from '../../../procedures/engine/index.ts';
import { fundingCite as cite } from './citations.ts';
import { fundingDeadlines } from './deadlines.ts';

export const FUNDING_GRANT = 'funding-grant';
export const FUNDING_COMPETITIVE = 'funding-competitive';

const step = (
  key: string,
  label: string,
  kind: StepDef['kind'],
  citations: string[],
  note?: string,
): StepDef =>
  note === undefined ? { key, label, kind, citations } : { key, label, kind, citations, note };

const STEPS: StepDef[] = [
  step('draft', 'Entwurf', 'initial', [cite.application]),
  step('received', 'Eingegangen', 'active', [cite.receipt]),
  step('formal-check', 'Formale Prüfung', 'active', [cite.documentRequest]),
  step('assessment', 'Fachliche Prüfung', 'active', [cite.assessment]),
  step('decision', 'Entscheidung', 'active', [cite.decision]),
  step('granted', 'Bewilligt – Durchführung', 'active', [cite.decision, cite.ancillary]),
  step('proof-check', 'Prüfung des Verwendungsnachweises', 'active', [cite.proofCheck]),
  step('recovery', 'Rückforderung', 'active', [cite.revocation, cite.recovery]),
  step('closed', 'Abgeschlossen', 'terminal', [cite.proofCheck]),
  step('refused', 'Abgelehnt', 'terminal', [cite.decision]),
  step('rejected', 'Wegen Unvollständigkeit abgelehnt', 'terminal', [cite.incomplete]),
  step('withdrawn', 'Zurückgenommen', 'terminal', [cite.withdrawal]),
];

const OUTLINE_STEPS: StepDef[] = [
  step('outline-review', 'Projektskizze in Prüfung', 'active', [cite.outline]),
  step('full-application', 'Antrag nach angenommener Skizze', 'active', [cite.outline]),
  step('outline-declined', 'Projektskizze nicht ausgewählt', 'terminal', [cite.outline]),
];

type Tr = Omit<TransitionDef, 'guards' | 'citations'> &
  Partial<Pick<TransitionDef, 'guards' | 'citations'>>;
const tr = (t: Tr): TransitionDef => ({ guards: [], citations: [], ...t });

function transitions(twoStage: boolean): TransitionDef[] {
  const intake: TransitionDef[] = twoStage
    ? [
        tr({
          action: 'submit-outline',
          label: 'Projektskizze einreichen',
          from: ['draft'],
          to: 'outline-review',
          roles: ['applicant'],
          effect: { kind: 'submit-application' },
          event: 'application-submitted',
          citations: [cite.outline],
        }),
        tr({
          action: 'accept-outline',
          label: 'Skizze annehmen und zum Antrag auffordern',
          from: ['outline-review'],
          to: 'full-application',
          roles: ['case_worker'],
          effect: { kind: 'close-step' },
          event: 'outline-accepted',
          citations: [cite.outline],
        }),
        tr({
          action: 'decline-outline',
          label: 'Skizze nicht auswählen',
          from: ['outline-review'],
          to: 'outline-declined',
          roles: ['case_worker'],
          effect: { kind: 'refuse' },
          event: 'outline-declined',
          citations: [cite.outline],
        }),
        tr({
          action: 'submit-application',
          label: 'Antrag einreichen',
          from: ['full-application'],
          to: 'received',
          roles: ['applicant'],
          effect: { kind: 'close-step' },
          event: 'full-application-submitted',
          citations: [cite.application],
        }),
      ]
    : [
        tr({
          action: 'submit-application',
          label: 'Antrag einreichen',
          from: ['draft'],
          to: 'received',
          roles: ['applicant'],
          effect: { kind: 'submit-application' },
          event: 'application-submitted',
          citations: [cite.application],
        }),
      ];
  return [
    ...intake,
    tr({
      action: 'confirm-receipt',
      label: 'Eingang bestätigen',
      from: ['received'],
      to: 'formal-check',
      roles: ['case_worker'],
      effect: { kind: 'confirm-receipt' },
      event: 'receipt-confirmed',
      citations: [cite.receipt],
    }),
    tr({
      action: 'request-documents',
      label: 'Unterlagen nachfordern',
      from: ['formal-check', 'proof-check'],
      to: null,
      roles: ['case_worker'],
      effect: { kind: 'request-documents', maxPeriod: 'P3M', citation: cite.incomplete },
      event: 'documents-requested',
      citations: [cite.documentRequest],
    }),
    tr({
      action: 'submit-documents',
      label: 'Unterlagen nachreichen',
      from: ['formal-check', 'proof-check'],
      to: null,
      roles: ['applicant'],
      effect: { kind: 'submit-documents' },
      event: 'documents-submitted',
      citations: [cite.documentRequest],
    }),
    tr({
      action: 'complete-formal-check',
      label: 'Formale Prüfung abschließen',
      from: ['formal-check'],
      to: 'assessment',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'no-open-document-requests' },
          message: `Es sind noch nachgeforderte Unterlagen offen (${cite.documentRequest}).`,
        },
      ],
      effect: { kind: 'close-step' },
      event: 'formal-check-completed',
      citations: [cite.documentRequest],
    }),
    tr({
      action: 'reject-incomplete',
      label: 'Wegen fehlender Unterlagen ablehnen',
      from: ['formal-check'],
      to: 'rejected',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'document-request-overdue', deadline: 'document-submission' },
          message: `Ablehnen wegen Unvollständigkeit ist erst möglich, wenn die Frist einer Nachforderung ohne Antwort abgelaufen ist (${cite.incomplete}).`,
        },
      ],
      effect: { kind: 'reject-incomplete' },
      event: 'application-rejected',
      citations: [cite.incomplete],
    }),
    tr({
      action: 'complete-assessment',
      label: 'Fachliche Prüfung abschließen',
      from: ['assessment'],
      to: 'decision',
      roles: ['case_worker'],
      effect: { kind: 'close-step' },
      event: 'assessment-completed',
      citations: [cite.assessment],
    }),
    tr({
      action: 'grant',
      label: 'Zuwendung bewilligen',
      from: ['decision'],
      to: 'granted',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'letter-signed', letter: 'decision' },
          message:
            'Der Zuwendungsbescheid muss von einer zweiten Person gezeichnet sein, bevor die Bewilligung erfasst wird (Vier-Augen-Prinzip).',
        },
      ],
      effect: { kind: 'decide' },
      event: 'grant-decided',
      citations: [cite.decision, cite.ancillary],
    }),
    tr({
      action: 'refuse',
      label: 'Antrag ablehnen',
      from: ['decision'],
      to: 'refused',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'letter-signed', letter: 'refusal' },
          message:
            'Der Ablehnungsbescheid muss von einer zweiten Person gezeichnet sein, bevor die Ablehnung erfasst wird (Vier-Augen-Prinzip).',
        },
      ],
      effect: { kind: 'refuse' },
      event: 'application-refused',
      citations: [cite.decision],
    }),
    tr({
      action: 'request-payment',
      label: 'Mittel abrufen',
      from: ['granted'],
      to: null,
      roles: ['applicant'],
      effect: { kind: 'close-step' },
      event: 'payment-requested',
      citations: [cite.paymentRequest],
    }),
    tr({
      action: 'approve-payment',
      label: 'Auszahlung anordnen',
      from: ['granted', 'proof-check'],
      to: null,
      roles: ['case_worker'],
      effect: { kind: 'close-step' },
      event: 'payment-approved',
      citations: [cite.paymentRequest],
    }),
    tr({
      action: 'reject-payment',
      label: 'Mittelabruf zurückweisen',
      from: ['granted', 'proof-check'],
      to: null,
      roles: ['case_worker'],
      effect: { kind: 'close-step' },
      event: 'payment-rejected',
      citations: [cite.paymentRequest],
    }),
    tr({
      action: 'submit-proof',
      label: 'Verwendungsnachweis einreichen',
      from: ['granted'],
      to: 'proof-check',
      roles: ['applicant'],
      effect: { kind: 'close-step' },
      event: 'proof-submitted',
      citations: [cite.proofOfUse],
    }),
    tr({
      action: 'assess-proof',
      label: 'Verwendungsnachweis prüfen',
      from: ['proof-check'],
      to: null,
      roles: ['case_worker'],
      effect: { kind: 'close-step' },
      event: 'proof-assessed',
      citations: [cite.proofCheck],
    }),
    tr({
      action: 'close-case',
      label: 'Verwendung bestätigen und abschließen',
      from: ['proof-check'],
      to: 'closed',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'no-open-document-requests' },
          message: `Es sind noch nachgeforderte Unterlagen offen (${cite.documentRequest}).`,
        },
      ],
      effect: { kind: 'close-step' },
      event: 'case-closed',
      citations: [cite.proofCheck],
    }),
    tr({
      action: 'revoke-partially',
      label: 'Teilweise widerrufen und zurückfordern',
      from: ['proof-check'],
      to: 'recovery',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'letter-signed', letter: 'revocation' },
          message:
            'Der Widerrufs- und Erstattungsbescheid muss von einer zweiten Person gezeichnet sein, bevor der Widerruf erfasst wird (Vier-Augen-Prinzip).',
        },
      ],
      effect: { kind: 'close-step' },
      event: 'grant-partially-revoked',
      citations: [cite.revocation, cite.recovery],
    }),
    tr({
      action: 'record-repayment',
      label: 'Zahlungseingang der Erstattung buchen',
      from: ['recovery'],
      to: 'closed',
      roles: ['case_worker'],
      effect: { kind: 'close-step' },
      event: 'repayment-recorded',
      citations: [cite.recovery],
    }),
    tr({
      action: 'withdraw',
      label: 'Antrag zurücknehmen',
      from: [
        ...(twoStage ? ['outline-review', 'full-application'] : []),
        'received',
        'formal-check',
        'assessment',
        'decision',
      ],
      to: 'withdrawn',
      roles: ['applicant'],
      effect: { kind: 'withdraw' },
      event: 'application-withdrawn',
      citations: [cite.withdrawal],
    }),
  ];
}

function fundingType(key: string, title: string, twoStage: boolean): ProcedureTypeVersion {
  return {
    key,
    version: '2026-12',
    validFrom: '2026-01-01',
    title,
    citations: [cite.application, cite.decision, cite.ancillary],
    facts: [],
    steps: twoStage ? [...STEPS.slice(0, 1), ...OUTLINE_STEPS, ...STEPS.slice(1)] : STEPS,
    initialStep: 'draft',
    transitions: transitions(twoStage),
    deadlines: fundingDeadlines(twoStage),
    requiredDocuments: [],
  };
}

export const FUNDING_PROCEDURE_TYPES: readonly ProcedureTypeVersion[] = [
  fundingType(FUNDING_GRANT, 'Zuwendung zur Projektförderung', false),
  fundingType(
    FUNDING_COMPETITIVE,
    'Zuwendung im Wettbewerbsverfahren (Projektskizze und Antrag, mit Begutachtung)',
    true,
  ),
];
