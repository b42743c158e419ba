/**
 * Status and pace of an indicator, pure: the rule of the definition applied to the measured
 * values. The rule's wording on the page (ruleText) and this function are kept side by side.
 */
import type { Pace, Status, StatusRule, Target } from './indicator.types.ts';
import { daysBetween } from './stats.ts';

export interface Measurement {
  /** ISO date the value describes. */
  date: string;
  value: number;
}

const YEAR_DAYS = 365.25;

/**
 * Pace needed: what is left to the target, per year until the target date. Pace achieved: the
 * change per year between the last two measurements. Undefined without two measurements, a
 * target value or a target date still ahead.
 */
export function paceOf(
  measurements: readonly Measurement[],
  target: Target | undefined,
  unit: string,
): Pace | undefined {
  if (measurements.length < 2 || target?.value === undefined || !target.by) return undefined;
  const sorted = [...measurements].sort((a, b) => a.date.localeCompare(b.date));
  const last = sorted.at(-1)!;
  const previous = sorted.at(-2)!;
  const yearsLeft = daysBetween(last.date, target.by) / YEAR_DAYS;
  const yearsMeasured = daysBetween(previous.date, last.date) / YEAR_DAYS;
  if (yearsLeft <= 0 || yearsMeasured <= 0) return undefined;
  return {
    needed: (target.value - last.value) / yearsLeft,
    achieved: (last.value - previous.value) / yearsMeasured,
    unit: `${unit} je Jahr`,
  };
}

export function statusOf(
  rule: StatusRule,
  headline: number | undefined,
  pace: Pace | undefined,
): Status {
  switch (rule.kind) {
    case 'context':
      return headline === undefined ? 'no-data' : 'context';
    case 'at-least':
      if (headline === undefined) return 'no-data';
      return headline >= rule.threshold ? 'on-track' : 'behind';
    case 'at-most':
      if (headline === undefined) return 'no-data';
      return headline <= rule.threshold ? 'on-track' : 'behind';
    case 'pace': {
      if (!pace) return 'no-data';
      // Moving towards the target at least as fast as needed: a falling target (emissions) has a
      // negative pace needed, so the comparison is on the size of the step in the right direction.
      const direction = Math.sign(pace.needed) || 1;
      return pace.achieved * direction >= pace.needed * direction ? 'on-track' : 'behind';
    }
  }
}

export const STATUS_LABELS: Record<Status, string> = {
  'on-track': 'auf Kurs',
  behind: 'hinter Plan',
  'no-data': 'keine Daten',
  context: 'ohne Ziel (Kontextzahl)',
};
