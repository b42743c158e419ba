/**
 * The data behind every chart as files: CSV for a spreadsheet in a German office (UTF-8 with BOM,
 * ';', decimal comma, CRLF, formula-safe text), its CSV-on-the-Web metadata (W3C
 * "Metadata Vocabulary for Tabular Data") and JSON. The CSV holds exactly the numbers the chart
 * draws, with the decimals of its column.
 */
import { safeCell, UTF8_BOM } from '../platform/csv.ts';
import { columnHeading, csvNumber } from './format.ts';
import type { Cell, ColumnDef, IndicatorResult, Series } from './indicator.types.ts';
import { STATUS_LABELS } from './status.ts';

export const MONITORING_PATH = '/monitoring';

export function indicatorPath(id: string): string {
  return `${MONITORING_PATH}/${id}`;
}

export function withStand(path: string, stand: string | undefined): string {
  return stand ? `${path}?stand=${stand}` : path;
}

function csvCell(column: ColumnDef, value: Cell | undefined): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') return csvNumber(value, column.decimals ?? 0);
  else text = safeCell(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function seriesCsv(series: Series): string {
  const lines = [
    series.columns.map((c) => csvCell({ ...c, type: 'string' }, columnHeading(c))).join(';'),
  ];
  for (const row of series.rows)
    lines.push(series.columns.map((c) => csvCell(c, row[c.key])).join(';'));
  return UTF8_BOM + lines.map((l) => `${l}\r\n`).join('');
}

/** CSV-on-the-Web metadata for a CSV published at `csvUrl` (absolute). */
export function csvMetadata(
  result: IndicatorResult,
  series: Series,
  csvUrl: string,
  title: string,
): object {
  const { definition } = result;
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'de' }],
    url: csvUrl,
    'dc:title': title,
    'dc:description': result.summary,
    'dc:source': definition.source.url ?? definition.source.title,
    'dc:license': { '@id': definition.licence.url },
    'dc:modified': result.dataDate ?? null,
    'dc:temporal': result.stand,
    dialect: { delimiter: ';', encoding: 'utf-8', header: true, lineTerminators: ['\r\n'] },
    tableSchema: {
      columns: series.columns.map((c) => ({
        name: c.key,
        titles: columnHeading(c),
        ...(c.type === 'number'
          ? {
              datatype: { base: 'decimal', format: { decimalChar: ',' } },
              ...(c.unit ? { 'dc:description': `Einheit: ${c.unit}` } : {}),
            }
          : { datatype: 'string' }),
        null: '',
      })),
    },
  };
}

function plainRows(series: Series): Record<string, Cell>[] {
  return series.rows.map((row) =>
    Object.fromEntries(series.columns.map((c) => [c.key, row[c.key] ?? null])),
  );
}

export function indicatorJson(
  result: IndicatorResult,
  links: Record<string, string>,
  computedAt?: Date,
): object {
  const { definition } = result;
  return {
    id: definition.id,
    version: definition.version,
    validFrom: definition.validFrom,
    title: definition.title,
    description: definition.description,
    planPoint: definition.planPoint,
    unit: definition.unit,
    target: definition.target ?? null,
    status: { key: result.status, label: STATUS_LABELS[result.status], rule: definition.ruleText },
    pace: result.pace ?? null,
    headline: result.headline,
    summary: result.summary,
    stand: result.stand,
    dataDate: result.dataDate ?? null,
    nextUpdate: result.nextUpdate,
    ...(computedAt ? { computedAt: computedAt.toISOString() } : {}),
    source: definition.source,
    licence: definition.licence,
    provenance: result.provenance,
    columns: result.series.columns,
    rows: plainRows(result.series),
    links,
  };
}
