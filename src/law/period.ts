import {
  daysInMonth,
  dayNumberOf,
  isoFromDayNumber,
  toDayNumber,
  toParts,
} from './calendar-date.ts';
import type { DateParts, IsoDate } from './calendar-date.ts';
import type { ParsedDuration } from './duration.ts';

/**
 * § 187 (1) BGB: an event during a day (delivery, end of a display) — that day is not counted.
 * § 187 (2) BGB: the period starts at the beginning of a day — that day is counted.
 */
export type Counting = 'event' | 'day-start';

export interface RawPeriod {
  firstDay: IsoDate;
  rawEnd: IsoDate;
  /** § 188 (3) BGB applied: the matching day is missing in the last month. */
  monthEndClamped: boolean;
}

function addMonths({ year, month }: DateParts, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Last day of the month part of a period (§ 188 (2), (3) BGB).
 * Event counting: the day whose number matches the event day. Day-start counting: the day
 * BEFORE the day whose number matches the first day, i.e. number − 1 in the last month (from
 * the 1st this is the last day of the month before). If the relevant day is missing in the
 * last month, the period ends on that month's last day (§ 188 (3)). [calc: day-start with
 * § 188 (3), e.g. from 31 Jan → 28 Feb, is our reading of "der für ihren Ablauf maßgebende Tag"]
 */
function monthPartEnd(
  start: DateParts,
  months: number,
  counting: Counting,
): { dayNumber: number; clamped: boolean } {
  const target = addMonths(start, months);
  const wanted = counting === 'event' ? start.day : start.day - 1;
  if (wanted === 0) {
    return { dayNumber: toDayNumber({ ...target, day: 1 }) - 1, clamped: false };
  }
  const lastDay = daysInMonth(target.year, target.month);
  const clamped = wanted > lastDay;
  return { dayNumber: toDayNumber({ ...target, day: clamped ? lastDay : wanted }), clamped };
}

/**
 * Raw end of a period per §§ 187–189 BGB, before any weekend/holiday shift. Units are counted
 * from the largest to the smallest: years and months together (a year is 12 months, § 188 (2)),
 * then weeks, then days; the 15 days of a half month come last (§ 189 (2) BGB).
 */
export function computeRawPeriod(
  start: IsoDate,
  duration: ParsedDuration,
  counting: Counting,
): RawPeriod {
  const startDay = dayNumberOf(start);
  const firstDay = counting === 'event' ? startDay + 1 : startDay;
  const totalMonths = duration.years * 12 + duration.months;
  // "anchor" = last day already covered; following weeks/days are counted after it.
  const monthPart =
    totalMonths > 0
      ? monthPartEnd(toParts(start), totalMonths, counting)
      : { dayNumber: firstDay - 1, clamped: false };
  const rest = duration.weeks * 7 + duration.days + (duration.halfMonth ? 15 : 0);
  return {
    firstDay: isoFromDayNumber(firstDay),
    rawEnd: isoFromDayNumber(monthPart.dayNumber + rest),
    monthEndClamped: monthPart.clamped,
  };
}
