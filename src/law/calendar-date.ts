import { DeadlineInputError, fieldSubject, quoteValue } from './errors.ts';
import type { DeadlineInputField } from './errors.ts';

/**
 * A calendar date 'YYYY-MM-DD' without time or zone: §§ 187–188 BGB count whole days, so the
 * engine never touches clocks or time zones (a deadline ends at 24:00 of its last day).
 */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_INPUT_YEAR = 1900;
const MAX_INPUT_YEAR = 2200;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
export function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatIso({ year, month, day }: DateParts): IsoDate {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function matchParts(value: string): DateParts | undefined {
  const match = ISO_PATTERN.exec(value);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const valid =
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month);
  return valid ? parts : undefined;
}

/** Internal: dates reaching this point were validated; a malformed one is a programming error. */
export function toParts(date: IsoDate): DateParts {
  const parts = typeof date === 'string' ? matchParts(date) : undefined;
  if (!parts) throw new RangeError(`Ungültiges Datum ${quoteValue(date)} (erwartet JJJJ-MM-TT).`);
  return parts;
}

export function dayNumberOf(date: IsoDate): number {
  return toDayNumber(toParts(date));
}

export function isoFromDayNumber(dayNumber: number): IsoDate {
  return formatIso(fromDayNumber(dayNumber));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumberOf(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate): number {
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Strict validation of user input: only 'YYYY-MM-DD', only real calendar days, only years
 * 1900–2200 (wider ranges are typing errors, and the holiday rules are today's law).
 * Surrounding blanks (from form fields) are ignored; the result is the canonical date.
 */
export function parseIsoDate(value: string, field: DeadlineInputField): IsoDate {
  const subject = fieldSubject[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DeadlineInputError(field, `${subject} fehlt (Format JJJJ-MM-TT).`);
  }
  const parts = matchParts(value.trim());
  if (!parts) {
    throw new DeadlineInputError(
      field,
      `${subject} ${quoteValue(value)} ist kein gültiges Datum (Format JJJJ-MM-TT).`,
    );
  }
  if (parts.year < MIN_INPUT_YEAR || parts.year > MAX_INPUT_YEAR) {
    throw new DeadlineInputError(
      field,
      `${subject} ${quoteValue(value)} liegt außerhalb des unterstützten Zeitraums (Jahre ${MIN_INPUT_YEAR} bis ${MAX_INPUT_YEAR}).`,
    );
  }
  return formatIso(parts);
}
