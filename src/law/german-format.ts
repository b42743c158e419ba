import { isoWeekday, toParts } from './calendar-date.ts';
import type { IsoDate } from './calendar-date.ts';

export const weekdayNames = [
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
  'Sonntag',
] as const;

const monthNames = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;

/** German weekday name of a date, e.g. 'Mittwoch'. */
export function weekdayName(date: IsoDate): string {
  return weekdayNames[isoWeekday(date) - 1] ?? '';
}

/** 'Mittwoch, 8. April 2026' (or '8. April 2026' with weekday: false) — the style of notices. */
export function formatGermanDate(date: IsoDate, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = toParts(date);
  const text = `${day}. ${monthNames[month - 1] ?? ''} ${year}`;
  return options.weekday === false ? text : `${weekdayName(date)}, ${text}`;
}

/** '08.04.2026' — for tables and lists. */
export function formatGermanDateShort(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** "1 Einwendung", "1.234 Einwendungen": a German count with the noun in the right number. */
export function countNoun(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('de-DE')} ${count === 1 ? singular : plural}`;
}
