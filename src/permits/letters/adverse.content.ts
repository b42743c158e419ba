/**
 * Letters before and of an adverse decision: the hearing of the applicant (§ 28 Abs. 1 VwVfG
 * NRW), the refusal on the merits (§ 6 BImSchG, § 20 Abs. 2 Satz 1 9. BImSchV) and the rejection
 * for documents not supplied in time (§ 20 Abs. 2 Satz 2 9. BImSchV).
 * [open] Texts and the two-week period to comment need the authority's legal sign-off.
 */
import { computeDeadline } from '../../law/index.ts';
import type { LetterBlock, LetterContent } from '../../procedures/letters/letter.types.ts';
import { date, heading, letter, paragraph, siteText } from './common.ts';
import { remedyBlocks } from './decision.content.ts';
import { feeBlocks } from './fee.section.ts';
import { currentRequest, documentName } from './intake.content.ts';
import { agencyBlocks, factsBlocks, legalBlocks, objectionBlocks } from './reasons.section.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { permitBasis, turbinesDative } from './wording.ts';

/** Which adverse decision the case is heading for: rejection while documents are missing. */
export function intendedAdverse(snapshot: PermitLetterSnapshot): 'rejection' | 'refusal' {
  return snapshot.state.step === 'completeness-check' &&
    currentRequest(snapshot)?.answeredAt === null
    ? 'rejection'
    : 'refusal';
}

/**
 * Period to comment: two weeks from the letter's date, as a period counted from an event
 * (§ 31 VwVfG NRW with §§ 187 ff. BGB), shifted past weekends and holidays (§ 31 Abs. 3).
 */
export function hearingDeadline(today: string): string {
  return computeDeadline({ start: today, duration: 'P2W', rule: { counting: 'event' } }).end;
}

function missingItems(snapshot: PermitLetterSnapshot): string[] {
  return (currentRequest(snapshot)?.items ?? []).map((item) => documentName(snapshot, item));
}

function rejectionFacts(snapshot: PermitLetterSnapshot): LetterBlock[] {
  const request = currentRequest(snapshot);
  const end = request ? snapshot.documentRequestDeadlines[request.id] : undefined;
  return [
    paragraph(
      `Mit Schreiben vom ${request ? date(request.requestedAt) : '–'} habe ich Sie aufgefordert, folgende Unterlagen bis zum ${end ? date(end) : '–'} nachzureichen (§ 7 Abs. 1 Satz 3 9. BImSchV):`,
    ),
    { kind: 'list', ordered: true, items: missingItems(snapshot) },
    paragraph('Die Unterlagen sind bis heute nicht vollständig eingegangen.'),
  ];
}

export function buildHearingLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const intended = intendedAdverse(snapshot);
  const until = date(hearingDeadline(snapshot.today));
  const subject = `${turbinesDative(snapshot.turbines.length)} am Standort ${siteText(snapshot)}`;
  const blocks: LetterBlock[] = [
    paragraph(
      'bevor ich über Ihren Antrag entscheide, gebe ich Ihnen Gelegenheit, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern (Anhörung nach § 28 Abs. 1 VwVfG NRW).',
    ),
    heading('1. Sachverhalt'),
    ...(intended === 'rejection' ? rejectionFacts(snapshot) : agencyStatementFacts(snapshot)),
    heading('2. Beabsichtigte Entscheidung'),
    paragraph(
      intended === 'rejection'
        ? `Ich beabsichtige, Ihren Antrag auf Genehmigung zur Errichtung und zum Betrieb ${subject} abzulehnen, weil die nachgeforderten Unterlagen nicht innerhalb der gesetzten Frist vorgelegt wurden (§ 20 Abs. 2 Satz 2 9. BImSchV).`
        : `Ich beabsichtige, Ihren Antrag auf Genehmigung zur Errichtung und zum Betrieb ${subject} abzulehnen, weil die Genehmigungsvoraussetzungen des § 6 Abs. 1 BImSchG nach dem derzeitigen Stand nicht vorliegen (§ 20 Abs. 2 Satz 1 9. BImSchV).`,
    ),
    heading(`3. Gelegenheit zur Äußerung bis zum ${until}`),
    paragraph(
      `Sie können sich bis zum ${until} schriftlich oder elektronisch in der Verfahrensakte äußern und weitere Unterlagen vorlegen. Äußern Sie sich nicht, entscheide ich nach Ablauf der Frist nach Lage der Akten.`,
    ),
  ];
  return letter('hearing', snapshot, 'Anhörung vor einer Entscheidung (§ 28 VwVfG NRW)', blocks);
}

function agencyStatementFacts(snapshot: PermitLetterSnapshot): LetterBlock[] {
  const statements = snapshot.agencies.filter((a) => a.status === 'answered' && a.statement);
  const blocks: LetterBlock[] = [
    paragraph(
      'Nach Prüfung der Antragsunterlagen und der Stellungnahmen der beteiligten Behörden stehen dem Vorhaben nach derzeitigem Stand Gründe entgegen.',
    ),
  ];
  if (statements.length > 0)
    blocks.push({
      kind: 'list',
      ordered: false,
      items: statements.map(
        (a) =>
          `${a.name} (Stellungnahme vom ${a.answeredOn ? date(a.answeredOn) : '–'}):\n\n${a.statement ?? ''}`,
      ),
    });
  const reasons = snapshot.state.decision?.reasons;
  if (reasons) blocks.push(paragraph(reasons));
  return blocks;
}

function refusalTenor(snapshot: PermitLetterSnapshot, cause: string): string[] {
  const applied = snapshot.submittedOn ? ` vom ${date(snapshot.submittedOn)}` : '';
  return [
    `Ihr Antrag${applied} auf Genehmigung nach ${permitBasis(snapshot.typeKey)} zur Errichtung und zum Betrieb ${turbinesDative(snapshot.turbines.length)} am Standort ${siteText(snapshot)} wird ${cause} abgelehnt.`,
    'Die Kosten des Verfahrens tragen Sie (Abschnitt III).',
  ];
}

export function buildRefusalLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const blocks: LetterBlock[] = [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Ablehnungsbescheid'),
    heading('I. Entscheidung'),
    { kind: 'list', ordered: true, items: refusalTenor(snapshot, 'nach § 6 Abs. 1 BImSchG') },
    heading('II. Begründung'),
    ...factsBlocks(snapshot),
    ...legalBlocks(snapshot, false),
    ...objectionBlocks(snapshot),
    // [open] A refusal fee may be reduced (§ 15 Abs. 2 GebG NRW); the fee rules decide.
    ...feeBlocks(snapshot, 'III'),
    ...remedyBlocks(snapshot),
  ];
  return letter(
    'refusal',
    snapshot,
    'Ablehnung des Antrags auf Genehmigung nach § 4 BImSchG',
    blocks,
  );
}

export function buildRejectionLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const blocks: LetterBlock[] = [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Ablehnungsbescheid'),
    heading('I. Entscheidung'),
    {
      kind: 'list',
      ordered: true,
      items: refusalTenor(snapshot, 'wegen nicht fristgerecht vorgelegter Unterlagen'),
    },
    heading('II. Begründung'),
    heading('1. Sachverhalt'),
    ...rejectionFacts(snapshot),
    heading('2. Rechtliche Würdigung'),
    paragraph(
      'Werden Unterlagen, die für die Prüfung der Genehmigungsvoraussetzungen erforderlich sind, trotz Aufforderung nicht innerhalb der gesetzten Frist vorgelegt, soll der Antrag abgelehnt werden (§ 20 Abs. 2 Satz 2 9. BImSchV). Ohne die fehlenden Unterlagen kann nicht geprüft werden, ob die Voraussetzungen des § 6 Abs. 1 BImSchG vorliegen. Gründe für eine Ausnahme von der Regel sind nicht ersichtlich.',
    ),
    ...agencyBlocks(snapshot),
    ...feeBlocks(snapshot, 'III'),
    ...remedyBlocks(snapshot),
  ];
  return letter(
    'rejection',
    snapshot,
    'Ablehnung des Antrags wegen unvollständiger Unterlagen',
    blocks,
  );
}
