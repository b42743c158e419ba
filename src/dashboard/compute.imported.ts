/**
 * Indicators from imported statistics (with their provenance) and from the registers. A dated
 * link shows only data that described a day up to its stand.
 */
import { noData } from './compute.public.ts';
import type { Compute } from './compute.types.ts';
import { formatNumber } from './format.ts';
import { formatGermanDateShort } from '../law/german-format.ts';
import { currentImport } from './import.actions.ts';
import type { ColumnDef, Series } from './indicator.types.ts';
import { round } from './stats.ts';

/** Imported statistics: one line per category over the dates of the current import. */
export const computeImported: Compute = async (db, stand, definition) => {
  const imported = await currentImport(db, definition.id, stand);
  if (!imported || imported.values.length === 0) {
    return noData(stand, 'Für diese Kennzahl sind noch keine Statistiken eingespielt.', [
      { key: 'period', title: 'Datum', type: 'string' },
    ]);
  }
  const categories = [...new Set(imported.values.map((v) => v.category))].sort((a, b) =>
    a.localeCompare(b, 'de'),
  );
  const periods = [...new Set(imported.values.map((v) => v.period))].sort();
  const columns: ColumnDef[] = [
    { key: 'period', title: 'Datum', type: 'string' },
    ...categories.map(
      (c, i) =>
        ({
          key: `c${i}`,
          title: c,
          type: 'number',
          unit: definition.unit,
          decimals: 3,
          plotted: true,
        }) as const,
    ),
    { key: 'sum', title: 'Summe', type: 'number', unit: definition.unit, decimals: 3 },
  ];
  const sums = periods.map((period) =>
    round(
      imported.values.filter((v) => v.period === period).reduce((s, v) => s + v.value, 0),
      3,
    ),
  );
  const rows = periods.map((period, p) => ({
    _key: period,
    period,
    ...Object.fromEntries(
      categories.map((c, i) => [
        `c${i}`,
        imported.values.find((v) => v.period === period && v.category === c)?.value ?? null,
      ]),
    ),
    sum: sums[p]!,
  }));
  const lastPeriod = periods.at(-1)!;
  const series: Series = { columns, rows };
  return {
    series,
    headline: {
      value: sums.at(-1),
      text: `${formatNumber(sums.at(-1)!, 3)} ${definition.unit} am ${formatGermanDateShort(lastPeriod)}`,
    },
    measurements: periods.map((p, i) => ({ date: p, value: sums[i]! })),
    summary:
      `Eingespielt sind Werte zu ${formatNumber(periods.length)} Stichtagen. ` +
      `Am ${formatGermanDateShort(lastPeriod)} zusammen ${formatNumber(sums.at(-1)!, 3)} ${definition.unit}` +
      (periods.length > 1
        ? `, am ${formatGermanDateShort(periods[0]!)} ${formatNumber(sums[0]!, 3)} ${definition.unit}.`
        : '.'),
    dataDate: lastPeriod,
    provenance: [
      {
        source: imported.source,
        url: imported.sourceUrl,
        licence: imported.licence,
        importedAt: imported.importedAt,
      },
    ],
  };
};

/**
 * Figures of the register indicators (wind-area share, brownfield hectares) by the layer id of the
 * register. The dashboard does not import the registers: the composition root passes these
 * computations in (src/register-figures.ts adapts the registers' dated statistics).
 */
export type RegisterFigures = Readonly<Record<string, Compute>>;

/** The register indicator's computation; without a figure for its layer the page says why. */
export function computeRegister(figures: RegisterFigures): Compute {
  return async (db, stand, definition, memo) => {
    const layerId = definition.origin.kind === 'register' ? definition.origin.layerId : '';
    const figure = figures[layerId];
    if (figure) return figure(db, stand, definition, memo);
    return noData(stand, definition.noDataReason ?? 'Das Register liefert noch keine Werte.', [
      { key: 'period', title: 'Datum', type: 'string' },
    ]);
  };
}
