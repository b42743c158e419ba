import { csvRecords } from '../../platform/csv.ts';
import {
  CLAIM_FIELDS,
  FIELD_LABELS,
  validateClaim,
  type ClaimDraft,
  type ValidClaim,
} from './training.rules.ts';

/**
 * A CSV file of many claims (one employee and course per row), as spreadsheets export it: ';' or
 * ',' as separator, quoted fields (RFC 4180), an optional UTF-8 BOM, a header row naming the
 * columns in German (or by their field keys). Pure and total: every problem is returned with its
 * line so the firm can fix the file; the caller saves nothing unless there is none.
 */
export const MAX_CSV_ROWS = 5_000;

export interface CsvProblem {
  line: number;
  message: string;
}

function columnOf(header: string): keyof ClaimDraft | undefined {
  const h = header.trim().toLocaleLowerCase('de-DE');
  return CLAIM_FIELDS.find(
    (f) => f.toLowerCase() === h || FIELD_LABELS[f].toLocaleLowerCase('de-DE') === h,
  );
}

export function parseClaimsCsv(
  content: string,
  today: string,
): { claims: (ValidClaim & { line: number })[]; problems: CsvProblem[] } {
  const text = content.replace(/^\uFEFF/, '');
  const problems: CsvProblem[] = [];
  if (text.trim() === '')
    return { claims: [], problems: [{ line: 1, message: 'Die Datei ist leer.' }] };
  if (text.includes('\u0000'))
    return { claims: [], problems: [{ line: 1, message: 'Die Datei ist keine Textdatei (CSV).' }] };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep =
    (firstLine.match(/;/g) ?? []).length >= (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const { rows, open } = csvRecords(text, sep);
  if (open !== undefined)
    problems.push({ line: open, message: 'Ein Anführungszeichen wird nicht geschlossen.' });
  const [header, ...body] = rows;
  const columns = (header?.cells ?? []).map(columnOf);
  const missing = CLAIM_FIELDS.filter((f) => f !== 'bic' && !columns.includes(f));
  header?.cells.forEach((name, i) => {
    if (columns[i] === undefined && name.trim() !== '')
      problems.push({ line: 1, message: `Unbekannte Spalte „${name.trim().slice(0, 40)}“.` });
  });
  if (missing.length > 0)
    problems.push({
      line: 1,
      message: `Es fehlen Spalten: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.`,
    });
  if (problems.length > 0) return { claims: [], problems };
  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length === 0)
    return { claims: [], problems: [{ line: 2, message: 'Die Datei enthält keine Anträge.' }] };
  if (data.length > MAX_CSV_ROWS)
    return {
      claims: [],
      problems: [{ line: 1, message: `Höchstens ${MAX_CSV_ROWS} Anträge je Datei.` }],
    };
  const claims: (ValidClaim & { line: number })[] = [];
  for (const row of data) {
    if (row.cells.length !== columns.length) {
      problems.push({
        line: row.line,
        message: `Die Zeile hat ${row.cells.length} statt ${columns.length} Spalten.`,
      });
      continue;
    }
    const draft = Object.fromEntries(CLAIM_FIELDS.map((f) => [f, ''])) as unknown as ClaimDraft;
    columns.forEach((f, i) => {
      if (f) draft[f] = row.cells[i]!;
    });
    const result = validateClaim(draft, today);
    if ('errors' in result)
      for (const e of result.errors) problems.push({ line: row.line, message: e.message });
    else claims.push({ ...result.claim, line: row.line });
  }
  return { claims: problems.length > 0 ? [] : claims, problems };
}
