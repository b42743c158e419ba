import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import {
  exportColumns,
  fetchObjectionBatch,
  nextCursor,
  objectionValues,
  RECEIVED_COLUMN,
  wallClockDate,
  type Cursor,
  type ExportTally,
  type ObjectionExportOptions,
  type ObjectionRow,
} from './objections.rows.ts';

/** Excel refuses longer cell texts (it "repairs" the file and drops them). */
export const EXCEL_MAX_TEXT = 32_767;
export const TRUNCATED_NOTE = ' … [gekürzt: der vollständige Text steht in der CSV-Ausgabe]';
/** Lone surrogates and the non-characters U+FFFE/U+FFFF: XML 1.0 forbids them in text. */
const NOT_XML =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
/** German date and time; Excel shows it as such whatever the reader's locale. */
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
/**
 * Bytes the workbook may hold ahead of its reader. exceljs writes rows into its zip without
 * waiting for the reader, so without this limit a slow download would pile up the whole file.
 */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * A text as a spreadsheet cell: well-formed Unicode (a lone surrogate makes the XML invalid),
 * line breaks as LF (the XML parser of every spreadsheet turns CR LF into LF anyway), at most
 * the length Excel accepts. The text is written as a string cell, never as a formula: "=cmd"
 * stays text, so no apostrophe is needed as in the CSV.
 */
export function excelText(value: string): string {
  const text = value.replace(NOT_XML, '\uFFFD').replace(/\r\n?/g, '\n');
  if (text.length <= EXCEL_MAX_TEXT) return text;
  let cut = EXCEL_MAX_TEXT - TRUNCATED_NOTE.length;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
  return text.slice(0, cut) + TRUNCATED_NOTE;
}

function cellValues(row: ObjectionRow, personal: boolean): (string | number | Date)[] {
  return objectionValues(row, personal).map((value, index) => {
    if (index === RECEIVED_COLUMN) return wallClockDate(String(value));
    return typeof value === 'string' ? excelText(value) : value;
  });
}

/** exceljs hands sheets to archiver through a readable-stream 2.x PassThrough (no writableLength). */
interface PipeTarget {
  _writableState?: { length?: unknown };
  _readableState?: { length?: unknown };
}
type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * Bytes written into the sheet but not yet taken by the zip. exceljs 4.4 hands each sheet to its
 * zip through a PassThrough (`stream.pipes`) that it writes without ever waiting, so that buffer
 * grows without limit; reading its length is the only way to know how far the writer is ahead.
 * Behind it, archiver and zlib hold a few megabytes at most (their own high-water marks). If a
 * later version changes this, fail loudly rather than stream without backpressure
 * (objection-export-xlsx.test.ts checks that the writer waits for its reader).
 */
function pendingBytes(sheet: SheetWriter): number {
  const stream = (sheet as unknown as { stream?: { pipes?: PipeTarget[] } }).stream;
  const pipes = stream?.pipes;
  if (!Array.isArray(pipes) || pipes.length === 0)
    throw new Error('exceljs: Zwischenpuffer der Tabelle nicht gefunden');
  let bytes = 0;
  for (const pipe of pipes) {
    const written = pipe._writableState?.length;
    const readable = pipe._readableState?.length;
    if (typeof written !== 'number' || typeof readable !== 'number')
      throw new Error('exceljs: Füllstand des Zwischenpuffers nicht lesbar');
    bytes += written + readable;
  }
  return bytes;
}

async function writeWorkbook(
  db: Db,
  procedureId: string,
  personal: boolean,
  output: PassThrough,
  tally: ExportTally,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    // Texts in the cells themselves: shared strings would keep every distinct text in memory
    // until the end.
    useSharedStrings: false,
  });
  workbook.creator = 'Industrieland';
  const sheet = workbook.addWorksheet('Einwendungen', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = exportColumns(personal);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  let pending: Promise<ObjectionRow[]> | undefined = fetchObjectionBatch(
    db,
    procedureId,
    undefined,
    personal,
  );
  try {
    while (pending) {
      const rows: ObjectionRow[] = await pending;
      const next: Cursor | undefined = nextCursor(rows);
      pending = next ? fetchObjectionBatch(db, procedureId, next, personal) : undefined;
      for (const row of rows) {
        const added = sheet.addRow(cellValues(row, personal));
        added.getCell(RECEIVED_COLUMN + 1).numFmt = DATE_TIME_FORMAT;
        added.commit();
      }
      tally.rows += rows.length;
      // Wait for the reader; a reader that went away ends the export (and its queries).
      while (pendingBytes(sheet) > MAX_PENDING_BYTES && !output.destroyed) await delay(5);
      if (output.destroyed) return;
    }
  } finally {
    void pending?.catch(() => undefined);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The objections of a procedure as an Excel workbook (XLSX, written by exceljs' streaming
 * writer): the same columns as the CSV, the time of receipt as a real date cell in German
 * format (local time), the header row frozen and filterable, texts as text cells. Streamed: at
 * most one page of objections and a few megabytes of the file are in memory at any time.
 */
export function streamObjectionsXlsx(
  db: Db,
  procedureId: string,
  options: ObjectionExportOptions = { personal: false },
  tally: ExportTally = { rows: 0 },
): Readable {
  const output = new PassThrough();
  writeWorkbook(db, procedureId, options.personal, output, tally).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
