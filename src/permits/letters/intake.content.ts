/**
 * Letters of the intake: receipt (§ 6 9. BImSchV), request for missing documents (§ 7 Abs. 1
 * Satz 3 9. BImSchV, with the warning of § 20 Abs. 2 Satz 2 9. BImSchV) and the confirmation of
 * completeness with the agencies and the planned timetable (§ 7 Abs. 2 9. BImSchV).
 * [open] All three texts need the authority's legal sign-off.
 */
import type { LetterContent } from '../../procedures/letters/letter.types.ts';
import type { DocumentRequest } from '../../procedures/engine/index.ts';
import { date, heading, letter, paragraph, siteText } from './common.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { procedurePhrase, turbinesDative } from './wording.ts';

export function buildReceiptLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const received = snapshot.submittedOn ? date(snapshot.submittedOn) : '–';
  return letter('receipt', snapshot, 'Eingangsbestätigung', [
    paragraph(
      `hiermit bestätige ich den Eingang Ihres Antrags auf Genehmigung zur Errichtung und zum Betrieb ${turbinesDative(snapshot.turbines.length)} am Standort ${siteText(snapshot)} am ${received} (§ 6 9. BImSchV). Der Antrag wird unter dem oben genannten Aktenzeichen geführt; bitte geben Sie es bei jeder Nachricht an.`,
    ),
    paragraph(
      `Nach der Angabe Ihres Vorhabens ist über den Antrag voraussichtlich ${procedurePhrase(snapshot.typeKey)} zu entscheiden.`,
    ),
    paragraph(
      'Ich prüfe nun unverzüglich, in der Regel innerhalb eines Monats, ob der Antrag und die Unterlagen vollständig sind (§ 7 Abs. 1 9. BImSchV). Fehlen Unterlagen, fordere ich sie mit einer angemessenen Frist bei Ihnen an. Den Stand des Verfahrens und alle Fristen sehen Sie jederzeit in der elektronischen Verfahrensakte.',
    ),
  ]);
}

/** The newest open request, or the newest one at all once it has been answered. */
export function currentRequest(snapshot: PermitLetterSnapshot): DocumentRequest | null {
  const requests = snapshot.state.documentRequests;
  const open = requests.filter((r) => r.answeredAt === null);
  return open.at(-1) ?? requests.at(-1) ?? null;
}

/** A requested item by its German name: a required document's key becomes its label. */
export function documentName(snapshot: PermitLetterSnapshot, item: string): string {
  return snapshot.requiredDocuments.find((d) => d.key === item)?.label ?? item;
}

export function buildMissingDocumentsLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const request = currentRequest(snapshot);
  const deadline = request ? snapshot.documentRequestDeadlines[request.id] : undefined;
  const until = deadline ? date(deadline) : '–';
  return letter('missing-documents', snapshot, 'Nachforderung von Unterlagen', [
    paragraph(
      'bei der Prüfung Ihres Antrags auf Vollständigkeit (§ 7 Abs. 1 9. BImSchV) habe ich festgestellt, dass folgende Unterlagen fehlen oder ergänzt werden müssen:',
    ),
    {
      kind: 'list',
      ordered: true,
      items: (request?.items ?? []).map((item) => documentName(snapshot, item)),
    },
    heading(`Frist: ${until}`),
    paragraph(
      `Ich bitte Sie, die Unterlagen bis zum ${until} in der elektronischen Verfahrensakte nachzureichen (§ 7 Abs. 1 Satz 3 9. BImSchV).`,
    ),
    paragraph(
      'Werden die Unterlagen nicht innerhalb dieser Frist vorgelegt, soll der Antrag abgelehnt werden (§ 20 Abs. 2 Satz 2 9. BImSchV). Können Sie die Frist aus Gründen, die Sie nicht zu vertreten haben, nicht einhalten, teilen Sie mir dies bitte vor ihrem Ablauf mit.',
    ),
  ]);
}

export function buildCompletenessLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const completeness = snapshot.state.completeness;
  const agencies = snapshot.agencies.map(
    (a) => `${a.name} (Frist für die Stellungnahme: ${date(a.dueOn)})`,
  );
  return letter('completeness', snapshot, 'Vollständigkeit der Antragsunterlagen', [
    paragraph(
      `Ihre Antragsunterlagen sind ${completeness ? `seit dem ${date(completeness.date)} ` : ''}vollständig (§ 7 Abs. 2 9. BImSchV). Über den Antrag wird ${procedurePhrase(snapshot.typeKey)} entschieden.`,
    ),
    heading('Beteiligte Behörden'),
    agencies.length > 0
      ? { kind: 'list', ordered: false, items: agencies }
      : paragraph('Die Beteiligung weiterer Behörden ist derzeit nicht vorgesehen.'),
    heading('Geplanter zeitlicher Ablauf'),
    ...(completeness?.timetable ?? '')
      .split(/\n\s*\n|\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => paragraph(line)),
    paragraph(
      snapshot.decisionDeadline
        ? `Nach dem derzeitigen Stand ist über den Antrag bis zum ${date(snapshot.decisionDeadline)} zu entscheiden (§ 10 Abs. 6a BImSchG). Die Frist kann in begründeten Fällen verlängert werden; Sie werden darüber unterrichtet.`
        : 'Die Entscheidungsfrist richtet sich nach § 10 Abs. 6a BImSchG; Sie werden über jede Verlängerung unterrichtet.',
    ),
  ]);
}
