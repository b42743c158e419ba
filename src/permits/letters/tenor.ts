/**
 * The operative part (Tenor) of the Bescheid and the tables it refers to: the permitted
 * installations and the application documents that form part of the permit (§ 21 Abs. 1
 * Nr. 2 and 3 9. BImSchV: what is permitted, its legal basis, the installation and its site).
 */
import { formatGermanDateShort } from '../../law/index.ts';
import type { LetterBlock } from '../../procedures/letters/letter.types.ts';
import { date, siteText } from './common.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import {
  formatEuro,
  formatNumber,
  permitBasis,
  procedurePhrase,
  turbinesDative,
} from './wording.ts';

/** The Tenor items of a grant, numbered by the renderer. */
export function grantTenor(snapshot: PermitLetterSnapshot, conditionCount: number): string[] {
  const applied = snapshot.submittedOn
    ? `Auf Ihren Antrag vom ${date(snapshot.submittedOn)} wird`
    : 'Auf Ihren Antrag wird';
  const items = [
    `${applied} Ihnen die Genehmigung nach ${permitBasis(snapshot.typeKey)} zur Errichtung und zum Betrieb ${turbinesDative(snapshot.turbines.length)} am Standort ${siteText(snapshot)} ${procedurePhrase(snapshot.typeKey)} erteilt. Art und Umfang der genehmigten Anlagen ergeben sich aus Abschnitt II.`,
    // § 13 BImSchG: the permit includes the building permit (and other decisions it concentrates).
    // [open] Whether the Tenor should name excluded decisions (e.g. § 8 WHG) case by case.
    'Die Genehmigung schließt nach § 13 BImSchG die Baugenehmigung nach der BauO NRW 2018 und die übrigen die Anlage betreffenden behördlichen Entscheidungen ein, soweit sie nicht ausdrücklich ausgenommen sind.',
    'Die in Abschnitt III aufgeführten Antragsunterlagen sind Bestandteil dieser Genehmigung. Die Anlagen sind nach diesen Unterlagen zu errichten und zu betreiben, soweit die Nebenbestimmungen nichts anderes bestimmen.',
  ];
  if (conditionCount > 0)
    items.push(
      `Die Genehmigung ergeht mit den in Abschnitt IV aufgeführten ${conditionCount === 1 ? 'Nebenbestimmung' : `${conditionCount} Nebenbestimmungen`} (§ 12 BImSchG).`,
    );
  items.push(
    snapshot.fee
      ? `Die Kosten des Verfahrens tragen Sie. Die Verwaltungsgebühr wird auf ${formatEuro(snapshot.fee.amountCents)} festgesetzt (Abschnitt VI).`
      : 'Die Kosten des Verfahrens tragen Sie; über ihre Höhe ergeht ein gesonderter Bescheid.',
  );
  return items;
}

/** § 21 Abs. 1 Nr. 3 9. BImSchV: type, dimensions, power and site of each installation. */
export function installationsTable(snapshot: PermitLetterSnapshot): LetterBlock {
  const { gemarkung, flur, flurstueck } = snapshot.site;
  return {
    kind: 'table',
    caption: `Standort: ${siteText(snapshot)}; Koordinaten im Bezugssystem WGS84 (Länge/Breite, Grad)`,
    // Five columns: A4 leaves too little room to give each measurement its own.
    columns: [
      'Nr.',
      'Anlagentyp',
      'Nabenhöhe / Rotordurchmesser / Gesamthöhe',
      'Nennleistung',
      'Lage (Flurstück; Länge/Breite)',
    ],
    rows: snapshot.turbines.map((t, i) => [
      `WEA ${i + 1}`,
      t.type,
      `${formatNumber(t.hubHeightM)} m / ${formatNumber(t.rotorDiameterM)} m / ${formatNumber(t.totalHeightM)} m`,
      `${formatNumber(t.ratedPowerKw, 0)} kW`,
      // The application names one parcel for the whole site; per-turbine parcels are not asked.
      `${gemarkung}, Flur ${flur}, Flst. ${flurstueck}; ${formatNumber(t.lon, 5)} / ${formatNumber(t.lat, 5)}`,
    ]),
  };
}

/**
 * The application documents that form part of the permit. Documents marked as trade secrets
 * (§ 10 Abs. 2 BImSchG) are listed too, because they bind the operator as much as the others,
 * but only by their type and date: the Bescheid of a formal procedure is displayed publicly
 * (§ 10 Abs. 8 BImSchG) and a file name chosen by the applicant may itself reveal the secret.
 */
export function documentsTable(snapshot: PermitLetterSnapshot): LetterBlock {
  return {
    kind: 'table',
    columns: ['Nr.', 'Unterlage', 'Datei', 'Eingang'],
    rows: snapshot.documents.map((d, i) => [
      String(i + 1),
      d.label,
      d.tradeSecret ? 'Betriebs- und Geschäftsgeheimnis (nicht öffentlich)' : d.filename,
      formatGermanDateShort(d.uploadedOn),
    ]),
  };
}
