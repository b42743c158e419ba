/**
 * The whole dashboard as a Frictionless Data Package (specification v1): a ZIP with
 * datapackage.json and, per figure, a CSV file with its Table Schema and a JSON file with the same
 * rows. The CSV follows the package's default dialect (comma, UTF-8 without BOM, CRLF, header
 * row), so generic data-package tools read it without a dialect entry; the dashboard's own CSV
 * for spreadsheets (semicolon) stays on its pages. Text cells starting with a formula character
 * carry a leading apostrophe, as in every CSV the portal writes (platform/csv.ts).
 */
import { ZipFile } from 'yazl';
import { Readable } from 'node:stream';
import { csvRow } from '../platform/csv.ts';
import { OWN_LICENCE, licenceIri } from './licences.ts';
import { DATA_PACKAGE_PATH } from './datasets.ts';
import {
  absoluteUrl,
  type FigureCell,
  type FigureColumn,
  type FigureData,
  type FigureSource,
  type DatasetContext,
  type PublishedFigure,
} from './published.ts';

export interface PackagedFigure {
  figure: PublishedFigure;
  data: FigureData;
}

/** Frictionless resource names: lower case letters, digits, '-', '_' and '.'. */
export function resourceName(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/** A number as the chart shows it: rounded to the column's decimals (exact decimal text). */
function cell(column: FigureColumn, value: FigureCell | undefined): FigureCell {
  if (value === undefined) return null;
  if (typeof value !== 'number' || column.decimals === undefined) return value;
  return Number(value.toFixed(column.decimals));
}

export function figureCsv(data: FigureData): string {
  const rows = data.rows.map((row) => csvRow(data.columns.map((c, i) => cell(c, row[i]))));
  return csvRow(data.columns.map((c) => c.name)) + rows.join('');
}

/** The rows as JSON objects keyed by column name: the same values the CSV holds. */
export function figureJson(data: FigureData): Record<string, FigureCell>[] {
  return data.rows.map((row) =>
    Object.fromEntries(data.columns.map((c, i) => [c.name, cell(c, row[i])])),
  );
}

function licenceEntry(licence: PublishedFigure['licence']) {
  return { name: licenceIri(licence).iri, path: licence.url, title: licence.name };
}

export function dataPackageDescriptor(
  figures: readonly PackagedFigure[],
  options: { publicUrl: string; now: Date },
) {
  return {
    profile: 'tabular-data-package',
    name: 'industrieland-monitoring',
    id: absoluteUrl(options.publicUrl, DATA_PACKAGE_PATH),
    title: 'Monitoring der industriellen Transformation in Nordrhein-Westfalen',
    description:
      'Alle Kennzahlen des Monitorings mit den Werten, wie sie die Diagramme zeigen; je Kennzahl ' +
      'Quelle, Lizenz und Datenstand.',
    homepage: absoluteUrl(options.publicUrl, '/monitoring'),
    created: options.now.toISOString(),
    licenses: [licenceEntry(OWN_LICENCE)],
    resources: figures.map(({ figure, data }) => ({
      profile: 'tabular-data-resource',
      name: resourceName(figure.id),
      path: `daten/${resourceName(figure.id)}.csv`,
      title: figure.title,
      description: figure.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      homepage: absoluteUrl(options.publicUrl, figure.pageUrl),
      sources: [
        { title: figure.source.name, ...(figure.source.url ? { path: figure.source.url } : {}) },
      ],
      licenses: [licenceEntry(figure.licence)],
      // Not part of the specification's core: the day the values describe, as on the page.
      dataDate: figure.dataDate,
      schema: {
        fields: data.columns.map((c) => ({
          name: c.name,
          title: c.title,
          type: c.type,
          ...(c.unit ? { description: `Einheit: ${c.unit}`, unit: c.unit } : {}),
        })),
      },
    })),
  };
}

export async function collectFigures(
  source: FigureSource,
  context: DatasetContext,
): Promise<PackagedFigure[]> {
  const figures = await source.list(context);
  return Promise.all(
    figures.map(async (figure) => ({ figure, data: await source.data(context, figure) })),
  );
}

/** The ZIP as a stream; every part is small (one table per figure), so parts are buffers. */
export function dataPackageZip(
  figures: readonly PackagedFigure[],
  options: { publicUrl: string; now: Date },
): Readable {
  const zip = new ZipFile();
  const mtime = options.now;
  const descriptor = dataPackageDescriptor(figures, options);
  zip.addBuffer(Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`), 'datapackage.json', {
    mtime,
  });
  for (const { figure, data } of figures) {
    const name = resourceName(figure.id);
    zip.addBuffer(Buffer.from(figureCsv(data)), `daten/${name}.csv`, { mtime });
    zip.addBuffer(
      Buffer.from(`${JSON.stringify(figureJson(data), null, 2)}\n`),
      `daten/${name}.json`,
      { mtime },
    );
  }
  zip.end();
  const output = zip.outputStream;
  if (!(output instanceof Readable)) throw new Error('yazl: outputStream ist kein Readable');
  return output;
}
