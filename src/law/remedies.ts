import { courtForKreis, formatCourtAddress, higherAdministrativeCourt as ovg } from './courts.ts';
import type { AdministrativeCourt } from './courts.ts';

/**
 * The remedies notice (Rechtsbehelfsbelehrung) of a BImSchG permit decision in NRW, as a pure
 * function of the decision kind, the turbines' total height and the site's Kreis.
 *
 * Legal frame (read in the statute texts unless marked):
 * - No objection procedure: § 110 Abs. 1 JustG NRW; the action (Klage) follows directly,
 *   one month after notification (§ 74 Abs. 1 Satz 2 VwGO). § 58 Abs. 1 VwGO: the notice names the
 *   remedy, the court with its seat, and the period.
 * - Wind turbines on land taller than 50 m: the OVG decides in the first instance
 *   (§ 48 Abs. 1 Satz 1 Nr. 3a VwGO; rule confirmed by secondary sources, the number itself [open]);
 *   before the OVG a lawyer or other authorised representative is required (§ 67 Abs. 4 VwGO),
 *   and the action is filed in writing (§ 81 Abs. 1 VwGO: minutes at the registry only at a VG).
 * - Otherwise the VG of the site (§ 52 Nr. 1 VwGO: place-bound legal relationship), districts per
 *   § 17 JustG NRW (courts.ts).
 * - Fees: no suspensive effect (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO); suspension first at the authority
 *   (§ 80 Abs. 4, 6 VwGO).
 * - Electronic filing (§ 55a VwGO, ERVV; duty for lawyers and authorities § 55d VwGO). The notice
 *   need not mention it (BVerwG, 25.01.2021, 9 C 8.19), but a wrong hint makes it incorrect (VG
 *   Gelsenkirchen, 09.04.2019, 6 K 1029/18, on a repealed NRW ordinance), so the hint names only
 *   the federal rules.
 */

export type RemedyDecisionKind = 'grant' | 'refusal' | 'rejection' | 'fee';

export interface RemediesInput {
  /** grant, refusal, rejection (incomplete documents), or the fee decision. */
  decisionKind: RemedyDecisionKind;
  /** Total height of the wind turbines in metres; null when the installation is no wind turbine. */
  totalHeightM: number | null;
  /** Regional key of the site: 5 digits (Kreis) or 8 digits (Gemeinde), starting with '05'. */
  siteKreisAgs: string;
}

export interface RemediesResult {
  heading: string;
  /** The paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
  court: AdministrativeCourt;
  firstInstance: 'ovg' | 'vg';
  citations: string[];
  /** True when the legal content (court, remedy, effect) rests on a point marked [open]. */
  open: boolean;
  /** Everything unverified, including court addresses (not legally required, § 58 VwGO). */
  openPoints: string[];
}

export type RemediesInputField = 'decisionKind' | 'totalHeightM' | 'siteKreisAgs';

export class RemediesInputError extends Error {
  override readonly name = 'RemediesInputError';

  constructor(
    public readonly field: RemediesInputField,
    message: string,
  ) {
    super(message);
  }
}

const kinds: readonly RemedyDecisionKind[] = ['grant', 'refusal', 'rejection', 'fee'];

const subjects: Record<RemedyDecisionKind, string> = {
  grant: 'diesen Genehmigungsbescheid',
  refusal: 'die Ablehnung des Genehmigungsantrags',
  rejection: 'die Zurückweisung des Genehmigungsantrags',
  fee: 'die Festsetzung der Gebühren und Auslagen',
};

/** § 48 Abs. 1 Satz 1 Nr. 3a VwGO: "more than 50 metres" — exactly 50 m stays at the VG. */
export const OVG_HEIGHT_LIMIT_M = 50;

function checkInput(input: RemediesInput): AdministrativeCourt {
  if (!kinds.includes(input.decisionKind)) {
    throw new RemediesInputError(
      'decisionKind',
      'Die Art der Entscheidung muss Genehmigung, Ablehnung, Zurückweisung oder Gebührenfestsetzung sein.',
    );
  }
  const h = input.totalHeightM;
  if (h !== null && (typeof h !== 'number' || !Number.isFinite(h) || h <= 0 || h > 1000)) {
    throw new RemediesInputError(
      'totalHeightM',
      'Die Gesamthöhe muss eine Zahl in Metern über 0 und bis 1000 sein.',
    );
  }
  const key = typeof input.siteKreisAgs === 'string' ? input.siteKreisAgs.trim() : '';
  const court = /^05\d{3}(\d{3})?$/.test(key) ? courtForKreis(key.slice(0, 5)) : undefined;
  if (!court) {
    throw new RemediesInputError(
      'siteKreisAgs',
      `Der Schlüssel „${key.slice(0, 20)}“ bezeichnet keinen Kreis und keine kreisfreie Stadt in Nordrhein-Westfalen (5 oder 8 Ziffern, beginnend mit 05).`,
    );
  }
  return court;
}

const electronicHint =
  'Die Klage kann auch als elektronisches Dokument eingereicht werden. Es muss für die Bearbeitung durch das Gericht geeignet sein und entweder eine qualifizierte elektronische Signatur tragen oder von der verantwortenden Person signiert und auf einem sicheren Übermittlungsweg eingereicht werden (§ 55a VwGO und Elektronischer-Rechtsverkehr-Verordnung). Eine einfache E-Mail genügt nicht. Rechtsanwältinnen und Rechtsanwälte, Behörden und juristische Personen des öffentlichen Rechts müssen die Klage elektronisch einreichen (§ 55d VwGO).';

const feeHint =
  'Die Klage gegen die Festsetzung von Gebühren und Auslagen hat keine aufschiebende Wirkung (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO); der festgesetzte Betrag ist auch nach Erhebung der Klage fristgerecht zu zahlen. Die Aussetzung der Vollziehung kann bei der Behörde beantragt werden (§ 80 Abs. 4 VwGO). Ein Antrag an das Gericht, die aufschiebende Wirkung anzuordnen (§ 80 Abs. 5 VwGO), ist grundsätzlich erst zulässig, wenn die Behörde einen solchen Antrag ganz oder teilweise abgelehnt oder darüber ohne Mitteilung eines zureichenden Grundes in angemessener Frist nicht entschieden hat (§ 80 Abs. 6 VwGO).';

const thirdPartyHint =
  'Hinweis: Widerspruch und Anfechtungsklage Dritter gegen die Zulassung einer Windenergieanlage an Land mit einer Gesamthöhe von mehr als 50 Metern haben keine aufschiebende Wirkung (§ 63 BImSchG).';

/** The remedies notice for a BImSchG permit decision in NRW; see the module comment for law. */
export function remediesFor(input: RemediesInput): RemediesResult {
  const siteCourt = checkInput(input);
  const kind = input.decisionKind;
  const windOverLimit = input.totalHeightM !== null && input.totalHeightM > OVG_HEIGHT_LIMIT_M;
  const court = windOverLimit ? ovg : siteCourt;
  const where = `${court.name}, ${formatCourtAddress(court)}`;
  const citations = ['§ 58 Abs. 1 VwGO', '§ 74 Abs. 1 Satz 2 VwGO', '§ 110 Abs. 1 JustG NRW'];
  const openPoints: string[] = [];
  const paragraphs = [
    `Gegen ${subjects[kind]} kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Ein Widerspruchsverfahren findet nicht statt (§ 110 Abs. 1 JustG NRW).`,
  ];
  if (windOverLimit) {
    paragraphs.push(
      `Die Klage ist schriftlich beim ${where}, zu erheben. Das Oberverwaltungsgericht entscheidet im ersten Rechtszug, weil die Entscheidung Windenergieanlagen an Land mit einer Gesamthöhe von mehr als 50 Metern betrifft (§ 48 Abs. 1 Satz 1 Nr. 3a VwGO).`,
      'Vor dem Oberverwaltungsgericht müssen sich die Beteiligten durch Prozessbevollmächtigte vertreten lassen, etwa durch eine Rechtsanwältin oder einen Rechtsanwalt; das gilt bereits für die Erhebung der Klage (§ 67 Abs. 4 VwGO).',
    );
    citations.push('§ 48 Abs. 1 Satz 1 Nr. 3a VwGO', '§ 67 Abs. 4 VwGO', '§ 81 Abs. 1 VwGO');
    openPoints.push(
      '§ 48 Abs. 1 Satz 1 Nr. 3a VwGO: Regel (OVG erstinstanzlich für Windenergieanlagen über 50 m) aus Sekundärquellen belegt, Nummerierung und Wortlaut nicht am Gesetzestext geprüft.',
    );
    if (kind === 'fee') {
      openPoints.push(
        'Ob § 48 Abs. 1 Satz 1 Nr. 3a VwGO auch eine Klage allein gegen die Gebührenfestsetzung erfasst (sonst Verwaltungsgericht des Standorts), ist nicht geprüft.',
      );
    }
  } else {
    paragraphs.push(
      `Die Klage ist beim ${where}, schriftlich oder zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle zu erheben.`,
    );
    citations.push('§ 81 Abs. 1 VwGO', '§ 52 Nr. 1 VwGO', '§ 17 JustG NRW');
    if (kind === 'fee') {
      openPoints.push(
        'Örtliche Zuständigkeit für eine Klage allein gegen die Gebührenfestsetzung (§ 52 Nr. 1 oder Nr. 3 VwGO) ist nicht geprüft; angenommen: Verwaltungsgericht des Standorts.',
      );
    }
  }
  paragraphs.push(electronicHint);
  citations.push('§ 55a VwGO', '§ 55d VwGO');
  if (kind === 'fee') {
    paragraphs.push(feeHint);
    citations.push('§ 80 Abs. 2 Satz 1 Nr. 1 VwGO', '§ 80 Abs. 4 VwGO', '§ 80 Abs. 6 VwGO');
  }
  if (kind === 'grant' && windOverLimit) {
    paragraphs.push(thirdPartyHint);
    citations.push('§ 63 BImSchG');
  }
  const legalOpen = openPoints.length > 0;
  if (court.addressOpen) {
    openPoints.push(
      `Anschrift ${court.name}: ${formatCourtAddress(court)} (${court.addressSource}), Aktualität nicht geprüft.`,
    );
  }
  return {
    heading: 'Rechtsbehelfsbelehrung',
    text: paragraphs.join('\n\n'),
    paragraphs,
    court,
    firstInstance: windOverLimit ? 'ovg' : 'vg',
    citations,
    open: legalOpen,
    openPoints,
  };
}

/**
 * The general notice where the site's Kreis is not known (the public notice of a decision, or a
 * case without a Kreis): wind turbines over 50 m go to the OVG at first instance. [open] legal
 * sign-off of the wording.
 */
export const GENERAL_WIND_REMEDIES =
  'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Oberverwaltungsgericht für das Land Nordrhein-Westfalen, Aegidiikirchplatz 5, 48143 Münster, erhoben werden (§ 48 Abs. 1 Satz 1 Nr. 3a VwGO). Widerspruch und Anfechtungsklage eines Dritten haben keine aufschiebende Wirkung (§ 63 BImSchG).';
