import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real German participation texts for benchmarks: the CIMT corpus in shared/data/text beside the
 * repository (CC BY / CC BY-SA, see shared/data/SOURCES.md).
 */
const DATA = fileURLToPath(new URL('../../../shared/data/text', import.meta.url));

/**
 * Whole contributions, rebuilt from the sentence TSVs (grouped by document) and the
 * FreiRaum-Ottensen CSV; the Survey-Bonn sentences come separately as a pool of short sentences.
 */
export function readContributions(): { texts: string[]; pool: string[] } {
  const base = path.join(DATA, 'cimt_argument_mining');
  const byDocument = new Map<string, { nr: number; text: string }[]>();
  const pool: string[] = [];
  for (const folder of readdirSync(base).sort()) {
    if (!folder.includes('-')) continue;
    const file = readdirSync(path.join(base, folder)).find((name) => name.endsWith('.tsv'));
    if (!file) continue;
    const lines = readFileSync(path.join(base, folder, file), 'utf8')
      .split('\n')
      .slice(1);
    for (const line of lines) {
      const [, documentId, nr, content, , kind] = line.split('\t');
      if (!documentId || !content || kind !== 'text') continue;
      if (folder === 'Survey-Bonn') {
        if (content.split(' ').length >= 6) pool.push(content);
        continue;
      }
      const key = `${folder}/${documentId}`;
      const list = byDocument.get(key) ?? [];
      list.push({ nr: Number(nr), text: content });
      byDocument.set(key, list);
    }
  }
  const texts = [...byDocument.values()].map((sentences) =>
    sentences
      .sort((a, b) => a.nr - b.nr)
      .map((s) => s.text)
      .join(' '),
  );
  return { texts: [...texts, ...readOttensen()], pool };
}

/** Minimal RFC 4180 reader for the Ottensen CSV (quoted fields with newlines). */
function readOttensen(): string[] {
  const file = path.join(
    DATA,
    'cimt_thematic_categorization/FreiRaum-Ottensen/dataset-Ottensen-thematic-d1a.csv',
  );
  const raw = readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows
    .slice(1)
    .map((r) => (r[2] ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
