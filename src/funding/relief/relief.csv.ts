import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Streaming reader for the company CSV of the batch mode: one record at a time, so a file of
 * 10,000 companies is never held in memory as a whole. Semicolon or comma as separator (from the
 * header), UTF-8 with or without BOM, CRLF or LF, fields in "…" with "" inside; a quoted field
 * may span lines.
 */
export interface CsvRecord {
  /** Line on which the record starts (1 = header). */
  line: number;
  fields: string[];
  /** Set when the record cannot be split into fields. */
  problem?: string;
}

const UNCLOSED = 'Anführungszeichen wird bis zum Dateiende nicht geschlossen.';
const STRAY = 'Anführungszeichen an unerwarteter Stelle (ein Feld steht ganz in "…", innen "").';

/** Splits one record; `open` is true while a quoted field continues on the next line. */
function split(
  text: string,
  separator: string,
): { fields: string[]; open: boolean; stray: boolean } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let stray = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== separator) stray = true;
      } else field += char;
    } else if (char === separator) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else {
      if (char === '"') stray = true;
      field += char;
      fieldStart = false;
    }
  }
  fields.push(field);
  return { fields, open: quoted, stray };
}

export function separatorOf(headerLine: string): ';' | ',' {
  return headerLine.split(';').length >= headerLine.split(',').length ? ';' : ',';
}

export async function* readCsvRecords(file: string): AsyncGenerator<CsvRecord> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let separator: string | undefined;
  let lineNumber = 0;
  let pending: { line: number; text: string } | undefined;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    separator ??= separatorOf(line);
    const text = pending ? `${pending.text}\n${line}` : line;
    const start = pending?.line ?? lineNumber;
    const { fields, open, stray } = split(text, separator);
    if (open) {
      pending = { line: start, text };
      continue;
    }
    pending = undefined;
    // Blank lines and rows of empty cells (spreadsheets export those) carry no company.
    if (fields.every((f) => f.trim() === '')) continue;
    yield stray ? { line: start, fields, problem: STRAY } : { line: start, fields };
  }
  if (pending) yield { line: pending.line, fields: [], problem: UNCLOSED };
}

/** Counts the lines of a file without keeping it (for the progress display). */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  }
  return count;
}
