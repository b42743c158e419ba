/**
 * Parcel references (Flurstücke). Together with Gemarkung and Flur a parcel number identifies the
 * owner through the land register (Liegenschaftskataster), so it is personal data (Art. 4 Nr. 1
 * DSGVO) when an objector names their own land.
 */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const GAP = String.raw`[,;]?[ \u00A0\n]{0,3}`;
const GEMARKUNG = String.raw`Gemarkung:?[ \u00A0]{1,3}\p{Lu}[\p{L}-]{1,40}(?:[ \u00A0]\p{Lu}[\p{L}-]{1,40})?`;
const FLUR = String.raw`Flur:?[ \u00A0]{1,3}(?:Nr\.[ \u00A0]?)?\d{1,3}`;
const NUMBER = String.raw`\d{1,5}(?:[ \u00A0]?/[ \u00A0]?\d{1,4})?`;
const PARCEL_WORD = String.raw`(?:Flurstücke?|Flurstücks(?:nummer|nr\.)?|Flurst\.|Flst\.|Fl\.-?St\.)`;
// Lists such as "Flurstücke 12, 13 und 14/2".
const NUMBERS = String.raw`${NUMBER}(?:[ \u00A0]?(?:,|und|u\.|sowie)[ \u00A0]?${NUMBER}){0,10}`;

const PARCEL = new RegExp(
  String.raw`(?<![\p{L}])(?:${GEMARKUNG}${GAP})?(?:${FLUR}${GAP})?${PARCEL_WORD}:?[ \u00A0]{0,3}(?:Nr\.[ \u00A0]?)?${NUMBERS}` +
    // Reverse order: "Flurstück 88 der Flur 7 in der Gemarkung Musterdorf".
    String.raw`(?:${GAP}(?:(?:in[ \u00A0])?der[ \u00A0])?${FLUR})?(?:${GAP}(?:(?:in[ \u00A0])?der[ \u00A0])?${GEMARKUNG})?`,
  'gu',
);

export function findParcels(text: string, out: RedactionSpan[]): void {
  // Cheap pre-check: most objections mention no parcel at all.
  if (!/Fl(?:ur|st|\.)/.test(text)) return;
  for (const match of text.matchAll(PARCEL)) {
    out.push(makeSpan(text, match.index, match.index + match[0].length, 'parcel'));
  }
}
