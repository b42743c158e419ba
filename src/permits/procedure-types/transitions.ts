/**
 * Transitions shared by the formal and the simplified BImSchG procedure, from the draft to the
 * agency involvement, plus withdrawal and the decision-deadline extension.
 */
import type { Guard, TransitionDef } from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
import type { RuleSet } from './rule-sets.ts';

/** § 7 Abs. 1 S. 2 9. BImSchV: one extension; RED III: none inside acceleration areas. */
function completenessExtensionGuards(rules: RuleSet): Guard[] {
  const once: Guard = {
    check: { kind: 'completeness-extension-unused' },
    message: `Die Frist zur Prüfung der Vollständigkeit wurde bereits einmal verlängert; eine weitere Verlängerung ist nicht zulässig (${cite.completenessExtension}).`,
  };
  // [open] Outside acceleration areas RED III sets 45 days; whether § 7 Abs. 1 S. 2 9. BImSchV
  // still allows 2 more weeks on top is unclear. We follow the law notes: only inside, no extension.
  const outsideOnly: Guard = {
    check: { kind: 'fact-is', fact: 'inAccelerationArea', value: false },
    message: `Im Beschleunigungsgebiet beträgt die Frist zur Prüfung der Vollständigkeit 30 Tage und kann nicht verlängert werden (${cite.redCompleteness}).`,
  };
  return rules.red ? [once, outsideOnly] : [once];
}

export function intakeTransitions(rules: RuleSet): TransitionDef[] {
  return [
    {
      action: 'submit',
      label: 'Antrag einreichen',
      from: ['draft'],
      to: 'submitted',
      roles: ['applicant'],
      guards: [],
      effect: { kind: 'submit-application' },
      event: 'application-submitted',
      citations: [cite.application, cite.applicationContent],
    },
    {
      action: 'confirm-receipt',
      label: 'Eingang bestätigen',
      from: ['submitted'],
      to: 'completeness-check',
      roles: ['case_worker'],
      guards: [],
      effect: { kind: 'confirm-receipt' },
      event: 'receipt-confirmed',
      citations: [cite.receipt],
    },
    {
      action: 'request-documents',
      label: 'Unterlagen nachfordern',
      from: ['completeness-check'],
      to: null,
      roles: ['case_worker'],
      guards: [],
      effect: {
        kind: 'request-documents',
        maxPeriod: 'P3M',
        citation: cite.missingDocumentsRejection,
      },
      event: 'documents-requested',
      citations: [cite.documentRequest, cite.missingDocumentsRejection],
    },
    {
      action: 'submit-documents',
      label: 'Unterlagen nachreichen',
      from: ['completeness-check'],
      to: null,
      roles: ['applicant', 'case_worker'],
      guards: [],
      effect: { kind: 'submit-documents' },
      event: 'documents-submitted',
      citations: [cite.documentRequest],
    },
    {
      action: 'extend-completeness-check',
      label: 'Prüfung der Vollständigkeit verlängern',
      from: ['completeness-check'],
      to: null,
      roles: ['case_worker'],
      guards: completenessExtensionGuards(rules),
      effect: { kind: 'extend-completeness-check' },
      event: 'completeness-check-extended',
      citations: rules.red
        ? [cite.completenessExtension, cite.redCompleteness]
        : [cite.completenessExtension],
    },
    {
      action: 'confirm-completeness',
      label: 'Vollständigkeit bestätigen',
      from: ['completeness-check'],
      to: 'agency-involvement',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'no-open-document-requests' },
          message: `Es sind noch nachgeforderte Unterlagen offen; die Vollständigkeit kann erst nach ihrem Eingang bestätigt werden (${cite.completenessConfirmation}).`,
        },
      ],
      effect: { kind: 'confirm-completeness' },
      event: 'completeness-confirmed',
      citations: rules.red
        ? [cite.completenessConfirmation, cite.redCompleteness, cite.agencyInvolvement]
        : [cite.completenessConfirmation, cite.agencyInvolvement],
    },
    {
      action: 'reject-incomplete',
      label: 'Antrag wegen fehlender Unterlagen ablehnen',
      from: ['completeness-check'],
      to: 'rejected',
      roles: ['case_worker', 'supervisor'],
      guards: [
        {
          check: { kind: 'document-request-overdue', deadline: 'document-submission' },
          message: `Der Antrag kann wegen fehlender Unterlagen erst abgelehnt werden, wenn eine gesetzte Frist zur Ergänzung ungenutzt abgelaufen ist (${cite.missingDocumentsRejection}).`,
        },
        letterSigned.rejection,
      ],
      effect: { kind: 'reject-incomplete' },
      event: 'application-rejected',
      citations: [cite.missingDocumentsRejection],
    },
  ];
}

/**
 * A decision leaves the authority only as a letter that a second person has signed off: the
 * action that delivers, publishes or closes with it waits for that signature (drafting →
 * preview → sign-off → delivery, letters engine).
 */
export const letterSigned = {
  decision: {
    check: { kind: 'letter-signed', letter: 'decision', ifRefused: 'refusal' },
    message:
      'Der Bescheid kann erst zugestellt oder bekannt gemacht werden, wenn er als Schreiben („Genehmigungsbescheid“ bzw. „Ablehnungsbescheid“) entworfen, geprüft und von einer zweiten Person gezeichnet ist.',
  },
  refusal: {
    check: { kind: 'letter-signed', letter: 'refusal' },
    message:
      'Der Antrag kann erst abgelehnt werden, wenn der Ablehnungsbescheid als Schreiben entworfen, geprüft und von einer zweiten Person gezeichnet ist.',
  },
  rejection: {
    check: { kind: 'letter-signed', letter: 'rejection' },
    message:
      'Der Antrag kann erst wegen fehlender Unterlagen abgelehnt werden, wenn der Ablehnungsbescheid (§ 20 Abs. 2 9. BImSchV) als Schreiben entworfen, geprüft und von einer zweiten Person gezeichnet ist.',
  },
} as const satisfies Record<string, Guard>;

/** Agency involvement: star-shaped and parallel (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV). */
export function agencyTransitions(from: readonly string[]): TransitionDef[] {
  const citations = [cite.agencyInvolvement, cite.agencyStatement];
  return [
    {
      action: 'ask-agencies',
      label: 'Weitere Behörde beteiligen',
      from,
      to: null,
      roles: ['case_worker'],
      guards: [],
      effect: { kind: 'ask-agencies' },
      event: 'agencies-asked',
      citations,
    },
    {
      action: 'record-agency-statement',
      label: 'Stellungnahme erfassen',
      from,
      to: null,
      roles: ['agency_member', 'case_worker'],
      guards: [],
      effect: { kind: 'record-agency-statement' },
      event: 'agency-statement-recorded',
      citations,
    },
    {
      action: 'record-agency-no-comment',
      label: 'Keine Äußerung feststellen (Fristablauf)',
      from,
      to: null,
      roles: ['system'],
      guards: [
        {
          check: { kind: 'agency-deadline-expired', deadline: 'agency-statement' },
          message: `Die Frist von einem Monat für die Stellungnahme dieser Behörde ist noch nicht abgelaufen; erst danach ist davon auszugehen, dass sie sich nicht äußern will (${cite.agencyInvolvement}).`,
        },
      ],
      effect: { kind: 'record-agency-no-comment' },
      event: 'agency-no-comment-recorded',
      citations,
    },
  ];
}

/** § 10 Abs. 6a BImSchG: once up to 3 months with reasons; further only with consent. */
export function decisionDeadlineTransitions(from: readonly string[]): TransitionDef[] {
  return [
    {
      action: 'extend-decision-deadline',
      label: 'Entscheidungsfrist verlängern',
      from,
      to: null,
      roles: ['case_worker', 'supervisor'],
      guards: [
        {
          check: { kind: 'decision-extension-allowed', freeExtensions: 1 },
          message: `Die Entscheidungsfrist wurde bereits einmal verlängert; eine weitere Verlängerung ist nur mit Zustimmung der Antragstellerin möglich (${cite.decisionDeadline}).`,
        },
      ],
      effect: {
        kind: 'extend-decision-deadline',
        maxMonths: 3,
        freeExtensions: 1,
        citation: cite.decisionDeadline,
      },
      event: 'decision-deadline-extended',
      citations: [cite.decisionDeadline],
    },
    {
      action: 'record-applicant-consent',
      label: 'Zustimmung zu weiterer Fristverlängerung erfassen',
      from,
      to: null,
      roles: ['applicant', 'case_worker'],
      guards: [
        {
          check: { kind: 'applicant-consent-not-pending' },
          message:
            'Die Zustimmung der Antragstellerin zu einer weiteren Verlängerung ist bereits erfasst und noch nicht verwendet.',
        },
      ],
      effect: { kind: 'record-applicant-consent' },
      event: 'applicant-consent-recorded',
      citations: [cite.decisionDeadline],
    },
  ];
}

/** The applicant may withdraw in every step that is not terminal. */
export function withdrawalTransition(nonTerminal: readonly string[]): TransitionDef {
  return {
    action: 'withdraw',
    label: 'Antrag zurücknehmen',
    from: nonTerminal,
    to: 'withdrawn',
    roles: ['applicant'],
    guards: [],
    effect: { kind: 'withdraw' },
    event: 'application-withdrawn',
    citations: [cite.withdrawal],
  };
}
