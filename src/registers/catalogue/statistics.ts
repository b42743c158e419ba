/**
 * The contract by which a register publishes a dated statistic: the same figure on every stand
 * date (the day the register's data describe), broken down by area (planning region, Kreis), with
 * its source, licence and data date, and the anonymised rows it is counted from. Other features
 * (the monitoring dashboard through the composition root) read registers only through it, so a
 * register can change its tables without them noticing.
 *
 * Drill-down rows hold only what the register publishes anyway about an area or a site: never a
 * contact person, an e-mail address, a telephone number or any other personal data.
 */
import type { Db } from '../../db/database.ts';
import { siteReactivationStatistic } from '../sites/site.reactivation.ts';
import { windAreaShareStatistic } from '../areas/area.share.ts';

/** One measure of the statistic, e.g. „Anteil an der Landesfläche“ in per cent. */
export interface StatisticMeasure {
  key: string;
  /** German heading without unit. */
  title: string;
  unit: string;
  /** Decimal places the register states the measure with. */
  decimals: number;
}

/** The values on one stand date; every measure, and the headline measure per breakdown entry. */
export interface StatisticStand {
  /** ISO date the values describe. */
  date: string;
  /** Measure key → value. */
  values: Readonly<Record<string, number>>;
  /** Breakdown key → value of the headline measure (the first measure). */
  breakdown: Readonly<Record<string, number>>;
}

export interface StatisticColumn {
  key: string;
  /** German heading without unit. */
  title: string;
  type: 'string' | 'number';
  unit?: string;
  decimals?: number;
}

export interface DrillDownRow {
  /** The stand dates (of `stands`) on which this row was counted. */
  dates: readonly string[];
  values: Readonly<Record<string, string | number | null>>;
}

export interface StatisticSource {
  /** Who publishes the figures, e.g. „Register der Windenergiegebiete der Plattform“. */
  name: string;
  licence: string;
  licenceUrl: string;
  /** Where the register states its data (the register's own page), a path of the portal. */
  path?: string;
}

/** The statistic as it stood on a day: every stand up to that day, oldest first. */
export interface StatisticSnapshot {
  asOf: string;
  /** The newest stand date up to `asOf`; undefined when the register had no data yet. */
  dataDate: string | undefined;
  /** The first measure is the headline. */
  measures: readonly StatisticMeasure[];
  stands: readonly StatisticStand[];
  breakdown: {
    /** What the breakdown is by, e.g. „Planungsregion“ or „Kreis“. */
    title: string;
    /** Entries in display order. */
    entries: readonly { key: string; name: string }[];
    /** What a breakdown value means where it differs from the headline measure. */
    measure: StatisticMeasure;
  };
  drillDown: {
    title: string;
    columns: readonly StatisticColumn[];
    rows: readonly DrillDownRow[];
  };
  source: StatisticSource;
}

export interface RegisterStatistic {
  /** The id of the register's layer in the layer catalogue (layers.ts). */
  layerId: string;
  title: string;
  /** The statistic on a day (ISO date): stands dated on or before it only. */
  at(db: Db, asOf: string): Promise<StatisticSnapshot>;
}

/** Every register that publishes a dated statistic. */
export const REGISTER_STATISTICS: readonly RegisterStatistic[] = [
  windAreaShareStatistic,
  siteReactivationStatistic,
];
