import type { IsoDate } from '../calendar-date.ts';
import { formatGermanDate } from '../german-format.ts';
import { SupportInputError } from './errors.ts';

/** A parameter value: a number in the unit the table names, a text, a flag or a list of codes. */
export type ParameterValue = number | string | boolean | readonly string[];

/** One version of a figure, in force from validFrom until the next version starts. */
export interface ParameterVersion<T extends ParameterValue = ParameterValue> {
  readonly validFrom: IsoDate;
  readonly value: T;
  /** Where the figure comes from (statute, guideline, agency page), as printed in the trace. */
  readonly source: string;
  /** Set when the figure still needs legal sign-off; the trace shows it as '[offen]'. */
  readonly open?: string;
}

/**
 * A dated parameter table (architecture invariant 4): a figure of the law with its history, so a
 * computation for 2023 uses the 2023 figure and the trace names the version it used.
 */
export interface ParameterTable<T extends ParameterValue = ParameterValue> {
  readonly id: string;
  /** German name, e.g. 'Regelsteuersatz Strom'. */
  readonly label: string;
  /** German unit as printed, e.g. 'Cent je MWh'. */
  readonly unit: string;
  readonly citation: string;
  /** Sorted by validFrom, oldest first. */
  readonly versions: readonly ParameterVersion<T>[];
}

/** What the trace records about a parameter it used. */
export interface ParameterUse {
  readonly table: string;
  readonly label: string;
  readonly unit: string;
  readonly citation: string;
  readonly value: ParameterValue;
  readonly validFrom: IsoDate;
  readonly source: string;
  readonly open?: string;
}

export type ParameterRegistry = Readonly<Record<string, ParameterTable>>;

/** The version in force on `date`: the latest one whose validFrom is not after it. */
export function versionAt<T extends ParameterValue>(
  table: ParameterTable<T>,
  date: IsoDate,
): ParameterVersion<T> {
  let found: ParameterVersion<T> | undefined;
  for (const version of table.versions) {
    if (version.validFrom <= date) found = version;
  }
  if (!found) {
    const first = table.versions[0]?.validFrom;
    throw new SupportInputError(
      'date',
      `Der Stichtag ${formatGermanDate(date, { weekday: false })} liegt vor dem ersten hinterlegten Wert „${table.label}“${first ? ` (gültig ab ${formatGermanDate(first, { weekday: false })})` : ''}.`,
    );
  }
  return found;
}

/** The value in force on `date` together with the record the trace prints. */
export function lookup<T extends ParameterValue>(
  table: ParameterTable<T>,
  date: IsoDate,
): { value: T; use: ParameterUse } {
  const version = versionAt(table, date);
  const use: ParameterUse = {
    table: table.id,
    label: table.label,
    unit: table.unit,
    citation: table.citation,
    value: version.value,
    validFrom: version.validFrom,
    source: version.source,
    ...(version.open ? { open: version.open } : {}),
  };
  return { value: version.value, use };
}

/** Builds a registry keyed by table id; a duplicate id is a data error. */
export function registryOf(tables: readonly ParameterTable[]): ParameterRegistry {
  const registry: Record<string, ParameterTable> = {};
  for (const table of tables) {
    if (registry[table.id]) throw new Error(`Parametertabelle ${table.id} ist doppelt.`);
    const dates = table.versions.map((v) => v.validFrom);
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!)) {
      throw new Error(`Parametertabelle ${table.id}: Versionen nicht aufsteigend sortiert.`);
    }
    registry[table.id] = table;
  }
  return registry;
}
