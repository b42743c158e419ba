import { daysInMonth, toParts } from './calendar-date.ts';
import type { IsoDate } from './calendar-date.ts';

/**
 * Days on which the authority is closed although they are working days (24 and 31 Dec, a works
 * outing). They are NOT public holidays: § 31 Abs. 3 VwVfG NRW does not move a deadline past
 * them. The engine only reports them, so that staff can make sure mail is still received.
 */
export interface OfficeClosedCalendar {
  closedOn(date: IsoDate): { reason: string } | undefined;
}

export interface OfficeClosedOptions {
  annual?: { month: number; day: number; reason: string }[];
  dates?: { date: IsoDate; reason: string }[];
}

const annualKey = (month: number, day: number): string => `${month}-${day}`;

export function createOfficeClosedCalendar(options: OfficeClosedOptions): OfficeClosedCalendar {
  const annual = new Map<string, string>();
  for (const { month, day, reason } of options.annual ?? []) {
    // 2024 is a leap year, so 29 Feb is accepted as an annual day.
    const valid =
      Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1;
    if (!valid || day > daysInMonth(2024, month)) {
      throw new RangeError(`Ungültiger jährlicher Schließtag ${String(day)}.${String(month)}.`);
    }
    annual.set(annualKey(month, day), reason);
  }
  const dated = new Map<IsoDate, string>();
  for (const { date, reason } of options.dates ?? []) {
    toParts(date); // throws on a malformed configured date
    dated.set(date, reason);
  }

  return {
    closedOn(date) {
      const { month, day } = toParts(date);
      const reason = dated.get(date) ?? annual.get(annualKey(month, day));
      return reason === undefined ? undefined : { reason };
    },
  };
}

/** Christmas Eve and New Year's Eve: usual closures of NRW authorities, no public holidays. */
export const defaultOfficeClosed: OfficeClosedCalendar = createOfficeClosedCalendar({
  annual: [
    { month: 12, day: 24, reason: 'Heiligabend' },
    { month: 12, day: 31, reason: 'Silvester' },
  ],
});
