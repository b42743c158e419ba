/**
 * Order statistics for durations, pure. Percentiles use linear interpolation between the two
 * nearest ranks (the definition of PostgreSQL's percentile_cont and of R's type 7), so a figure
 * can be re-computed by hand from the cases behind it.
 */

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
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

/** Whole calendar days from one ISO day to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Rounded to `decimals` places, as every published figure is (half away from zero). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
