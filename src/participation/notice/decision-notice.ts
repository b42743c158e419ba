import { noticeCitation as c } from './notice-citations.ts';
import { germanDay, germanDayPlain, paragraphsOf, section } from './notice-text.ts';
import type { DecisionNoticeInput, NoticeContent } from './notice.types.ts';

/**
 * The public notice of the decision, which replaces the individual delivery to the objectors
 * (§ 10 Abs. 8 BImSchG): operative part, conditions, legal remedies, where the full decision is
 * displayed for two weeks, and when it counts as delivered.
 */
export function decisionNotice(input: DecisionNoticeInput): NoticeContent {
  const granted = input.outcome === 'granted';
  const decided = germanDay(input.decidedOn);
  const conditions =
    granted && input.conditionsSummary.length > 0
      ? [
          section(
            'Nebenbestimmungen',
            [
              'Die Genehmigung ist mit Nebenbestimmungen verbunden. Zusammenfassung:',
              ...input.conditionsSummary.map((item) => `– ${item}`),
            ],
            [c.decisionNoticeContent],
          ),
        ]
      : [];
  return {
    kind: 'decision',
    title: `Öffentliche Bekanntmachung des ${granted ? 'Genehmigungsbescheids' : 'Ablehnungsbescheids'} für das Vorhaben „${input.projectTitle}“`,
    summary: granted
      ? `Die immissionsschutzrechtliche Genehmigung für das Vorhaben „${input.projectTitle}“ am Standort ${input.site} ist am ${decided} erteilt worden.`
      : `Der Antrag auf immissionsschutzrechtliche Genehmigung für das Vorhaben „${input.projectTitle}“ am Standort ${input.site} ist am ${decided} abgelehnt worden.`,
    sections: [
      section(
        'Entscheidung',
        [
          `Die Genehmigungsbehörde (${input.authorityName}) hat am ${decided} über den Antrag von ${input.applicantName} (Aktenzeichen ${input.reference}) entschieden.`,
          'Verfügender Teil des Bescheids:',
          ...paragraphsOf(input.operativePart),
        ],
        [c.decisionNotice, c.decisionNoticeContent],
      ),
      ...conditions,
      section('Rechtsbehelfsbelehrung', paragraphsOf(input.remedies), [c.decisionNoticeContent]),
      // [open] § 10 Abs. 8 BImSchG lets objectors request the decision "bis zum Ablauf der
      // Widerspruchsfrist"; NRW has no Widerspruch against it, so the text says
      // "Rechtsbehelfsfrist" — confirm the wording.
      section(
        'Einsicht in den vollständigen Bescheid',
        [
          `Der vollständige Bescheid mit Begründung wird vom ${germanDay(input.displayStart)} bis einschließlich ${germanDay(input.displayEnd)} im Internet zur Einsicht veröffentlicht: ${input.displayUrl}`,
          // § 21a Abs. 1 S. 3 9. BImSchV: where and when the Bescheid can be inspected; the place
          // and office hours come from the authority's master data.
          ...(input.visitingAddress
            ? [
                `Auf Verlangen kann der Bescheid während der Auslegung auch bei der Genehmigungsbehörde eingesehen werden: ${input.authorityName}, ${input.visitingAddress}${input.officeHours ? `; Öffnungszeiten: ${input.officeHours}` : ''}.`,
              ]
            : []),
          `Personen, die Einwendungen erhoben haben, können den Bescheid und seine Begründung bis zum Ablauf der Rechtsbehelfsfrist schriftlich${input.authorityAddress ? ` (${input.authorityName}, ${input.authorityAddress})` : ''} oder elektronisch${input.authorityEmail ? ` (${input.authorityEmail})` : ''} bei der Genehmigungsbehörde anfordern.`,
        ],
        [c.decisionDisplay, c.decisionRequest],
      ),
      // § 10 Abs. 8 replaces only the delivery to objectors; the applicant is served
      // individually (§ 10 Abs. 7 S. 1), so the notice claims no deemed delivery to the applicant.
      section(
        'Zustellung durch öffentliche Bekanntmachung',
        [
          `Mit dem Ende der Auslegungsfrist (Ablauf des ${germanDayPlain(input.displayEnd)}) gilt der Bescheid gegenüber den Personen, die Einwendungen erhoben haben, als zugestellt.`,
          'Dies gilt auch gegenüber Dritten, die keine Einwendungen erhoben haben.',
        ],
        [c.decisionNotice, c.decisionDeemedDelivered],
      ),
    ],
  };
}
