/**
 * Reading a statistics file for an imported indicator, pure. The format is the one a German
 * office spreadsheet writes: UTF-8 (a byte order mark is allowed), ';' between cells, decimal
 * comma, dates as TT.MM.JJJJ or JJJJ-MM-TT, header `Datum;Kategorie;Wert`. Every problem is
 * reported with its line number; a file with any problem is refused as a whole.
 */
import { isCalendarDate } from './stand.ts';

export interface ImportRow {
  line: number;
  period: string;
  category: string;
  /** The value as a plain decimal string (dot), exactly as written. */
  value: string;
}

export type ParseResult =
  { ok: true; rows: ImportRow[] } | { ok: false; errors: { line: number; message: string }[] };

const MAX_ROWS = 10_000;
const MAX_ERRORS = 20;
const HEADER = ['datum', 'kategorie', 'wert'];

function parseDate(text: string): string | undefined {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
  return isCalendarDate(iso) && iso >= '1990-01-01' && iso <= '2200-12-31' ? iso : undefined;
}

/** "1.234,5" or "1234,5" or "-3" → "1234.5"; undefined for anything else. */
function parseValue(text: string): string | undefined {
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d{1,14})(?:,(\d{1,6}))?$/.exec(text);
  if (!match) return undefined;
  const integer = match[2]!.replaceAll('.', '');
  return `${match[1]}${integer}${match[3] ? `.${match[3]}` : ''}`;
}

function splitLine(line: string): string[] {
  // Cells may be quoted ("…;…") as spreadsheets write them when a text holds the separator.
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current === '') quoted = true;
    else if (ch === ';') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells.map((c) => c.trim());
}

export function parseImportCsv(text: string): ParseResult {
  const errors: { line: number; message: string }[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.includes('\u0000'))
    return { ok: false, errors: [{ line: 1, message: 'Die Datei ist keine Textdatei.' }] };
  const lines = body.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const header = splitLine(lines[0] ?? '').map((c) => c.toLowerCase());
  if (header.length !== 3 || header.some((c, i) => c !== HEADER[i])) {
    return {
      ok: false,
      errors: [{ line: 1, message: 'Zeile 1: Die Kopfzeile muss „Datum;Kategorie;Wert“ lauten.' }],
    };
  }
  if (lines.length < 2)
    return { ok: false, errors: [{ line: 2, message: 'Die Datei enthält keine Werte.' }] };
  if (lines.length - 1 > MAX_ROWS) {
    return {
      ok: false,
      errors: [{ line: MAX_ROWS + 2, message: `Höchstens ${MAX_ROWS} Zeilen sind erlaubt.` }],
    };
  }
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (let index = 1; index < lines.length && errors.length < MAX_ERRORS; index++) {
    const line = index + 1;
    const cells = splitLine(lines[index]!);
    const fail = (message: string) => errors.push({ line, message: `Zeile ${line}: ${message}` });
    if (cells.length !== 3) {
      fail(`Erwartet werden 3 Felder (Datum;Kategorie;Wert), gefunden ${cells.length}.`);
      continue;
    }
    const [dateText, category, valueText] = cells as [string, string, string];
    const period = parseDate(dateText);
    const value = parseValue(valueText);
    if (!period) fail(`„${dateText}“ ist kein gültiges Datum (TT.MM.JJJJ).`);
    if (category.length < 1 || category.length > 120)
      fail('Die Kategorie muss 1 bis 120 Zeichen lang sein.');
    if (value === undefined) fail(`„${valueText}“ ist keine Zahl (z. B. 1234,5).`);
    if (!period || value === undefined || category.length < 1 || category.length > 120) continue;
    const key = `${period}\u0000${category}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(`Datum und Kategorie stehen schon in Zeile ${earlier}.`);
      continue;
    }
    seen.set(key, line);
    rows.push({ line, period, category, value });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
