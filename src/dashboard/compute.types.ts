import type { Db } from '../db/database.ts';
import type { Memo } from './cache.ts';
import type { IndicatorDefinition, Series } from './indicator.types.ts';
import type { Measurement } from './status.ts';

/** What one indicator's computation yields; status, pace and dates are added generically. */
export interface Computed {
  series: Series;
  headline: { value: number | undefined; text: string };
  summary: string;
  /** Values over time in the headline unit, for the pace rule. */
  measurements?: Measurement[];
  dataDate: string | undefined;
  details?: Series;
  detailsTitle?: string;
  provenance?: { source: string; url: string | null; licence: string; importedAt: string }[];
}

/** `memo` shares source rows between the indicators computed for the same stand. */
export type Compute = (
  db: Db,
  stand: string,
  definition: IndicatorDefinition,
  memo: Memo,
) => Promise<Computed>;

/** Shown in drill-downs instead of internal type keys. */
export const PROCEDURE_TYPE_LABELS: Record<string, string> = {
  'bimschg-formal': 'BImSchG, förmliches Verfahren',
  'bimschg-simplified': 'BImSchG, vereinfachtes Verfahren',
};

export function typeLabel(key: string): string {
  if (key.startsWith('funding-')) return 'Förderverfahren';
  return PROCEDURE_TYPE_LABELS[key] ?? key;
}

/** Charts with a bar per procedure show the largest ones; all rows are in the drill-down. */
export const MAX_CHART_ROWS = 20;
