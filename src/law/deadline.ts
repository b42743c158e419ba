import { addDays, parseIsoDate } from './calendar-date.ts';
import type { IsoDate } from './calendar-date.ts';
import { buildCitations, buildRationale } from './deadline-rationale.ts';
import { durationLabel } from './duration-label.ts';
import { checkDurationSize, parseDuration } from './duration.ts';
import type { ParsedDuration } from './duration.ts';
import { DeadlineInputError, quoteValue } from './errors.ts';
import { nrwHolidays } from './holidays.ts';
import type { HolidayCalendar } from './holidays.ts';
import { defaultOfficeClosed } from './office-closed.ts';
import type { OfficeClosedCalendar } from './office-closed.ts';
import { computeRawPeriod } from './period.ts';
import type { Counting } from './period.ts';
import { nonWorkingDay, shiftToWorkingDay, toSkippedDays } from './working-days.ts';
import type { SkippedDay } from './working-days.ts';

export interface DeadlineRule {
  counting: Counting;
  /**
   * Default true: § 31 (3) VwVfG NRW / § 193 BGB. False for periods within which the authority
   * must act (§ 31 (4)) and for appointments (§ 31 (5)); for the authority's own statutory
   * deadlines this is disputed, so each rule sets it with its own citation. [open]
   */
  shiftPastNonWorkingDays?: boolean;
  /** Citation for why shifting is on or off; replaces '§ 31 Abs. 3 VwVfG NRW'. */
  shiftCitation?: string;
}

export interface DeadlineResult {
  /** The input date: event day (§ 187 (1)) or first counted day (§ 187 (2)). */
  start: IsoDate;
  counting: Counting;
  duration: ParsedDuration;
  firstDay: IsoDate;
  /** End per §§ 188, 189 BGB before any shift. */
  rawEnd: IsoDate;
  /** Final end; the period ends at 24:00 of this day. */
  end: IsoDate;
  shifted: boolean;
  /** Every day passed over by the shift, in order: rawEnd up to the day before end. */
  skipped: SkippedDay[];
  /** Office-closed days from rawEnd to end: informative only, they never move the end. */
  officeClosedNotes: SkippedDay[];
  rationale: string;
  citations: string[];
}

export interface DeadlineInput {
  start: IsoDate;
  duration: string | ParsedDuration;
  rule: DeadlineRule;
  calendar?: HolidayCalendar;
  officeClosed?: OfficeClosedCalendar;
}

export interface ExtensionInput {
  previousEnd: IsoDate;
  duration: string | ParsedDuration;
  rule?: Omit<DeadlineRule, 'counting'>;
  calendar?: HolidayCalendar;
  officeClosed?: OfficeClosedCalendar;
}

const durationFields = ['years', 'months', 'weeks', 'days'] as const;

/** Accepts a duration string or an already parsed duration (checked again: it may come from JSON). */
function normalizeDuration(duration: string | ParsedDuration): ParsedDuration {
  if (typeof duration === 'string') return parseDuration(duration);
  const looksValid =
    typeof duration === 'object' &&
    duration !== null &&
    typeof duration.halfMonth === 'boolean' &&
    durationFields.every((f) => Number.isSafeInteger(duration[f]) && duration[f] >= 0);
  if (!looksValid) {
    throw new DeadlineInputError(
      'duration',
      'Die Fristdauer ist ungültig: Jahre, Monate, Wochen und Tage müssen ganze Zahlen ab 0 sein.',
    );
  }
  const label = typeof duration.label === 'string' ? duration.label.trim() : '';
  checkDurationSize(duration, label === '' ? '(ohne Bezeichnung)' : quoteValue(label));
  return { ...duration, label: label === '' ? durationLabel(duration) : label };
}

function checkCounting(rule: DeadlineRule | undefined): Counting {
  const counting: unknown = rule?.counting;
  if (counting === 'event' || counting === 'day-start') return counting;
  const shown = counting === undefined ? 'fehlt' : `${quoteValue(counting)} ist unbekannt`;
  throw new DeadlineInputError(
    'counting',
    `Die Zählweise ${shown}. Zulässig sind „event“ (Ereignisfrist, § 187 Abs. 1 BGB) und „day-start“ (Fristbeginn mit Beginn eines Tages, § 187 Abs. 2 BGB).`,
  );
}

function calculate(input: DeadlineInput, startField: 'start' | 'previousEnd'): DeadlineResult {
  const start = parseIsoDate(input.start, startField);
  const duration = normalizeDuration(input.duration);
  const counting = checkCounting(input.rule);
  const calendar = input.calendar ?? nrwHolidays;
  const officeClosed = input.officeClosed ?? defaultOfficeClosed;
  const shiftOn = input.rule.shiftPastNonWorkingDays ?? true;

  const period = computeRawPeriod(start, duration, counting);
  const { end, skipped } = shiftOn
    ? shiftToWorkingDay(period.rawEnd, calendar)
    : { end: period.rawEnd, skipped: [] };
  const officeClosedNotes: SkippedDay[] = [];
  for (let day = period.rawEnd; day <= end; day = addDays(day, 1)) {
    const closed = officeClosed.closedOn(day);
    if (closed) officeClosedNotes.push({ date: day, reason: closed.reason });
  }

  const facts = {
    start,
    counting,
    duration,
    ...period,
    end,
    shiftOn,
    shiftCitation: input.rule.shiftCitation,
    skipped,
    rawEndStatus: nonWorkingDay(period.rawEnd, calendar),
    officeClosedNotes,
    extension: startField === 'previousEnd',
  };
  return {
    start,
    counting,
    duration,
    firstDay: period.firstDay,
    rawEnd: period.rawEnd,
    end,
    shifted: end !== period.rawEnd,
    skipped: toSkippedDays(skipped),
    officeClosedNotes,
    rationale: buildRationale(facts),
    citations: buildCitations(facts),
  };
}

/** Computes a deadline per § 31 VwVfG NRW with §§ 187–189 BGB and the NRW holidays. */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  return calculate(input, 'start');
}

/**
 * § 190 BGB: the new period is counted from the expiry of the previous one, i.e. like an event
 * period (§ 187 (1)) whose event day is `previousEnd`.
 * [open] Which end to pass: the prevailing civil-law view treats old and new period as one, so
 * § 193 BGB does not shift the old end (Prütting/Wegen/Weinreich, BGB, § 190 Rn. 1, citing
 * BAG DB 1956, 598) — that argues for passing the previous `rawEnd`, not the shifted `end`.
 * The caller decides; the engine does not guess.
 */
export function extendDeadline(input: ExtensionInput): DeadlineResult {
  return calculate(
    {
      start: input.previousEnd,
      duration: input.duration,
      rule: { ...input.rule, counting: 'event' },
      ...(input.calendar ? { calendar: input.calendar } : {}),
      ...(input.officeClosed ? { officeClosed: input.officeClosed } : {}),
    },
    'previousEnd',
  );
}
