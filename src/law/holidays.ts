import { addDays, formatIso, toParts } from './calendar-date.ts';
import type { IsoDate } from './calendar-date.ts';

export interface Holiday {
  date: IsoDate;
  /** German name, spelled as in the OpenHolidays data set, e.g. 'Karfreitag'. */
  name: string;
}

export interface HolidayCalendar {
  /** All public holidays of the year, sorted by date. */
  holidaysInYear(year: number): Holiday[];
  holidayOn(date: IsoDate): Holiday | undefined;
}

/** A holiday that exists only on one date, declared by a special act (not a yearly rule). */
export interface OneOffHoliday {
  date: IsoDate;
  name: string;
}

type HolidayRule =
  | { kind: 'fixed'; month: number; day: number; name: string }
  | { kind: 'easter'; offset: number; name: string };

/**
 * § 2 Abs. 1 FeiertagsG NW as data, so that a lawyer can review it line by line.
 * Easter Sunday and Whit Sunday are not listed: they are Sundays anyway. 6 Jan, 31 Oct,
 * Buß- und Bettag (abolished 1995), 24 and 31 Dec are NOT holidays in NRW.
 * The current list is applied to every year; historic holidays before 1995 are not modelled.
 */
const nrwHolidayRules: readonly HolidayRule[] = [
  { kind: 'fixed', month: 1, day: 1, name: 'Neujahr' },
  { kind: 'easter', offset: -2, name: 'Karfreitag' },
  { kind: 'easter', offset: 1, name: 'Ostermontag' },
  { kind: 'fixed', month: 5, day: 1, name: 'Tag der Arbeit' },
  { kind: 'easter', offset: 39, name: 'Christi Himmelfahrt' },
  { kind: 'easter', offset: 50, name: 'Pfingstmontag' },
  { kind: 'easter', offset: 60, name: 'Fronleichnam' },
  { kind: 'fixed', month: 10, day: 3, name: 'Tag der Deutschen Einheit' },
  { kind: 'fixed', month: 11, day: 1, name: 'Allerheiligen' },
  { kind: 'fixed', month: 12, day: 25, name: '1. Weihnachtsfeiertag' },
  { kind: 'fixed', month: 12, day: 26, name: '2. Weihnachtsfeiertag' },
];

/**
 * The 500th anniversary of the Reformation was a one-off public holiday in every German state
 * in 2017 (in NRW by a one-time amendment of the FeiertagsG NW). [open: exact NRW citation]
 */
export const defaultOneOffHolidays: readonly OneOffHoliday[] = Object.freeze([
  { date: '2017-10-31', name: 'Reformationstag (500. Jahrestag der Reformation)' },
]);

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Ungültiges Jahr ${String(year)} (Gregorianischer Kalender ab 1583).`);
  }
}

/** Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIso({ year, month, day });
}

function ruleDate(rule: HolidayRule, year: number, easter: IsoDate): IsoDate {
  switch (rule.kind) {
    case 'fixed':
      return formatIso({ year, month: rule.month, day: rule.day });
    case 'easter':
      return addDays(easter, rule.offset);
  }
}

/**
 * The public holidays of North Rhine-Westphalia. `oneOff` REPLACES the default one-off list;
 * to add one, pass `[...defaultOneOffHolidays, { date, name }]`.
 */
export function createNrwHolidayCalendar(
  options: { oneOff?: OneOffHoliday[] } = {},
): HolidayCalendar {
  const oneOff = (options.oneOff ?? defaultOneOffHolidays).map((holiday) => {
    toParts(holiday.date); // throws on a malformed configured date
    return Object.freeze({ date: holiday.date, name: holiday.name });
  });
  const cache = new Map<number, ReadonlyMap<IsoDate, Holiday>>();

  function holidaysByDate(year: number): ReadonlyMap<IsoDate, Holiday> {
    const cached = cache.get(year);
    if (cached) return cached;
    assertYear(year);
    const easter = easterSunday(year);
    const regular = nrwHolidayRules.map((rule) =>
      Object.freeze({ date: ruleDate(rule, year, easter), name: rule.name }),
    );
    const yearPrefix = `${String(year).padStart(4, '0')}-`;
    // A regular holiday wins over a one-off on the same day: its name is the statutory one.
    const all = [...regular, ...oneOff.filter((h) => h.date.startsWith(yearPrefix))];
    const byDate = new Map<IsoDate, Holiday>();
    for (const holiday of all.sort((x, y) => x.date.localeCompare(y.date))) {
      if (!byDate.has(holiday.date)) byDate.set(holiday.date, holiday);
    }
    cache.set(year, byDate);
    return byDate;
  }

  return {
    holidaysInYear: (year) => [...holidaysByDate(year).values()],
    holidayOn: (date) => holidaysByDate(toParts(date).year).get(date),
  };
}

/** The default NRW calendar with the default one-off holidays. */
export const nrwHolidays: HolidayCalendar = createNrwHolidayCalendar();
