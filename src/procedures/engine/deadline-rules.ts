/**
 * Interpretation of the deadline data: which duration applies, and when a deadline starts.
 * The calendar arithmetic itself is the law engine's (§ 31 VwVfG NRW with §§ 187–193 BGB).
 */
import { computeDeadline, formatGermanDate } from '../../law/index.ts';
import type { DeadlineResult, IsoDate } from '../../law/index.ts';
import { isIsoDate } from './dates.ts';
import type { CaseEvent, DeadlineDef, DurationSpec, StartRule } from './types.ts';

export type Facts = Readonly<Record<string, boolean>>;

/** The ISO duration of a spec, or null if the data needed is missing. */
export function resolveDuration(
  spec: DurationSpec,
  facts: Facts,
  triggerData: Readonly<Record<string, unknown>> | undefined,
): string | null {
  switch (spec.kind) {
    case 'fixed':
      return spec.duration;
    case 'by-fact':
      return facts[spec.fact] === true ? spec.ifTrue : spec.ifFalse;
    case 'from-event': {
      const value = triggerData?.[spec.field];
      return typeof value === 'string' ? value : null;
    }
  }
}

/** The first period of a deadline from its start, with the deadline's shift rule. */
export function firstPeriod(def: DeadlineDef, start: IsoDate, duration: string): DeadlineResult {
  return computeDeadline({
    start,
    duration,
    rule: {
      counting: def.counting,
      shiftPastNonWorkingDays: def.shiftPastNonWorkingDays,
      shiftCitation: def.shiftCitation,
    },
  });
}

export interface ResolvedStart {
  readonly date: IsoDate;
  /** Index of the trigger event in the history, or -1 for a derived start. */
  readonly index: number;
  /** German sentence explaining the start, with its citation. */
  readonly explanation: string;
}

export interface StartContext {
  readonly history: readonly CaseEvent[];
  /** End dates of deadlines already materialised (single-instance ones, not cancelled). */
  readonly ends: ReadonlyMap<string, IsoDate>;
}

function findEvent(
  history: readonly CaseEvent[],
  types: readonly string[],
  occurrence: 'first' | 'last',
): number {
  const matches = (event: CaseEvent): boolean => types.includes(event.type);
  return occurrence === 'first' ? history.findIndex(matches) : history.findLastIndex(matches);
}

/** Resolves a start rule; null means the deadline has not started (yet). */
export function resolveStart(rule: StartRule, ctx: StartContext): ResolvedStart | null {
  switch (rule.kind) {
    case 'event': {
      const index = findEvent(ctx.history, rule.events, rule.occurrence);
      const event = ctx.history[index];
      if (!event) return null;
      return {
        date: event.at,
        index,
        explanation: `Fristauslösendes Ereignis: ${rule.label} am ${formatGermanDate(event.at)} (${rule.citation}).`,
      };
    }
    case 'deadline-end': {
      const end = ctx.ends.get(rule.deadline);
      if (end === undefined) return null;
      return {
        date: end,
        index: -1,
        explanation: `Fristauslösendes Ereignis: ${rule.label} mit Ablauf des ${formatGermanDate(end, { weekday: false })} (${rule.citation}).`,
      };
    }
    case 'if-event': {
      const event = ctx.history.find((candidate) => candidate.type === rule.event);
      const limit =
        rule.withinDeadline === undefined ? undefined : ctx.ends.get(rule.withinDeadline);
      const counts = event !== undefined && (limit === undefined || event.at <= limit);
      return resolveStart(counts ? rule.then : rule.otherwise, ctx);
    }
    case 'event-date': {
      const index = findEvent(ctx.history, [rule.event], 'last');
      const value = ctx.history[index]?.data[rule.field];
      if (typeof value !== 'string' || !isIsoDate(value)) return null;
      return {
        date: value,
        index,
        explanation: `Fristbeginn: ${rule.label} am ${formatGermanDate(value)} (${rule.citation}).`,
      };
    }
    case 'earliest': {
      const starts = rule.of
        .map((candidate) => resolveStart(candidate, ctx))
        .filter((start): start is ResolvedStart => start !== null);
      return starts.reduce<ResolvedStart | null>(
        (best, start) => (best === null || start.date < best.date ? start : best),
        null,
      );
    }
  }
}

/** Every event type a start rule listens to, for deadlineChanges and consistency checks. */
export function startEvents(rule: StartRule): string[] {
  switch (rule.kind) {
    case 'event':
      return [...rule.events];
    case 'deadline-end':
      return [];
    case 'event-date':
      return [rule.event];
    case 'if-event':
      return [rule.event, ...startEvents(rule.then), ...startEvents(rule.otherwise)];
    case 'earliest':
      return rule.of.flatMap(startEvents);
  }
}

/** Every deadline a start rule depends on. */
export function startDependencies(rule: StartRule): string[] {
  switch (rule.kind) {
    case 'event':
    case 'event-date':
      return [];
    case 'deadline-end':
      return [rule.deadline];
    case 'if-event':
      return [
        ...(rule.withinDeadline === undefined ? [] : [rule.withinDeadline]),
        ...startDependencies(rule.then),
        ...startDependencies(rule.otherwise),
      ];
    case 'earliest':
      return rule.of.flatMap(startDependencies);
  }
}
