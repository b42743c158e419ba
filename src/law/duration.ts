import { durationLabel, quarterYearsLabel } from './duration-label.ts';
import { DeadlineInputError, quoteValue } from './errors.ts';

export interface ParsedDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  /** Half a month = 15 days, counted after the whole months (§ 189 Abs. 1, 2 BGB). */
  halfMonth: boolean;
  /** German, e.g. '1 Monat', 'ein halbes Jahr', '2 Wochen'. */
  label: string;
}

// A Map, not an object literal: input such as '__proto__' must not hit Object.prototype.
const aliases: ReadonlyMap<string, string> = new Map([
  ['half-year', 'P0.5Y'],
  ['quarter', 'P0.25Y'],
  ['half-month', 'P0.5M'],
]);

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_DURATION = new RegExp(`^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?$`);
/** 100 years; longer periods are typing errors, not deadlines. */
const MAX_DAYS = 36525;
const AVERAGE_MONTH_DAYS = 365.25 / 12;

function fail(message: string): never {
  throw new DeadlineInputError('duration', message);
}

const formatHint =
  'Erlaubt sind ISO-8601-Angaben wie „P1M“ (1 Monat), „P2W“ (2 Wochen), „P10D“ (10 Tage), „P1Y2M“ oder „P0.5Y“ (ein halbes Jahr).';

/** Rejects empty, zero, negative and absurd durations; shared by the parser and object input. */
export function checkDurationSize(d: Omit<ParsedDuration, 'label'>, shown: string): void {
  const totalMonths = d.years * 12 + d.months;
  const approxDays =
    totalMonths * AVERAGE_MONTH_DAYS + d.weeks * 7 + d.days + (d.halfMonth ? 15 : 0);
  if (approxDays === 0) {
    fail(`Die Fristdauer ${shown} ist null; eine Frist muss mindestens einen Tag umfassen.`);
  }
  if (approxDays > MAX_DAYS) {
    fail(`Die Fristdauer ${shown} ist zu lang; unterstützt werden Fristen bis 100 Jahre.`);
  }
}

function parseYears(
  text: string,
  isLast: boolean,
  shown: string,
): { months: number; label?: string } {
  const value = Number(text.replace(',', '.'));
  if (Number.isInteger(value)) return { months: value * 12 };
  // § 189 Abs. 1 BGB defines only the quarter and the half year; they must be the last unit.
  if (!isLast || !Number.isInteger(value * 4)) {
    fail(
      `Die Fristdauer ${shown} enthält einen unzulässigen Jahresbruchteil; erlaubt sind Vierteljahre (z. B. „P0.25Y“, „P0.5Y“) als letzte Einheit.`,
    );
  }
  return { months: value * 12, label: quarterYearsLabel(value * 4) };
}

function parseMonths(
  text: string,
  isLast: boolean,
  shown: string,
): { months: number; half: boolean } {
  const value = Number(text.replace(',', '.'));
  if (Number.isInteger(value)) return { months: value, half: false };
  // § 189 BGB knows only the half month (15 days, counted last); it must be the last unit.
  if (!isLast || value % 1 !== 0.5) {
    fail(
      `Die Fristdauer ${shown} enthält einen unzulässigen Monatsbruchteil; erlaubt ist nur ein halber Monat (z. B. „P0.5M“, „P1.5M“) als letzte Einheit.`,
    );
  }
  return { months: Math.floor(value), half: true };
}

function parseWhole(text: string, unit: string, shown: string): number {
  if (!/^\d+$/.test(text))
    fail(`Die Fristdauer ${shown} darf ${unit} nur als ganze Zahl enthalten.`);
  return Number(text);
}

/**
 * Parses an ISO 8601 duration (PnY, PnM, PnW, PnD and combinations) plus the § 189 BGB
 * fractions and the aliases 'half-year', 'quarter', 'half-month'.
 */
export function parseDuration(input: string): ParsedDuration {
  if (typeof input !== 'string' || input.trim() === '') {
    fail(`Die Fristdauer fehlt. ${formatHint}`);
  }
  const trimmed = input.trim();
  const shown = quoteValue(trimmed);
  const text = (aliases.get(trimmed.toLowerCase()) ?? trimmed).toUpperCase();
  if (/^-|^P.*-/.test(text)) fail(`Die Fristdauer ${shown} darf nicht negativ sein.`);
  if (/^P.*T/.test(text)) {
    fail(
      `Die Fristdauer ${shown} enthält Stunden oder Minuten; Fristen nach Stunden (§ 31 Abs. 6 VwVfG NRW) werden hier nicht berechnet.`,
    );
  }
  const match = text === 'P' ? null : ISO_DURATION.exec(text);
  if (!match) fail(`Die Fristdauer ${shown} ist keine gültige Dauer. ${formatHint}`);
  const [, yearText, monthText, weekText, dayText] = match;
  const present = [yearText, monthText, weekText, dayText];
  const lastIndex = present.findLastIndex((part) => part !== undefined);

  const years =
    yearText === undefined ? { months: 0 } : parseYears(yearText, lastIndex === 0, shown);
  const months =
    monthText === undefined
      ? { months: 0, half: false }
      : parseMonths(monthText, lastIndex === 1, shown);
  const weeks = weekText === undefined ? 0 : parseWhole(weekText, 'Wochen', shown);
  const days = dayText === undefined ? 0 : parseWhole(dayText, 'Tage', shown);

  const wholeYears = Math.floor(years.months / 12);
  const result = {
    years: wholeYears,
    months: years.months - wholeYears * 12 + months.months,
    weeks,
    days,
    halfMonth: months.half,
  };
  checkDurationSize(result, shown);
  const label = durationLabel({
    ...(years.label === undefined ? {} : { yearsText: years.label }),
    years: result.years,
    months: months.months,
    weeks,
    days,
    halfMonth: months.half,
  });
  return { ...result, label };
}
