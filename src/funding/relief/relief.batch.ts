import { once } from 'node:events';
import { statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { reliefStatusLabel } from '../../law/relief/index.ts';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import type { ProgressLine } from '../../platform/terminal-progress.ts';
import { readCsvRecords, countLines } from './relief.csv.ts';
import {
  computeFromText,
  RELIEF_FIELDS,
  type ReliefFormField,
  type ReliefTextValues,
} from './relief.fields.ts';
import type { ReliefComputation } from './relief.request.ts';

/**
 * Batch mode of the calculator: one company per CSV row in, one result row per company out.
 * Rows are read, computed and written one at a time (the output stream's back-pressure is
 * respected), so memory stays flat for any number of rows. A bad row gets its German message and
 * line number in the error column and the batch goes on.
 */
export class BatchFileError extends Error {
  override readonly name = 'BatchFileError';
}

const NAME_COLUMN = 'Unternehmen';

export const OUTPUT_HEADER = [
  'Zeile',
  'Unternehmen',
  'Stromsteuer § 9b Status',
  'Stromsteuer § 9b €',
  'Strompreiskompensation Status',
  'Strompreiskompensation €',
  'Industrie-/Brückenstrompreis Status',
  'Industrie-/Brückenstrompreis €',
  'Vorher ct/kWh',
  'Nachher ct/kWh',
  'Mit Regelung ct/kWh',
  'Abstand zum Ziel ct/kWh',
  'Prüfsumme',
  'Fehler',
];

/** German decimal comma, no grouping: spreadsheets in a German office read it as a number. */
function decimal(value: number | undefined, digits: number): string {
  if (value === undefined) return '';
  return value.toFixed(digits).replace('.', ',');
}

function resultCells(line: number, name: string, c: ReliefComputation): string[] {
  const { result } = c;
  const cells = [String(line), name];
  for (const instrument of result.instruments)
    cells.push(reliefStatusLabel[instrument.status], decimal(instrument.amountCents / 100, 2));
  cells.push(
    decimal(result.before?.centsPerKwh, 3),
    decimal(result.after?.centsPerKwh, 3),
    decimal(result.afterWithScheme?.centsPerKwh, 3),
    decimal(result.gapToTargetCentsPerKwh, 3),
    c.sha256,
    '',
  );
  return cells;
}

function errorCells(line: number, name: string, message: string): string[] {
  const cells = OUTPUT_HEADER.map(() => '');
  cells[0] = String(line);
  cells[1] = name;
  cells[cells.length - 1] = `Zeile ${line}: ${message}`;
  return cells;
}

/** Column index → field, or the German reasons the header cannot be used. */
function readHeader(
  fields: string[],
  defaults: ReliefTextValues,
): { columns: (ReliefFormField | 'name' | undefined)[]; problems: string[] } {
  const byHeader = new Map<string, ReliefFormField | 'name'>([
    [NAME_COLUMN.toLowerCase(), 'name'],
    ...RELIEF_FIELDS.map((f) => [f.csv.toLowerCase(), f.name] as const),
  ]);
  const allowed = [NAME_COLUMN, ...RELIEF_FIELDS.map((f) => f.csv)].join('; ');
  const problems: string[] = [];
  const columns = fields.map((raw) => {
    const label = raw.trim();
    const field = byHeader.get(label.toLowerCase());
    if (label !== '' && !field)
      problems.push(`Die Spalte „${label.slice(0, 60)}“ ist unbekannt (erlaubt: ${allowed}).`);
    return field;
  });
  columns.forEach((field, index) => {
    if (field && columns.indexOf(field) !== index)
      problems.push(`Die Spalte „${fields[index]!.trim()}“ kommt doppelt vor.`);
  });
  const consumption = RELIEF_FIELDS.find((f) => f.name === 'consumption')!;
  if (!columns.includes('consumption')) problems.push(`Die Spalte „${consumption.csv}“ fehlt.`);
  const date = RELIEF_FIELDS.find((f) => f.name === 'date')!;
  if (!columns.includes('date') && !defaults.date)
    problems.push(`Die Spalte „${date.csv}“ fehlt (oder geben Sie --date für alle Zeilen an).`);
  return { columns, problems };
}

const NUMBER = /^-?\d+(,\d+)?$/;

/**
 * One output record. Text cells go through csvRow (quoting, formula guard); German decimal numbers
 * are written as they are, since the formula guard would turn "-0,5" into text.
 */
function outputRow(cells: readonly string[]): string {
  const text = cells.map((cell) =>
    cell === '' || NUMBER.test(cell) ? cell : csvRow([cell], ';').slice(0, -2),
  );
  return `${text.join(';')}\r\n`;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export interface BatchSummary {
  rows: number;
  failed: number;
}

export async function runReliefBatch(options: {
  file: string;
  out: Writable;
  /** Values for every row (command-line options); a row's own cell wins. */
  defaults: ReliefTextValues;
  computedOn: string;
  progress: ProgressLine;
  /** One line per bad row (stderr). */
  report: (line: string) => void;
}): Promise<BatchSummary> {
  try {
    if (!statSync(options.file).isFile()) throw new BatchFileError('ist keine Datei.');
  } catch (error) {
    if (error instanceof BatchFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BatchFileError(
      code === 'ENOENT' ? 'Die Datei gibt es nicht.' : 'Die Datei kann nicht gelesen werden.',
    );
  }
  const total = Math.max(0, (await countLines(options.file)) - 1);
  const records = readCsvRecords(options.file);
  const first = await records.next();
  if (first.done) throw new BatchFileError('Die Datei ist leer; erwartet wird eine Kopfzeile.');
  const header = readHeader(first.value.fields, options.defaults);
  if (first.value.problem) header.problems.unshift(`Kopfzeile: ${first.value.problem}`);
  if (header.problems.length > 0) throw new BatchFileError(header.problems.join(' '));

  await write(options.out, UTF8_BOM + csvRow(OUTPUT_HEADER, ';'));
  const summary: BatchSummary = { rows: 0, failed: 0 };
  const phase = 'Entlastungen berechnen';
  for await (const record of records) {
    summary.rows++;
    const values: ReliefTextValues = { ...options.defaults };
    let name = '';
    let problem = record.problem;
    if (!problem && record.fields.length !== header.columns.length)
      problem = `${record.fields.length} Spalten statt ${header.columns.length} wie in der Kopfzeile.`;
    if (!problem) {
      record.fields.forEach((value, index) => {
        const field = header.columns[index];
        if (field === 'name') name = value.trim().slice(0, 200);
        else if (field && value.trim() !== '') values[field] = value;
      });
    }
    let cells: string[];
    if (problem) cells = errorCells(record.line, name, problem);
    else {
      const { computation, errors } = computeFromText(values, { computedOn: options.computedOn });
      cells = computation
        ? resultCells(record.line, name, computation)
        : errorCells(record.line, name, errors.map((e) => e.message).join(' '));
    }
    if (cells[cells.length - 1] !== '') {
      summary.failed++;
      options.report(`Fehler: ${cells[cells.length - 1]}`);
    }
    await write(options.out, outputRow(cells));
    options.progress.update({ phase, done: summary.rows, total });
  }
  options.progress.end();
  return summary;
}
