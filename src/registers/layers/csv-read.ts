/**
 * Reads the published CSV files of the energy layers (RFC 4180: quoted fields may contain the
 * separator, quotes are doubled, CRLF or LF). The files are data shipped with the product, not
 * user uploads: a malformed file is a build error and throws.
 */
export function parseCsv(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV: Anführungszeichen nicht geschlossen');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The rows as records keyed by the header line. */
export function csvRecords(text: string, separator: ',' | ';'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, separator);
  if (!header) return [];
  return rows.map((cells) => {
    if (cells.length !== header.length)
      throw new Error(`CSV: ${cells.length} statt ${header.length} Spalten`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}
