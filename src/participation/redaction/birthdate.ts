/**
 * Dates of birth ("geb. 12.03.1956", "geboren am 3. Mai 1948", "Jahrgang 1951", "*12.03.1956",
 * "1950 geboren"). Together with a name or a street they identify a person, and the applicant
 * does not need them. Ordinary dates (of the notice, of a deadline) are left alone: only a date
 * next to a birth marker counts. A maiden name after "geb." is a name.
 */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const MONTHS =
  'Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  String.raw`Jan\.|Feb\.|Febr\.|Mär\.|Mrz\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Sept\.|Okt\.|Nov\.|Dez\.`;
const DATE =
  String.raw`(?:[0-3]?\d\.[ \u00A0]?(?:[01]?\d\.[ \u00A0]?|(?:${MONTHS})[ \u00A0]?)(?:19|20)?\d{2}` +
  String.raw`|(?:19|20)\d{2}-[01]\d-[0-3]\d|[0-3]?\d/[01]?\d/(?:19|20)\d{2})`;
const YEAR = String.raw`(?:19|20)\d{2}`;
// Line breaks too: wrapped letters split "geboren am" from the date.
const SP = String.raw`\s*`;

const AFTER_MARKER = new RegExp(
  String.raw`(?:\b(?:[Gg]eb\.|[Gg]eboren(?:${SP}(?:am|den|im${SP}Jahre?|in${SP}Jahre?))?|(?:[Gg]eburtsdatum|Geb\.-?[Dd]atum)(?:${SP}de[rs]${SP}\p{L}+)?|Geburtsjahr|[Jj]ahrgang|Jg\.)|\*)${SP}:?${SP}(${DATE}|${YEAR})(?![\d])`,
  'gu',
);
const BEFORE_MARKER = new RegExp(
  String.raw`(?<![\d.])(${DATE}|${YEAR})${SP}(?:geboren|zur${SP}Welt${SP}gekommen)\b`,
  'gu',
);
// "geb. Schmitz": the birth name.
const MAIDEN = /\b[Gg]eb(?:\.|oren(?:e)?)[ \u00A0]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;
// "Jahrgang 2025" of a school or a report is not a birth year; only plausible years of birth.
const plausible = (value: string): boolean => {
  const year = /(?:19|20)\d{2}$/.exec(value)?.[0];
  return year === undefined || (Number(year) >= 1900 && Number(year) <= 2026);
};

export function findBirthdates(text: string, out: RedactionSpan[]): void {
  if (!/[Gg]eb|[Jj]ahrgang|Jg\.|\*/.test(text)) return;
  for (const pattern of [AFTER_MARKER, BEFORE_MARKER]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1]!;
      if (!plausible(value)) continue;
      const start = m.index + m[0].indexOf(value);
      out.push(makeSpan(text, start, start + value.length, 'birthdate'));
    }
  }
  for (const m of text.matchAll(MAIDEN)) {
    const name = m[1]!;
    const start = m.index + m[0].lastIndexOf(name);
    out.push(makeSpan(text, start, start + name.length, 'name'));
  }
}
