import { addDays, isoWeekday, parseIsoDate } from './calendar-date.ts';
import type { IsoDate } from './calendar-date.ts';
import { citation } from './citations.ts';
import { DeadlineInputError, quoteValue } from './errors.ts';
import { formatGermanDate, weekdayName } from './german-format.ts';
import { nrwHolidays } from './holidays.ts';
import type { HolidayCalendar } from './holidays.ts';
import { defaultOfficeClosed } from './office-closed.ts';
import type { OfficeClosedCalendar } from './office-closed.ts';

export interface SkippedDay {
  date: IsoDate;
  /** German: 'Samstag', 'Sonntag' or the holiday's name, e.g. 'Karfreitag'. */
  reason: string;
}

/** Internal: a skipped day that remembers whether a public holiday was the cause. */
export interface NonWorkingDay extends SkippedDay {
  kind: 'weekend' | 'holiday' | 'office-closed';
}

/**
 * Why a date is no working day in the sense of § 31 (3) VwVfG NRW (Saturday, Sunday or public
 * holiday), or undefined. A holiday's name wins over the weekday: it says more.
 */
export function nonWorkingDay(date: IsoDate, calendar: HolidayCalendar): NonWorkingDay | undefined {
  const holiday = calendar.holidayOn(date);
  if (holiday) return { date, reason: holiday.name, kind: 'holiday' };
  const weekday = isoWeekday(date);
  if (weekday === 6) return { date, reason: 'Samstag', kind: 'weekend' };
  // Easter and Whit Sunday are plain Sundays here: § 2 FeiertagsG NW does not list them.
  if (weekday === 7) return { date, reason: 'Sonntag', kind: 'weekend' };
  return undefined;
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar = nrwHolidays): boolean {
  return nonWorkingDay(date, calendar) === undefined;
}

/**
 * § 31 (3) VwVfG NRW (cf. § 193 BGB): a period ending on a Saturday, Sunday or public holiday
 * ends with the next working day. Returns every day passed over, starting with the raw end.
 */
export function shiftToWorkingDay(
  rawEnd: IsoDate,
  calendar: HolidayCalendar,
): { end: IsoDate; skipped: NonWorkingDay[] } {
  const skipped: NonWorkingDay[] = [];
  let day = rawEnd;
  for (let reason = nonWorkingDay(day, calendar); reason; reason = nonWorkingDay(day, calendar)) {
    skipped.push(reason);
    day = addDays(day, 1);
  }
  return { end: day, skipped };
}

/** Publishes the internal skip list without the internal `kind`. */
export function toSkippedDays(days: readonly NonWorkingDay[]): SkippedDay[] {
  return days.map(({ date, reason }) => ({ date, reason }));
}

const MAX_WORKING_DAYS = 10000;

/**
 * Counts n working days after `start` (start not counted), for rules such as "innerhalb von
 * 10 Arbeitstagen". Weekends and public holidays never count; office-closed days only with
 * `skipOfficeClosed` (whether they count depends on the rule that asks). [open per rule]
 */
export function addWorkingDays(input: {
  start: IsoDate;
  days: number;
  calendar?: HolidayCalendar;
  officeClosed?: OfficeClosedCalendar;
  skipOfficeClosed?: boolean;
}): { end: IsoDate; skipped: SkippedDay[]; rationale: string; citations: string[] } {
  const start = parseIsoDate(input.start, 'start');
  const count = input.days;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_WORKING_DAYS
  ) {
    throw new DeadlineInputError(
      'days',
      `Die Anzahl der Arbeitstage ${quoteValue(count)} muss eine ganze Zahl zwischen 1 und ${MAX_WORKING_DAYS} sein.`,
    );
  }
  const calendar = input.calendar ?? nrwHolidays;
  const officeClosed = input.officeClosed ?? defaultOfficeClosed;
  const skipped: NonWorkingDay[] = [];
  let day = start;
  for (let counted = 0; counted < count;) {
    day = addDays(day, 1);
    const closed = input.skipOfficeClosed ? officeClosed.closedOn(day) : undefined;
    const reason =
      nonWorkingDay(day, calendar) ??
      (closed ? { date: day, reason: closed.reason, kind: 'office-closed' as const } : undefined);
    if (reason) skipped.push(reason);
    else counted += 1;
  }
  const holidaySkipped = skipped.some((d) => d.kind === 'holiday');
  const excluded = input.skipOfficeClosed
    ? 'Samstage, Sonntage, gesetzliche Feiertage in Nordrhein-Westfalen und Schließtage der Behörde'
    : 'Samstage, Sonntage und gesetzliche Feiertage in Nordrhein-Westfalen';
  const skippedText =
    skipped.length === 0
      ? ''
      : ` Nicht mitgezählt: ${skipped.map((d) => describeSkippedDay(d)).join('; ')}.`;
  const rationale =
    `Gezählt werden ${count === 1 ? '1 Arbeitstag' : `${count} Arbeitstage`} nach ${formatGermanDate(start)}; ` +
    `dieser Tag wird nicht mitgezählt. ${excluded} zählen nicht als Arbeitstage` +
    `${holidaySkipped ? ` (${citation.nrwHolidays})` : ''}.${skippedText} ` +
    `Der ${count}. Arbeitstag ist ${formatGermanDate(day)}.`;
  return {
    end: day,
    skipped: toSkippedDays(skipped),
    rationale,
    citations: holidaySkipped ? [citation.nrwHolidays] : [],
  };
}

/** 'Samstag, 4. April 2026' or 'Montag, 6. April 2026 (Ostermontag)'. */
export function describeSkippedDay(day: NonWorkingDay): string {
  const text = formatGermanDate(day.date);
  return day.reason === weekdayName(day.date) ? text : `${text} (${day.reason})`;
}
