/** E-mail addresses and telephone numbers. */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
// Anchored at the character after "@"; every repetition is bounded, so each "@" costs O(1).
const DOMAIN =
  /[\p{L}\p{N}][\p{L}\p{N}-]{0,62}(?:\.[\p{L}\p{N}][\p{L}\p{N}-]{0,62}){0,8}\.\p{L}{2,24}/uy;

/**
 * Expands around each "@" instead of running one big pattern: a regex that starts at every
 * letter would scan the whole rest of a long word for an "@" that never comes (quadratic time).
 * At most 64 characters before the "@" are taken (RFC 5321 limit for the local part).
 */
export function findEmails(text: string, out: RedactionSpan[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (start < at && domain !== null) {
      out.push(makeSpan(text, start, DOMAIN.lastIndex, 'email'));
      at = text.indexOf('@', DOMAIN.lastIndex);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
}

// Groups of digits joined by exactly one separator (space, or "-" and "/" with optional spaces):
// a mandatory separator between groups keeps the pattern unambiguous, hence free of backtracking.
const SEP = String.raw`(?:[ \u00A0]?[-/][ \u00A0]?|[ \u00A0])`;
const PHONE = new RegExp(
  // +49 (0) 211 …, 0049 211 …, (0211) 12345, 0211 …; German area codes are 0 + 2–5 digits,
  // which is what keeps "01/03/2025" and "06-22 Uhr" out.
  String.raw`(?:(?:\+|00)[1-9]\d{0,2}(?:[ \u00A0]?\(0\))?${SEP}?|\(0[1-9]\d{1,4}\)[ \u00A0]?|0[1-9]\d{1,4}${SEP}?)` +
    String.raw`\d{1,12}(?:${SEP}\d{1,8}){0,5}(?![\p{N}]|[.,]\p{N})`,
  'gu',
);
// Checked in code rather than by a leading lookbehind, which would slow down the scan.
const GLUED_BEFORE = /[\p{L}\p{N}.,/+-]/u;
// "Tel.: 12 34 56" without an area code is only recognisable by its label.
const LABELLED_PHONE =
  /(?:T(?:el|EL)(?:efon(?:nummer)?)?|[Mm]obil(?:nummer|telefon)?|[Hh]andy(?:nummer)?|F(?:ax|AX)|[Ff]estnetz)\.?:?[ \u00A0]{0,3}(\+?\d[\d \u00A0/()-]{3,24}\d)/gu;
// File numbers look like phone numbers ("Az. 0501-123/2025") but identify a procedure, not a person.
const FILE_NUMBER_BEFORE = /(?:Az|Aktenzeichen|Geschäftszeichen|Gz|Nr|Vorgang)\.?:?[ \u00A0]*$/iu;

function digitCount(value: string): number {
  let count = 0;
  for (const c of value) if (c >= '0' && c <= '9') count++;
  return count;
}

export function findPhones(text: string, out: RedactionSpan[]): void {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    const digits = digitCount(m[0]);
    if (digits < 7 || digits > 15) continue;
    if (m.index > 0 && GLUED_BEFORE.test(text[m.index - 1]!)) continue;
    if (FILE_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(makeSpan(text, m.index, m.index + m[0].length, 'phone'));
  }
  LABELLED_PHONE.lastIndex = 0;
  for (let m = LABELLED_PHONE.exec(text); m !== null; m = LABELLED_PHONE.exec(text)) {
    const number = m[1]!;
    if (digitCount(number) < 5) continue;
    if (m.index > 0 && /\p{L}/u.test(text[m.index - 1]!)) continue;
    const end = m.index + m[0].length;
    out.push(makeSpan(text, end - number.length, end, 'phone'));
  }
}
