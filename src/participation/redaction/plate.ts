/**
 * German vehicle registration numbers (Kfz-Kennzeichen, § 8 FZV): district code of 1–3 letters,
 * 1–2 letters, 1–4 digits, optionally E (electric) or H (historic): "KLE-AB 123", "D XY 4567",
 * "BOR-KM-77", "KLE AB123". A plate identifies its keeper through the register (§ 31 StVG).
 */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const PLATE =
  /([A-ZÄÖÜ]{1,3})(-|[ \u00A0])([A-Z]{1,2})(?:-|[ \u00A0])?([1-9]\d{0,3})([EH])?(?![A-Za-zÄÖÜäöüß0-9]|[.,]\d)/g;
const GLUED_BEFORE = /[\p{L}\p{N}\-/.§]/u;
// Abbreviations that are followed by "XY 123" in technical and legal prose.
const NOT_DISTRICTS = new Set(
  'DIN EN ISO VDI TA WEA WKA EU NRW BGB GG UVP SUP LSG NSG FFH VV BAB ABS NR IEC VDE DB TÜV GMBH KG AG RL SZ'.split(
    ' ',
  ),
);

export function findPlates(text: string, out: RedactionSpan[]): void {
  PLATE.lastIndex = 0;
  for (let m = PLATE.exec(text); m !== null; m = PLATE.exec(text)) {
    const [whole, district, separator, letters] = m;
    if (m.index > 0 && GLUED_BEFORE.test(text[m.index - 1]!)) {
      PLATE.lastIndex = m.index + 1;
      continue;
    }
    if (NOT_DISTRICTS.has(district!) || NOT_DISTRICTS.has(letters!)) {
      PLATE.lastIndex = m.index + 1;
      continue;
    }
    // Without a hyphen the form is ambiguous ("A B 12"): require a district of 2–3 letters.
    if (separator !== '-' && district!.length < 2) continue;
    out.push(makeSpan(text, m.index, m.index + whole.length, 'plate'));
  }
}
