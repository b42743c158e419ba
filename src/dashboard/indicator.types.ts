/**
 * The indicator model of the monitoring dashboard: what the plan promises (target with its
 * source), what was measured (values with date and source), and the rule that compares both.
 * Definitions are versioned data (indicators.ts); the measured values come from the platform's
 * own cases, from shipped public data or from imported statistics.
 */

/** The seven points of „Sieben Punkte für eine starke Industrie in Nordrhein-Westfalen“. */
export type PlanPoint = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface SourceRef {
  /** Who or what, e.g. „§ 10 Abs. 6a BImSchG“ or „Landesregierung NRW: Sieben Punkte …“. */
  title: string;
  url?: string;
  kind: 'plan' | 'law' | 'land-plan' | 'statistics' | 'platform' | 'register';
  /** Needs legal or editorial sign-off before publication (shown as „[offen]“). */
  open?: boolean;
}

export interface Licence {
  name: string;
  url: string;
  attribution?: string;
  /** The licence still needs checking (shown as „[offen]“). */
  open?: boolean;
}

/** Where the measured values of an indicator come from. */
export type ValueOrigin =
  | { kind: 'live' }
  | { kind: 'shipped'; files: readonly string[] }
  | { kind: 'import' }
  | { kind: 'register'; layerId: string }
  | { kind: 'plan' };

export interface Target {
  /** The target in the indicator's headline unit; undefined for a target stated only in words. */
  value?: number;
  /** ISO date by which the target is to be reached. */
  by?: string;
  /** The target in words, e.g. „1,8 % der Landesfläche für Windenergie“. */
  label: string;
  source: SourceRef;
}

/**
 * How the status is set from the headline value. Every rule is stated in words on the page.
 * - at-least / at-most: the latest value against a threshold;
 * - pace: the pace achieved between the last two values against the pace still needed to reach
 *   the target by its date;
 * - context: a figure without a target of its own (status „ohne Ziel“).
 */
export type StatusRule =
  | { kind: 'at-least'; threshold: number }
  | { kind: 'at-most'; threshold: number }
  | { kind: 'pace' }
  | { kind: 'context' };

export type Status = 'on-track' | 'behind' | 'no-data' | 'context';

export interface ColumnDef {
  key: string;
  /** German column heading without unit. */
  title: string;
  type: 'string' | 'number';
  unit?: string;
  /** Decimal places of a number column: page, chart, CSV and JSON carry exactly this value. */
  decimals?: number;
  /** Drawn in the chart (all plotted columns share one axis and unit). */
  plotted?: boolean;
}

export type Cell = string | number | null;

export interface Series {
  columns: readonly ColumnDef[];
  /** Each row keyed by column key; `_key` is the row's drill-down key where it has one. */
  rows: readonly Record<string, Cell>[];
}

export type ChartKind = 'bars' | 'line' | 'none';

export interface IndicatorDefinition {
  /** URL slug, e.g. 'entscheidungsfristen'. */
  id: string;
  /** Version of this definition; raised whenever target, rule or computation changes. */
  version: number;
  /** The day this version applies from (ISO date). */
  validFrom: string;
  planPoint: PlanPoint;
  title: string;
  description: string;
  unit: string;
  target?: Target;
  rule: StatusRule;
  /** The rule in words, shown with the status. */
  ruleText: string;
  origin: ValueOrigin;
  chart: ChartKind;
  /** Who publishes the measured values, with the licence they are under. */
  source: SourceRef;
  licence: Licence;
  /** How often the values are renewed, in words, and the next update date rule. */
  updateEvery: 'daily' | 'monthly' | 'yearly' | 'on-import';
  /** For register indicators without a register yet: why there are no values. */
  noDataReason?: string;
}

export interface Pace {
  /** Per year, in the headline unit. */
  needed: number;
  achieved: number;
  unit: string;
}

/** Everything shown and exported for one indicator at one day. */
export interface IndicatorResult {
  definition: IndicatorDefinition;
  /** The day the figures describe (the `stand` asked for, or today). */
  stand: string;
  /** The date of the newest data behind the figures (for shipped data: the data's own date). */
  dataDate: string | undefined;
  headline: { value: number | undefined; text: string };
  status: Status;
  pace: Pace | undefined;
  series: Series;
  summary: string;
  nextUpdate: string;
  /** Anonymised cases or finer rows behind the figures; undefined where there are none. */
  details: Series | undefined;
  detailsTitle: string | undefined;
  /** Sources of imported values (provenance), newest first. */
  provenance: readonly {
    source: string;
    url: string | null;
    licence: string;
    importedAt: string;
  }[];
}
