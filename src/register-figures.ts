/**
 * The registers' dated statistics as the dashboard's register figures. Part of the composition
 * root: the dashboard and the registers do not import each other; this adapter is the one place
 * that knows both shapes. A figure is the statistic at the dashboard's stand: one table row per
 * stand date of the register (the headline measure plotted, the other measures and the breakdown
 * beside it), the anonymised rows behind it as the drill-down, each linked to the stand dates it
 * was counted on.
 */
import type { RegisterFigures } from './dashboard/compute.imported.ts';
import { noData } from './dashboard/compute.public.ts';
import type { Compute } from './dashboard/compute.types.ts';
import { formatNumber } from './dashboard/format.ts';
import { formatGermanDateShort } from './law/german-format.ts';
import type { Cell, ColumnDef, IndicatorDefinition } from './dashboard/indicator.types.ts';
import { daysBetween, round } from './dashboard/stats.ts';
import { addDays } from './dashboard/stand.ts';
import {
  REGISTER_STATISTICS,
  type RegisterStatistic,
  type StatisticMeasure,
} from './registers/catalogue/statistics.ts';

function measureText(measure: StatisticMeasure, value: number): string {
  return `${measure.title} ${formatNumber(value, measure.decimals)}${measure.unit ? ` ${measure.unit}` : ''}`;
}

/**
 * The day the target is reached if the headline grows on as between the last two stands (the pace
 * the dashboard's status compares, status.ts); 'none' without growth. Undefined without a target,
 * without two stands or once the target is reached.
 */
function projection(
  definition: IndicatorDefinition,
  points: readonly { date: string; value: number }[],
): { date: string } | 'none' | undefined {
  const target = definition.target?.value;
  const [previous, last] = points.slice(-2);
  if (target === undefined || !previous || !last || last.value >= target) return undefined;
  const perDay = (last.value - previous.value) / daysBetween(previous.date, last.date);
  if (!(perDay > 0)) return 'none';
  const days = Math.ceil((target - last.value) / perDay);
  // Beyond the four-digit years a date cannot be written (nor meant).
  return days > 2_900_000 ? 'none' : { date: addDays(last.date, days) };
}

export function registerFigure(statistic: RegisterStatistic): Compute {
  return async (db, stand, definition) => {
    const snapshot = await statistic.at(db, stand);
    const [headline, ...others] = snapshot.measures;
    const { breakdown, drillDown } = snapshot;
    const columns: ColumnDef[] = [
      { key: 'period', title: 'Stand', type: 'string' },
      ...snapshot.measures.map((m, i): ColumnDef => ({
        key: m.key,
        title: m.title,
        type: 'number',
        ...(m.unit ? { unit: m.unit } : {}),
        decimals: m.decimals,
        plotted: i === 0,
      })),
      ...breakdown.entries.map((e): ColumnDef => ({
        key: `b-${e.key}`,
        title: e.name,
        type: 'number',
        unit: breakdown.measure.unit,
        decimals: breakdown.measure.decimals,
      })),
    ];
    if (!headline || snapshot.stands.length === 0)
      return noData(stand, definition.noDataReason ?? 'Das Register liefert noch keine Werte.', [
        columns[0]!,
      ]);
    const rows = snapshot.stands.map((s): Record<string, Cell> => ({
      _key: s.date,
      period: s.date,
      ...Object.fromEntries(
        snapshot.measures.map((m) => [m.key, round(s.values[m.key] ?? 0, m.decimals)]),
      ),
      ...Object.fromEntries(
        breakdown.entries.map((e) => [
          `b-${e.key}`,
          round(s.breakdown[e.key] ?? 0, breakdown.measure.decimals),
        ]),
      ),
    }));
    const measurements = rows.map((r) => ({
      date: String(r.period),
      value: r[headline.key] as number,
    }));
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const lastDate = String(last.period);
    const value = last[headline.key] as number;
    const largest = breakdown.entries
      .map((e) => ({ name: e.name, value: last[`b-${e.key}`] as number }))
      .filter((e) => e.value > 0)
      .sort((a, b) => b.value - a.value)[0];
    const projected = projection(definition, measurements);
    const summary = [
      `Am ${formatGermanDateShort(lastDate)}: ${[headline, ...others].map((m) => measureText(m, last[m.key] as number)).join(', ')}.`,
      rows.length > 1
        ? `Am ${formatGermanDateShort(String(first.period))}, dem ersten von ${formatNumber(rows.length)} Ständen: ${measureText(headline, first[headline.key] as number)}.`
        : '',
      largest
        ? `Am meisten je ${breakdown.title}: ${largest.name} mit ${formatNumber(largest.value, breakdown.measure.decimals)} ${breakdown.measure.unit}.`
        : '',
      projected === 'none'
        ? 'Wächst der Wert nicht schneller als zwischen den letzten beiden Ständen, ist nicht absehbar, wann das Ziel erreicht ist.'
        : projected
          ? `Wächst der Wert weiter wie zwischen den letzten beiden Ständen, ist das Ziel am ${formatGermanDateShort(projected.date)} erreicht.`
          : '',
      `Quelle: ${snapshot.source.name}.`,
    ]
      .filter((s) => s !== '')
      .join(' ');
    const detailColumns: ColumnDef[] = drillDown.columns.map((c) => ({
      key: c.key,
      title: c.title,
      type: c.type,
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.decimals === undefined ? {} : { decimals: c.decimals }),
    }));
    const detailRows = drillDown.rows.map((r): Record<string, Cell> => ({
      _group: r.dates.join('|'),
      ...Object.fromEntries(
        drillDown.columns.map((c) => {
          const cell = r.values[c.key] ?? null;
          return [c.key, typeof cell === 'number' ? round(cell, c.decimals ?? 0) : cell];
        }),
      ),
    }));
    return {
      series: { columns, rows },
      headline: {
        value,
        text: `${formatNumber(value, headline.decimals)} ${headline.unit} am ${formatGermanDateShort(lastDate)}`,
      },
      measurements,
      summary,
      dataDate: snapshot.dataDate,
      details: { columns: detailColumns, rows: detailRows },
      detailsTitle: drillDown.title,
    };
  };
}

/** A figure for every register statistic, by the layer id the indicators name. */
export function registerFigures(
  statistics: readonly RegisterStatistic[] = REGISTER_STATISTICS,
): RegisterFigures {
  return Object.fromEntries(statistics.map((s) => [s.layerId, registerFigure(s)]));
}

export const REGISTER_FIGURES: RegisterFigures = registerFigures();
