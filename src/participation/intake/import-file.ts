/**
 * Batch import of objections received on paper, by e-mail, fax or as signature lists (JSONL or
 * CSV), for `industrieland objections import`. Pure: the CLI shows every problem with its line so
 * staff can fix the file first. Never throws on any input; a row with a problem is not imported.
 */
import { FIELD_LIST, HEADERS, labelOf, quote, REQUIRED, validateRecord } from './import-row.ts';
import type { NamedRepresentative } from './intake-rules.ts';
import type { RawRecord, RowContext } from './import-row.ts';

export type ImportChannel = 'paper' | 'email' | 'signature-list' | 'fax' | 'other';

export interface ImportRow {
  line: number;
  text: string;
  name: string | null;
  address: string | null;
  receivedAt: Date;
  channel: ImportChannel;
  externalRef: string | null;
  /** ≥ 1; for signature lists the number of signers */
  signatures: number;
  /** True when a number above the plausible one was explicitly confirmed (intake-rules.ts). */
  signaturesConfirmed: boolean;
  /** The signer named as representative (§ 17 Abs. 1 S. 1 VwVfG), if any. */
  representative: NamedRepresentative | null;
  /** The objector asked that name and address be blacked out for the applicant (§ 12 Abs. 2 9. BImSchV). */
  redactIdentity: boolean;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export function formatFromFileName(name: string): 'jsonl' | 'csv' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return lower.endsWith('.csv') ? 'csv' : null;
}

const newRecord = (line: number): RawRecord => ({
  line,
  values: new Map(),
  labels: new Map(),
  problems: [],
});

const unreadable = (record: RawRecord, message: string): RawRecord => {
  record.problems.push(message);
  record.unreadable = true;
  return record;
};

function readJsonl(content: string): RawRecord[] {
  return content.split('\n').flatMap((source, index): RawRecord[] => {
    if (source.trim() === '') return [];
    const record = newRecord(index + 1);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      return [unreadable(record, 'kein gültiges JSON.')];
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const example = '{"Text": "…", "Eingangsdatum": "03.12.2026", "Eingangsweg": "Papier"}';
      return [unreadable(record, `erwartet ein JSON-Objekt wie ${example}.`)];
    }
    for (const [key, field] of Object.entries(value)) {
      const known = HEADERS.get(key.trim().toLowerCase());
      if (known && record.values.has(known)) {
        record.problems.push(`Feld ${quote(key)} doppelt (gleiche Bedeutung wie ein anderes).`);
      } else if (known) {
        record.values.set(known, field);
        record.labels.set(known, key);
      } else record.problems.push(`unbekanntes Feld ${quote(key)} (erlaubt: ${FIELD_LIST}).`);
    }
    return [record];
  });
}

interface CsvRecord {
  line: number;
  fields: string[];
  problem: string | null;
}

const UNCLOSED = 'Anführungszeichen wird bis zum Dateiende nicht geschlossen.';
const STRAY = 'Anführungszeichen an unerwarteter Stelle (ein Feld steht ganz in "…", innen "").';

/** RFC 4180 records (line ends already normalised to \n); quoted fields may span lines. */
function readCsvRecords(content: string, separator: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let record: CsvRecord = { line: 1, fields: [], problem: null };
  let field = '';
  let fieldStart = true;
  let line = 1;
  for (let i = 0; i < content.length;) {
    const char = content[i];
    if (fieldStart && char === '"') {
      let close = content.indexOf('"', i + 1);
      while (close !== -1 && content[close + 1] === '"') close = content.indexOf('"', close + 2);
      if (close === -1) {
        record.problem = UNCLOSED;
        break;
      }
      field = content.slice(i + 1, close).replaceAll('""', '"');
      line += field.split('\n').length - 1;
      i = close + 1;
      fieldStart = false;
      if (i < content.length && content[i] !== separator && content[i] !== '\n') {
        record.problem = STRAY;
      }
    } else if (char === separator || char === '\n') {
      record.fields.push(field);
      field = '';
      fieldStart = true;
      i++;
      if (char === '\n') {
        records.push(record);
        record = { line: ++line, fields: [], problem: null };
      }
    } else {
      if (char === '"') record.problem = STRAY;
      field += char;
      fieldStart = false;
      i++;
    }
  }
  if (!fieldStart || record.fields.length > 0 || record.problem) {
    record.fields.push(field);
    records.push(record);
  }
  // Blank lines and rows of empty cells (spreadsheets export those) carry no objection.
  return records.filter((r) => r.problem || r.fields.some((value) => value.trim() !== ''));
}

function readCsv(content: string): RawRecord[] {
  const end = content.indexOf('\n');
  const firstLine = end === -1 ? content : content.slice(0, end);
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const [header, ...rows] = readCsvRecords(content, separator);
  if (!header)
    return [unreadable(newRecord(1), 'Kopfzeile fehlt, z. B. Text;Eingangsdatum;Eingangsweg.')];
  const labels = header.fields.map((name) => name.trim());
  const columns = labels.map((name) => HEADERS.get(name.toLowerCase()));
  // With a broken header no row can be read reliably: report the header problems alone.
  const headerRecord = newRecord(header.line);
  if (header.problem) headerRecord.problems.push(header.problem);
  labels.forEach((name, index) => {
    const field = columns[index];
    if (name !== '' && !field) {
      headerRecord.problems.push(`unbekannte Spalte ${quote(name)} (erlaubt: ${FIELD_LIST}).`);
    } else if (field && columns.indexOf(field) !== index) {
      headerRecord.problems.push(
        `Spalte ${quote(name)} doppelt (gleiche Bedeutung wie eine andere).`,
      );
    }
  });
  for (const field of REQUIRED) {
    if (!columns.includes(field)) headerRecord.problems.push(`Spalte „${labelOf(field)}“ fehlt.`);
  }
  if (headerRecord.problems.length > 0) {
    headerRecord.unreadable = true;
    return [headerRecord];
  }

  return rows.map((row) => {
    const record = newRecord(row.line);
    if (row.problem) return unreadable(record, row.problem);
    if (row.fields.length !== columns.length) {
      const counts = `${row.fields.length} Spalten statt ${columns.length} wie in der Kopfzeile.`;
      return unreadable(record, counts);
    }
    row.fields.forEach((value, index) => {
      const field = columns[index];
      if (field) {
        record.values.set(field, value);
        record.labels.set(field, labels[index] ?? field);
      } else if (value.trim() !== '') {
        record.problems.push(`Wert in Spalte ${index + 1}, die keine Überschrift hat.`);
      }
    });
    return record;
  });
}

export function parseImportFile(
  content: string,
  format: 'jsonl' | 'csv',
  options: { now?: Date; maxTextLength?: number } = {},
): { rows: ImportRow[]; problems: ImportProblem[] } {
  // One line-end convention: line numbers and multi-line texts then agree for every origin.
  const normalised = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records = format === 'jsonl' ? readJsonl(normalised) : readCsv(normalised);
  const context: RowContext = {
    now: (options.now ?? new Date()).getTime(),
    maxTextLength: options.maxTextLength ?? 100_000,
    seenRefs: new Map(),
  };
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for (const record of records) {
    const row = record.unreadable ? null : validateRecord(record, context);
    if (row) rows.push(row);
    for (const message of record.problems) {
      problems.push({ line: record.line, message: `Zeile ${record.line}: ${message}` });
    }
  }
  return { rows, problems };
}
