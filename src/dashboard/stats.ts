/**
 * Order statistics for durations, pure. Percentiles use linear interpolation between the two
 * nearest ranks (the definition of PostgreSQL's percentile_cont and of R's type 7), so a figure
 * can be re-computed by hand from the cases behind it.
 */

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts numerically without a comparator call per step (100,000 cases).
  const sorted = Float64Array.from(values).sort();
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (rank - lower);
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 0.5);
}

/**
 * Milliseconds of an ISO day at 00:00 UTC, parsed once per day: the indicators take the
 * difference of the same few thousand days for every one of 100,000 cases.
 */
const dayStarts = new Map<string, number>();
function dayStart(day: string): number {
  let ms = dayStarts.get(day);
  if (ms === undefined) {
    ms = Date.parse(`${day}T00:00:00Z`);
    if (dayStarts.size >= 100_000) dayStarts.clear();
    dayStarts.set(day, ms);
  }
  return ms;
}

/** Whole calendar days from one ISO day to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / 86_400_000);
}

/** Rounded to `decimals` places, as every published figure is (half away from zero). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
