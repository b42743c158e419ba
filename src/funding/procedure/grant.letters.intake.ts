/**
 * Letters before the decision on the merits: receipt of the application (§ 24 Abs. 3 VwVfG
 * NRW), request for missing documents (§ 25 Abs. 1 VwVfG NRW), the refusal on the merits with
 * the failing rules as reasons (§ 39 Abs. 1 VwVfG NRW) and the rejection of an application left
 * incomplete. [open] All texts need the funding body's legal sign-off.
 */
import type { DocumentRequest } from '../../procedures/engine/index.ts';
import type { LetterBlock, LetterContent } from '../../procedures/letters/letter.types.ts';
import {
  date,
  euro,
  grantLetter,
  heading,
  isOutlineStage,
  list,
  paragraph,
  programmeText,
  remedyBlocks,
  PRINTED,
  applicationDay,
  fromDay,
} from './grant.letters.common.ts';
import type { GrantLetterSnapshot } from './grant.letters.snapshot.ts';

export function buildReceiptLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const what = isOutlineStage(snapshot) ? 'Ihrer Projektskizze' : 'Ihres Antrags';
  const day = applicationDay(snapshot);
  const received = day ? ` am ${date(day)}` : '';
  return grantLetter('receipt', snapshot, 'Eingangsbestätigung', [
    // The opening sentence, which the funding body's own intro text replaces.
    paragraph(
      `hiermit bestätige ich den Eingang ${what} auf eine Zuwendung für das Vorhaben „${snapshot.title}“. Der Vorgang wird unter dem oben genannten Aktenzeichen geführt; bitte geben Sie es bei jeder Nachricht an.`,
    ),
    paragraph(
      `${isOutlineStage(snapshot) ? 'Die Projektskizze ist' : 'Der Antrag ist'}${received} eingegangen (${PRINTED.receipt}). Angaben ${isOutlineStage(snapshot) ? 'der Skizze' : 'des Antrags'}:`,
    ),
    list(
      [
        `Förderprogramm: ${programmeText(snapshot)}`,
        `Beantragte Zuwendung: ${euro(snapshot.application.requestedCents)}`,
        `Vorgesehener Durchführungszeitraum: ${date(snapshot.application.periodStart)} bis ${date(snapshot.application.periodEnd)}`,
      ],
      false,
    ),
    paragraph(
      'Ich prüfe nun, ob die Unterlagen vollständig sind, und fordere fehlende Unterlagen mit einer angemessenen Frist bei Ihnen an. Den Stand des Verfahrens und alle Fristen sehen Sie jederzeit in der elektronischen Verfahrensakte.',
    ),
    paragraph(
      'Diese Bestätigung ist keine Zusage einer Förderung; auf die Zuwendung besteht kein Rechtsanspruch. Mit dem Vorhaben darf vor der Bewilligung nicht begonnen werden, es sei denn, einem vorzeitigen Beginn wurde schriftlich zugestimmt (VV Nr. 1.3 zu § 44 LHO NRW).',
    ),
  ]);
}

/** The newest open request, or the newest one at all once it has been answered. */
export function currentRequest(snapshot: GrantLetterSnapshot): DocumentRequest | null {
  const requests = snapshot.state.documentRequests;
  return requests.filter((r) => r.answeredAt === null).at(-1) ?? requests.at(-1) ?? null;
}

export function requestDeadline(
  snapshot: GrantLetterSnapshot,
  request: DocumentRequest | null,
): string | undefined {
  return request ? snapshot.deadlines[`document-submission#${request.id}`] : undefined;
}

export function buildMissingDocumentsLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const request = currentRequest(snapshot);
  const end = requestDeadline(snapshot, request);
  const until = end ? date(end) : '–';
  const proofCheck = snapshot.step === 'proof-check';
  return grantLetter('missing-documents', snapshot, 'Nachforderung von Unterlagen', [
    paragraph(
      proofCheck
        ? 'bei der Prüfung Ihres Verwendungsnachweises habe ich festgestellt, dass folgende Unterlagen oder Angaben fehlen oder ergänzt werden müssen:'
        : 'bei der Prüfung Ihres Antrags habe ich festgestellt, dass folgende Unterlagen oder Angaben fehlen oder ergänzt werden müssen:',
    ),
    list([...(request?.items ?? [])]),
    heading(`Frist: ${until}`),
    paragraph(
      `Bitte reichen Sie die Unterlagen bis zum ${until} in der elektronischen Verfahrensakte nach (${PRINTED.documentRequest}).`,
    ),
    paragraph(
      proofCheck
        ? 'Werden die Unterlagen nicht fristgerecht vorgelegt, kann ich den Verwendungsnachweis nur nach Aktenlage prüfen; nicht belegte Ausgaben werden dann nicht anerkannt.'
        : `Werden die Unterlagen nicht innerhalb dieser Frist vorgelegt, kann der Antrag wegen Unvollständigkeit abgelehnt werden (${PRINTED.incomplete}). Können Sie die Frist aus Gründen, die Sie nicht zu vertreten haben, nicht einhalten, teilen Sie mir dies bitte vor ihrem Ablauf mit.`,
    ),
  ]);
}

export function buildRefusalLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const proposal = snapshot.proposal;
  const rules = proposal?.decidingRules ?? [];
  const blocks: LetterBlock[] = [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Bescheid'),
    heading('I. Entscheidung'),
    paragraph(
      `Ihr Antrag${fromDay(snapshot)} auf eine Zuwendung von ${euro(snapshot.application.requestedCents)} für das Vorhaben „${snapshot.title}“ (${programmeText(snapshot)}) wird abgelehnt.`,
    ),
    { kind: 'keep-with-next' },
    heading('II. Begründung'),
    paragraph(
      `Zuwendungen werden nach § 44 LHO NRW und der Förderrichtlinie nur gewährt, wenn die Fördervoraussetzungen erfüllt sind; ein Rechtsanspruch besteht nicht, die Bewilligungsbehörde entscheidet im Rahmen der verfügbaren Haushaltsmittel nach pflichtgemäßem Ermessen (${PRINTED.decision}).`,
    ),
    paragraph(
      rules.length > 0
        ? 'Die Prüfung Ihres Antrags hat ergeben, dass folgende Voraussetzungen nicht erfüllt sind:'
        : 'Die Prüfung Ihres Antrags hat ergeben, dass die Fördervoraussetzungen nicht erfüllt sind.',
    ),
    ...(rules.length > 0 ? [list(rules)] : []),
    ...(proposal?.note ? [paragraph(proposal.note)] : []),
    paragraph(
      'Eine Förderung ist daher nicht möglich. Gründe, die eine abweichende Entscheidung rechtfertigen würden, sind nicht ersichtlich.',
    ),
    ...remedyBlocks('refusal', snapshot),
  ];
  return grantLetter('refusal', snapshot, 'Ablehnung des Antrags auf eine Zuwendung', blocks);
}

export function buildRejectionLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const request =
    snapshot.state.documentRequests.filter((r) => r.answeredAt === null).at(-1) ??
    currentRequest(snapshot);
  const end = requestDeadline(snapshot, request);
  return grantLetter('rejection', snapshot, 'Ablehnung des Antrags wegen Unvollständigkeit', [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Bescheid'),
    heading('I. Entscheidung'),
    paragraph(
      `Ihr Antrag${fromDay(snapshot)} auf eine Zuwendung für das Vorhaben „${snapshot.title}“ wird wegen fehlender Unterlagen abgelehnt.`,
    ),
    { kind: 'keep-with-next' },
    heading('II. Begründung'),
    paragraph(
      `Mit Schreiben vom ${request ? date(request.requestedAt) : '–'} habe ich Sie aufgefordert, folgende Unterlagen bis zum ${end ? date(end) : '–'} nachzureichen (${PRINTED.documentRequest}):`,
    ),
    list([...(request?.items ?? [])]),
    paragraph(
      `Die Unterlagen sind bis heute nicht eingegangen. Ohne sie kann ich nicht prüfen, ob die Fördervoraussetzungen erfüllt sind; der Antrag ist daher abzulehnen (${PRINTED.incomplete}). Sie können einen neuen, vollständigen Antrag stellen, solange das Förderprogramm Anträge annimmt.`,
    ),
    ...remedyBlocks('rejection', snapshot),
  ]);
}
