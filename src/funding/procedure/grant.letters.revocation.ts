/**
 * The Widerrufs- und Erstattungsbescheid after the proof of use: partial revocation with effect
 * for the past as far as the grant was not used for its purpose (§ 49 Abs. 3 Satz 1 Nr. 1 VwVfG
 * NRW), the amount to be repaid fixed by administrative act (§ 49a Abs. 1 Satz 2), and interest
 * on it (§ 49a Abs. 3), with the computation from the proof check ('proof-assessed' event).
 * [open] Wording, the exercise of discretion (intended discretion in budget law) and the payment
 * period of one month need legal sign-off; the one-year period of § 49 Abs. 3 Satz 2 i. V. m.
 * § 48 Abs. 4 VwVfG NRW is the case worker's to check and is not stated in the letter; interest
 * after the assessment day up to payment is fixed separately.
 */
import { computeDeadline, type IsoDate } from '../../law/index.ts';
import type { LetterBlock, LetterContent } from '../../procedures/letters/letter.types.ts';
import {
  date,
  euro,
  grantLetter,
  heading,
  list,
  paragraph,
  remedyBlocks,
  PRINTED,
  shortDate,
} from './grant.letters.common.ts';
import type { GrantLetterSnapshot } from './grant.letters.snapshot.ts';
import type { ProofAssessment } from './grant.types.ts';

/**
 * The day the repayment falls due: the deadline engine's once the revocation is recorded, before
 * that one month from the letter's date [open: payment period is the body's practice].
 */
export function repaymentDue(snapshot: GrantLetterSnapshot): IsoDate {
  return (
    snapshot.deadlines['repayment'] ??
    computeDeadline({ start: snapshot.today, duration: 'P1M', rule: { counting: 'event' } }).end
  );
}

const EMPTY: ProofAssessment = {
  recognised: [],
  recognisedTotalCents: 0,
  dueCents: 0,
  paidCents: 0,
  recoveryCents: 0,
  interestCents: 0,
  interestSteps: [],
  findings: [],
  note: '',
};

/** The payments made (Mittelabrufe paid), the basis of the interest. */
function paymentsTable(snapshot: GrantLetterSnapshot): LetterBlock[] {
  const paid = snapshot.payments.filter((p) => p.status === 'paid');
  if (paid.length === 0) return [];
  return [
    {
      kind: 'table',
      columns: ['Mittelabruf', 'Ausgezahlt am', 'Betrag'],
      rows: paid.map((p) => [
        `Nr. ${p.number} vom ${shortDate(p.requestedOn)}`,
        p.decidedOn ? shortDate(p.decidedOn) : '–',
        euro(p.amountCents),
      ]),
      widths: [2, 1.3, 1.3],
      caption: 'Auszahlungen',
    },
  ];
}

function computation(a: ProofAssessment): LetterBlock[] {
  return [
    {
      kind: 'table',
      columns: ['Position', 'Geplant', 'Ausgegeben', 'Anerkannt'],
      rows: [
        ...a.recognised.map((r) => [
          r.label,
          euro(r.plannedCents),
          euro(r.spentCents),
          euro(r.recognisedCents),
        ]),
        ['Insgesamt', '', '', euro(a.recognisedTotalCents)],
      ],
      widths: [3, 1.3, 1.3, 1.3],
      caption: 'Anerkannte zuwendungsfähige Ausgaben',
    },
    {
      kind: 'table',
      columns: ['Betrag', 'Euro'],
      rows: [
        ['Zustehende Zuwendung', euro(a.dueCents)],
        ['Ausgezahlt', euro(a.paidCents)],
        ['Zu erstatten', euro(a.recoveryCents)],
        ['Zinsen', euro(a.interestCents)],
      ],
      widths: [3, 1],
    },
  ];
}

export function buildRevocationLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const a = snapshot.proofAssessment?.data ?? EMPTY;
  const assessedOn = snapshot.proofAssessment?.at ?? snapshot.today;
  const grantedOn = snapshot.fundingCase?.grantedOn ?? snapshot.grantDecidedOn;
  const granted = snapshot.fundingCase?.grantedCents;
  const due = repaymentDue(snapshot);
  const bank = snapshot.profile.bankAccount;
  const blocks: LetterBlock[] = [
    paragraph('nach Prüfung Ihres Verwendungsnachweises ergeht folgender'),
    heading('Widerrufs- und Erstattungsbescheid'),
    heading('I. Entscheidung'),
    list([
      `Der Zuwendungsbescheid vom ${grantedOn ? date(grantedOn) : '–'}${granted ? ` über ${euro(granted)}` : ''} wird in Höhe von ${euro(a.recoveryCents)} mit Wirkung für die Vergangenheit widerrufen (${PRINTED.revocation}). Die Zuwendung beträgt danach ${euro(a.dueCents)}.`,
      `Der zu erstattende Betrag wird auf ${euro(a.recoveryCents)} festgesetzt (§ 49a Abs. 1 Satz 2 VwVfG NRW). Er ist bis zum ${date(due)} zu zahlen.`,
      `Der Erstattungsbetrag ist vom Tag der jeweiligen Auszahlung an mit fünf Prozentpunkten über dem Basiszinssatz jährlich zu verzinsen (§ 49a Abs. 3 VwVfG NRW). Die Zinsen bis zum ${date(assessedOn)} betragen ${euro(a.interestCents)}; die Zinsen für die Zeit danach bis zum Zahlungseingang werden gesondert festgesetzt.`,
    ]),
    { kind: 'keep-with-next' },
    heading('II. Berechnung'),
    ...computation(a),
    ...paymentsTable(snapshot),
    ...(a.interestSteps.length > 0
      ? [paragraph('Berechnung der Zinsen:'), list(a.interestSteps, false)]
      : []),
    { kind: 'keep-with-next' },
    heading('III. Begründung'),
    paragraph(
      `Sie haben den Verwendungsnachweis am ${snapshot.proof ? date(snapshot.proof.submittedOn) : '–'} vorgelegt. Nach seiner Prüfung (${PRINTED.proofCheck}) ist die Zuwendung nur in Höhe von ${euro(a.dueCents)} zweckentsprechend verwendet worden:`,
    ),
    ...(a.findings.length > 0 ? [list(a.findings, false)] : []),
    ...(a.note ? [paragraph(a.note)] : []),
    paragraph(
      `Soweit eine Zuwendung nicht für den im Bescheid bestimmten Zweck verwendet wird, kann der Zuwendungsbescheid mit Wirkung für die Vergangenheit widerrufen werden (${PRINTED.revocation}). Das Haushaltsrecht (§ 7 LHO NRW: Wirtschaftlichkeit und Sparsamkeit) verlangt in der Regel den Widerruf, soweit die Mittel nicht zweckentsprechend verwendet wurden; besondere Umstände, die ein Absehen davon rechtfertigen, sind nicht ersichtlich.`,
    ),
    paragraph(
      `Mit dem Widerruf ist die bereits erbrachte Leistung in dieser Höhe zu erstatten und zu verzinsen (${PRINTED.recovery}).`,
    ),
    { kind: 'keep-with-next' },
    heading('IV. Zahlungshinweis'),
    paragraph(
      bank
        ? `Bitte überweisen Sie ${euro(a.recoveryCents + a.interestCents)} (Erstattung und Zinsen) bis zum ${date(due)} auf das Konto ${bank.holder}, ${bank.bankName}, IBAN ${bank.iban.replace(/(.{4})/g, '$1 ').trim()}${bank.bic ? `, BIC ${bank.bic}` : ''}, unter Angabe des Aktenzeichens ${snapshot.reference}.`
        : `Bitte überweisen Sie ${euro(a.recoveryCents + a.interestCents)} (Erstattung und Zinsen) bis zum ${date(due)} unter Angabe des Aktenzeichens ${snapshot.reference}; die Bankverbindung teilen wir Ihnen gesondert mit.`,
    ),
    ...remedyBlocks('revocation', snapshot),
  ];
  return grantLetter('revocation', snapshot, 'Widerruf und Erstattung der Zuwendung', blocks);
}
