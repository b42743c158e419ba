/**
 * CSV writing for exports (RFC 4180: CRLF, fields quoted when they contain a quote, the
 * separator or a line break). Prefix files with UTF8_BOM so Excel detects UTF-8. Files meant for
 * spreadsheets in a German office use ';' as separator: with the German locale Excel splits on
 * the semicolon, because the comma is the decimal separator.
 */

/** Byte order mark: without it, Excel opens UTF-8 CSV as Windows-1252 and garbles umlauts. */
export const UTF8_BOM = '\uFEFF';

/** Characters that make spreadsheets evaluate a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Texts may be written by the public, so a cell like `=HYPERLINK(…)` must not become a live
 * formula on a case worker's machine. The apostrophe makes spreadsheets show the value as text.
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type CellValue = string | number | boolean | null | Date;
export type CsvSeparator = ',' | ';';

function cellText(value: CellValue): string {
  if (value === null) return '';
  // toISOString throws a RangeError for an invalid Date: a programming error, not user input.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return safeCell(value);
  return String(value);
}

/** One CSV record including its CRLF terminator; strings pass through safeCell. */
export function csvRow(values: readonly CellValue[], separator: CsvSeparator = ','): string {
  const needsQuotes = separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  const cells = values.map((value) => {
    const text = cellText(value);
    return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  });
  // A lone empty field would be an empty line, which readers skip; quoting keeps the record.
  if (cells.length === 1 && cells[0] === '') return '""\r\n';
  return `${cells.join(separator)}\r\n`;
}

/**
 * Reads CSV (RFC 4180: quoted fields with doubled quotes, CRLF or LF) into records with the line
 * each starts on, so an import can name the line of a refused row; a quote left open is reported
 * with the line it opened on.
 */
export function csvRecords(
  text: string,
  sep: string,
): { rows: { line: number; cells: string[] }[]; open?: number } {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { rows, open: rowLine };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows };
}
