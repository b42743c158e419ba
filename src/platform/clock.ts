/** Time comes from a clock so that deadline effects can be tested with the clock controlled. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  start: Date,
): Clock & { set(date: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * A clock running `days` ahead of `base`: on a demo instance (DEMO_CLOCK_OFFSET_DAYS), deadlines,
 * the deadline watcher, notices and receipts all behave as on that later day. Time still runs.
 */
export function offsetClock(base: Clock, days: number): Clock {
  if (days === 0) return base;
  return { now: () => new Date(base.now().getTime() + days * DAY_MS) };
}

/** The application's clock as configured: real time, or ahead on a demo instance. */
export function configuredClock(
  config: { demoClockOffsetDays: number },
  base = systemClock,
): Clock {
  return offsetClock(base, config.demoClockOffsetDays);
}
