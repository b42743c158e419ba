/**
 * Parts every letter of the grant procedure shares: subject, references, addressee, the
 * programme's name, money and dates in German, and the legal remedies notice.
 */
import { formatGermanDate, formatGermanDateShort, type IsoDate } from '../../law/index.ts';
import { courtForKreis, formatCourtAddress, type AdministrativeCourt } from '../../law/courts.ts';
import { formatEuro, formatPercent } from '../../law/fees/money.ts';
import { fundingProgrammeVersions } from '../../law/funding/index.ts';
import type { FundingProgrammeVersion } from '../../law/funding/programme.types.ts';
import type {
  LetterBlock,
  LetterContent,
  LetterKind,
} from '../../procedures/letters/letter.types.ts';
import { municipalityByName } from '../../registers/geo/index.ts';
import type { GrantLetterSnapshot } from './grant.letters.snapshot.ts';

export const euro = formatEuro;
export const percent = formatPercent;
export const date = (iso: IsoDate) => formatGermanDate(iso, { weekday: false });
export const shortDate = formatGermanDateShort;
export const heading = (text: string): LetterBlock => ({ kind: 'heading', text });
export const paragraph = (text: string): LetterBlock => ({ kind: 'paragraph', text });
export const list = (items: string[], ordered = true): LetterBlock => ({
  kind: 'list',
  ordered,
  items,
});

export function programmeOf(snapshot: GrantLetterSnapshot): FundingProgrammeVersion | undefined {
  const app = snapshot.application;
  return (
    fundingProgrammeVersions.find((v) => v.versionId === app.versionId) ??
    fundingProgrammeVersions.find((v) => v.programmeId === app.programmeId)
  );
}

/** „Förderprogramm – Maßnahme“ as the letters name what was applied for. */
export function programmeText(snapshot: GrantLetterSnapshot): string {
  const programme = programmeOf(snapshot);
  const measure = programme?.measures.find((m) => m.id === snapshot.application.measureId);
  const title = programme?.title ?? snapshot.application.programmeId;
  return measure ? `${title}, Maßnahme „${measure.label}“` : title;
}

/**
 * Norms as the letters print them: the bare citation, without the explanations of
 * procedure-types/citations.ts. [open] ANBest-P numbers follow the federal model (Nr. 1.2, 1.4, 2,
 * 5, 6.1, 6.5, 7); the NRW wording and numbering need legal sign-off, as do VV Nr. 3, 4, 11 zu
 * § 44 LHO NRW, the receipt under § 24 Abs. 3 VwVfG NRW and the legal basis of the rejection for
 * incompleteness (§ 24 VwVfG NRW with VV Nr. 3 zu § 44 LHO NRW).
 */
export const PRINTED = {
  receipt: '§ 24 Abs. 3 VwVfG NRW',
  documentRequest: '§ 25 Abs. 1 VwVfG NRW',
  incomplete: '§ 24 VwVfG NRW, VV Nr. 3 zu § 44 LHO NRW',
  assessment: 'VV Nr. 4 zu § 44 LHO NRW',
  decision: '§ 44 LHO NRW, VV Nr. 4 zu § 44 LHO NRW',
  paymentRequest: 'ANBest-P Nr. 1.4',
  proofOfUse: 'ANBest-P Nr. 6.1',
  proofCheck: 'VV Nr. 11 zu § 44 LHO NRW',
  revocation: '§ 49 Abs. 3 Satz 1 Nr. 1 VwVfG NRW',
  recovery: '§ 49a Abs. 1, 3 VwVfG NRW',
} as const;

const OUTLINE_STEPS = new Set(['outline-review', 'full-application', 'outline-declined']);

/** A two-stage call's case that has an outline but no full application yet. */
export const isOutlineStage = (snapshot: GrantLetterSnapshot) =>
  snapshot.typeKey === 'funding-competitive' && OUTLINE_STEPS.has(snapshot.step);

/** The day the application the letters speak of came in: the full one in a two-stage call. */
export function applicationDay(snapshot: GrantLetterSnapshot): IsoDate | null {
  return snapshot.fullApplicationOn ?? snapshot.submittedOn;
}

/** „ vom 28. Oktober 2026“ after „Ihr Antrag“, or nothing when the day is not known. */
export function fromDay(snapshot: GrantLetterSnapshot): string {
  const day = applicationDay(snapshot);
  return day ? ` vom ${date(day)}` : '';
}

export function grantLetter(
  kind: LetterKind,
  snapshot: GrantLetterSnapshot,
  subject: string,
  blocks: LetterBlock[],
): LetterContent {
  const references = [{ label: 'Vorhaben', value: snapshot.title }];
  const day = applicationDay(snapshot);
  if (day)
    references.push({
      label: isOutlineStage(snapshot) ? 'Ihre Projektskizze vom' : 'Ihr Antrag vom',
      value: shortDate(day),
    });
  const applicant = snapshot.application.applicant;
  const lines = applicant
    ? [applicant.street, `${applicant.postcode} ${applicant.city}`].filter((l) => l.trim() !== '')
    : [];
  return {
    kind,
    subject: `${subject} – ${snapshot.title}`,
    references,
    addressee: { name: snapshot.applicantName, lines },
    salutation: 'Sehr geehrte Damen und Herren,',
    blocks,
    closing: 'Mit freundlichen Grüßen',
  };
}

/**
 * The court for an action against the funding body's decision. § 52 Nr. 3 Satz 1, 5 VwGO: the
 * VG in whose district the decision was issued; for a body whose competence covers the districts
 * of several courts (a Land-wide funding body), the VG of the recipient's seat (§ 52 Nr. 3
 * Satz 2 VwGO). [open] Which rule applies depends on the body; the seat of the company is taken
 * first, the body's own seat when the company sits outside NRW. Without either the notice names
 * the court only by the company's seat, which § 58 Abs. 1 VwGO may not accept [open].
 */
export function remedyCourt(snapshot: GrantLetterSnapshot): AdministrativeCourt | undefined {
  const seat = snapshot.application.applicant?.seatAgs ?? '';
  const bySeat = /^05\d{3}/.test(seat) ? courtForKreis(seat.slice(0, 5)) : undefined;
  if (bySeat) return bySeat;
  const city = snapshot.profile.postalAddress?.city;
  const ags = city ? municipalityByName(city)?.ags : undefined;
  return ags ? courtForKreis(ags.slice(0, 5)) : undefined;
}

const WHAT: Partial<Record<LetterKind, string>> = {
  decision: 'diesen Zuwendungsbescheid',
  refusal: 'diesen Bescheid',
  rejection: 'diesen Bescheid',
  revocation: 'diesen Widerrufs- und Erstattungsbescheid',
};

/**
 * Rechtsbehelfsbelehrung (§ 58 Abs. 1 VwGO: remedy, court with its seat, period). In NRW the
 * objection procedure is abolished for these decisions: § 68 Abs. 1 Satz 2 VwGO leaves that to
 * Land law, § 110 Abs. 1 JustG NRW excludes it [open: whether an exception of § 110 Abs. 2, 3
 * JustG NRW covers a funding body]. The action follows within one month (§ 74 Abs. 1 Satz 2,
 * Abs. 2 VwGO). The electronic-filing note names only the federal rules (§§ 55a, 55d VwGO).
 */
export function remedyBlocks(kind: LetterKind, snapshot: GrantLetterSnapshot): LetterBlock[] {
  const court = remedyCourt(snapshot);
  const where = court
    ? `beim ${court.name}, ${formatCourtAddress(court)}`
    : 'beim Verwaltungsgericht, in dessen Bezirk Sie Ihren Sitz haben';
  return [
    { kind: 'keep-with-next' },
    heading('Rechtsbehelfsbelehrung'),
    paragraph(
      `Gegen ${WHAT[kind] ?? 'diesen Bescheid'} kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Ein Widerspruchsverfahren findet nicht statt (§ 68 Abs. 1 Satz 2 VwGO i. V. m. § 110 Abs. 1 JustG NRW).`,
    ),
    paragraph(
      `Die Klage ist ${where}, schriftlich oder zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle zu erheben.`,
    ),
    paragraph(
      'Die Klage kann auch als elektronisches Dokument eingereicht werden, wenn es für die Bearbeitung durch das Gericht geeignet ist und mit einer qualifizierten elektronischen Signatur versehen ist oder von der verantwortenden Person signiert auf einem sicheren Übermittlungsweg eingereicht wird (§ 55a VwGO und Elektronischer-Rechtsverkehr-Verordnung). Eine einfache E-Mail genügt nicht. Rechtsanwältinnen und Rechtsanwälte, Behörden und juristische Personen des öffentlichen Rechts müssen die Klage elektronisch einreichen (§ 55d VwGO).',
    ),
  ];
}
