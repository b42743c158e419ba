import { noticeCitation as c } from './notice-citations.ts';
import { germanDay, section } from './notice-text.ts';
import type { ApplicationNoticeInput, NoticeSection } from './notice.types.ts';

/**
 * The sections of the application notice about taking part: objections, their forwarding, the
 * preclusion, the hearing and the delivery of the decision (§ 10 Abs. 3, 4, 6, 8 BImSchG).
 */

// The objection period runs from the first day of the display (the statute gives only its end:
// "bis zwei Wochen nach Ablauf der Auslegungsfrist", one month for EIA projects).
export function objections(input: ApplicationNoticeInput): NoticeSection {
  const postal = input.authorityAddress
    ? `Schriftlich: per Post an ${input.authorityName}, ${input.authorityAddress}.`
    : `Schriftlich: per Post an ${input.authorityName}.`;
  // Where and when an objection can be handed in in person (§ 10 Abs. 4 Nr. 2 BImSchG: the
  // notice names the place where objections can be raised).
  const inPerson = input.visitingAddress
    ? [
        `Persönlich: Abgabe oder Erklärung zur Niederschrift bei ${input.authorityName}, ${input.visitingAddress}${input.officeHours ? `; Öffnungszeiten: ${input.officeHours}` : ''}.`,
      ]
    : [];
  // [open] Whether a plain e-mail satisfies "elektronisch" in § 10 Abs. 3 S. 4 BImSchG, or the
  // electronic form needs § 3a VwVfG NRW means, needs legal sign-off; the portal's form is named
  // first for that reason.
  const electronic = input.authorityEmail
    ? `Elektronisch: über das Einwendungsformular unter ${input.objectionUrl} oder per E-Mail an ${input.authorityEmail}`
    : `Elektronisch: über das Einwendungsformular unter ${input.objectionUrl}`;
  const length = input.eiaRequired
    ? 'Sie endet einen Monat nach Ablauf der Auslegungsfrist, weil für das Vorhaben eine Umweltverträglichkeitsprüfung durchgeführt wird.'
    : 'Sie endet zwei Wochen nach Ablauf der Auslegungsfrist.';
  return section(
    'Einwendungen',
    [
      'Jede Person kann gegen das Vorhaben Einwendungen erheben.',
      `Die Einwendungsfrist beginnt am ${germanDay(input.displayStart)} und endet am ${germanDay(input.objectionEnd)}. ${length}`,
      `Einwendungen sind schriftlich oder elektronisch bei der Genehmigungsbehörde (${input.authorityName}) zu erheben:`,
      electronic,
      postal,
      ...inPerson,
      'Maßgeblich für die Einhaltung der Frist ist der Eingang bei der Genehmigungsbehörde.',
    ],
    [c.noticeObjections, c.objectionPeriod, c.objectionForm, c.noticeContent],
  );
}

// [open] No statute found that requires name and address on an objection, but § 12 Abs. 2
// 9. BImSchV assumes them (they are passed on unless blacked out). Whether an objection without
// them is valid, and so whether this rule may be "optional", needs legal sign-off; the rule is
// configurable per authority for that reason.
export function identity(input: ApplicationNoticeInput): NoticeSection {
  const paragraphs = input.identityRequired
    ? [
        'Einwendungen müssen den Namen und die vollständige Anschrift der Person enthalten, die sie erhebt.',
      ]
    : [
        'Die Angabe von Namen und Anschrift ist freiwillig.',
        'Ohne Anschrift kann Ihnen die Genehmigungsbehörde keine Mitteilungen zum Verfahren per Post zusenden.',
      ];
  return section('Angaben zur Person', paragraphs, [c.objectionForwarding]);
}

export function forwarding(): NoticeSection {
  return section(
    'Weitergabe der Einwendungen',
    [
      'Die Einwendungen werden dem Antragsteller und den Behörden, deren Aufgabenbereich durch das Vorhaben berührt wird, bekannt gegeben.',
      'Auf Verlangen der Person, die eine Einwendung erhebt, werden ihr Name und ihre Anschrift vor der Weitergabe unkenntlich gemacht, wenn diese Angaben zur ordnungsgemäßen Durchführung des Genehmigungsverfahrens nicht erforderlich sind.',
    ],
    [c.objectionForwarding, c.noticeContent],
  );
}

// Formal preclusion only: after CJEU C-137/14 the statute limits the exclusion to the permit
// procedure ("für das Genehmigungsverfahren"), so the notice claims no bar in court.
export function preclusion(): NoticeSection {
  return section(
    'Rechtsfolgen verspäteter Einwendungen',
    [
      'Mit Ablauf der Einwendungsfrist sind für das Genehmigungsverfahren alle Einwendungen ausgeschlossen, die nicht auf besonderen privatrechtlichen Titeln beruhen.',
      'Einwendungen, die auf besonderen privatrechtlichen Titeln beruhen, werden auf den Rechtsweg vor den ordentlichen Gerichten verwiesen.',
    ],
    [c.noticeObjections, c.preclusion, c.privateLawClaims],
  );
}

// [open] § 10 Abs. 4 Nr. 3 BImSchG asks the notice to fix a hearing date, while § 10 Abs. 6
// says that for onshore wind a hearing should not take place unless the applicant asks for one.
// Whether a notice without a date is sufficient needs legal sign-off.
export function hearing(input: ApplicationNoticeInput): NoticeSection {
  const { date, place, note } = input.hearing;
  const planned = date
    ? `Als Termin für die Erörterung der rechtzeitig erhobenen Einwendungen (Erörterungstermin) ist der ${germanDay(date)} bestimmt${place ? `; Ort: ${place}` : ''}.`
    : 'Ein Erörterungstermin ist derzeit nicht bestimmt.';
  return section(
    'Erörterungstermin',
    [
      planned,
      ...(note ? [note] : []),
      'Ob ein Erörterungstermin stattfindet, entscheidet die Genehmigungsbehörde nach Ablauf der Einwendungsfrist nach pflichtgemäßem Ermessen. Sie kann auf ihn verzichten oder ihn als Online-Konsultation durchführen.',
      'Bei Windenergieanlagen an Land soll ein Erörterungstermin nicht stattfinden, es sei denn, der Antragsteller beantragt ihn.',
      'Die Entscheidung, ob ein Erörterungstermin stattfindet, wird öffentlich bekannt gemacht.',
      'Findet ein Erörterungstermin statt, werden die formgerecht erhobenen Einwendungen auch dann erörtert, wenn der Antragsteller oder Personen, die Einwendungen erhoben haben, ausbleiben.',
    ],
    [c.noticeHearing, c.hearing, c.hearingDecision],
  );
}

export function delivery(): NoticeSection {
  return section(
    'Zustellung der Entscheidung',
    [
      'Die Zustellung der Entscheidung über die Einwendungen kann durch öffentliche Bekanntmachung ersetzt werden.',
    ],
    [c.noticeDelivery, c.decisionNotice],
  );
}
