import {
  computeDeadline,
  createOfficeClosedCalendar,
  DeadlineInputError,
  defaultOfficeClosed,
  nrwHolidays,
  parseDuration,
  parseIsoDate,
  type Counting,
  type OfficeClosedCalendar,
  type DeadlineResult,
} from '../law/index.ts';
import type { OfficeClosedDay } from '../config.ts';

/**
 * The public Fristenrechner's one use case, shared by API, page and CLI: validate raw input and
 * compute with the NRW calendar. Input errors carry the field and a German message.
 */
/** The authority's closing days from configuration, as the engine's calendar. */
export function officeClosedCalendar(days: readonly OfficeClosedDay[]): OfficeClosedCalendar {
  return createOfficeClosedCalendar({
    annual: days.flatMap((d) =>
      d.kind === 'annual' ? [{ month: d.month, day: d.day, reason: d.reason }] : [],
    ),
    dates: days.flatMap((d) => (d.kind === 'dated' ? [{ date: d.date, reason: d.reason }] : [])),
  });
}

export interface DeadlineQuery {
  start?: string;
  duration?: string;
  counting?: string;
  shift?: boolean;
  officeClosed?: OfficeClosedCalendar;
}

export const COUNTING_LABELS: Record<Counting, string> = {
  event: 'Ereignisfrist – der Tag des Ereignisses zählt nicht mit (§ 187 Abs. 1 BGB)',
  'day-start': 'Beginn mit Tagesanfang – der erste Tag zählt mit (§ 187 Abs. 2 BGB)',
};

/** Every input problem at once, so that a form shows them all in one round. */
export function collectDeadlineErrors(query: DeadlineQuery): DeadlineInputError[] {
  const errors: DeadlineInputError[] = [];
  const check = (test: () => void) => {
    try {
      test();
    } catch (error) {
      if (!(error instanceof DeadlineInputError)) throw error;
      errors.push(error);
    }
  };
  const start = query.start?.trim() ?? '';
  const duration = normaliseDurationInput(query.duration) ?? '';
  const counting = query.counting?.trim() ?? '';
  check(() => {
    if (!start)
      throw new DeadlineInputError(
        'start',
        'Bitte geben Sie den Fristbeginn an (Format JJJJ-MM-TT).',
      );
    parseIsoDate(start, 'start');
  });
  check(() => {
    if (!duration)
      throw new DeadlineInputError(
        'duration',
        'Bitte geben Sie die Fristdauer an, z. B. P1M für einen Monat.',
      );
    parseDuration(duration);
  });
  check(() => {
    if (counting !== 'event' && counting !== 'day-start') {
      throw new DeadlineInputError(
        'counting',
        'Bitte wählen Sie die Zählweise „event“ (Ereignisfrist, § 187 Abs. 1 BGB) oder „day-start“ (Beginn mit Tagesanfang, § 187 Abs. 2 BGB).',
      );
    }
  });
  return errors;
}

export function calculateDeadline(query: DeadlineQuery): DeadlineResult {
  const [first] = collectDeadlineErrors(query);
  if (first) throw first;
  return computeDeadline({
    start: query.start!.trim(),
    duration: normaliseDurationInput(query.duration)!,
    rule: {
      counting: query.counting!.trim() as Counting,
      shiftPastNonWorkingDays: query.shift ?? true,
    },
    calendar: nrwHolidays,
    officeClosed: query.officeClosed ?? defaultOfficeClosed,
  });
}

export function toApiResult(result: DeadlineResult) {
  return {
    start: result.start,
    counting: result.counting,
    duration: result.duration.label,
    firstDay: result.firstDay,
    end: result.end,
    rawEnd: result.rawEnd,
    shifted: result.shifted,
    skipped: result.skipped,
    officeClosed: result.officeClosedNotes,
    rationale: result.rationale,
    citations: result.citations,
  };
}

const GERMAN_UNITS: Record<string, string> = {
  tag: 'D',
  tage: 'D',
  woche: 'W',
  wochen: 'W',
  monat: 'M',
  monate: 'M',
  jahr: 'Y',
  jahre: 'Y',
};

/** Lets people type "2 Wochen" or "1 Monat" on the page; everything else goes to the parser as is. */
export function normaliseDurationInput(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d{1,4})\s*([A-Za-zäÄ]+)\s*$/.exec(value);
  const unit = match ? GERMAN_UNITS[match[2]!.toLowerCase()] : undefined;
  if (match && unit) return `P${match[1]}${unit}`;
  const trimmed = value.trim();
  // ISO durations are case-insensitive for people; "P1,5M" with a German decimal comma is accepted.
  return /^p/i.test(trimmed) ? trimmed.toUpperCase().replace(/,/g, '.') : trimmed;
}
