/**
 * One way to write every figure: the page, the chart's labels and the text summary use the German
 * display form; CSV and JSON the exact value with the column's decimals. Both start from the same
 * rounded number, so the summary, the table, the chart and the files cannot disagree.
 */
import type { Cell, ColumnDef } from './indicator.types.ts';

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('de-DE', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** As shown on the page: German digits and the unit after numbers. */
export function displayCell(column: ColumnDef, value: Cell | undefined): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  return formatNumber(value, column.decimals ?? 0);
}

/** As written to CSV for a German office: decimal comma, no thousands separator. */
export function csvNumber(value: number, decimals = 0): string {
  return value.toFixed(decimals).replace('.', ',');
}

export function columnHeading(column: ColumnDef): string {
  return column.unit ? `${column.title} (${column.unit})` : column.title;
}
