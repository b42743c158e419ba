/**
 * The funding body's applications as CSV for a spreadsheet in a German office (';', decimal
 * comma, UTF-8 with BOM, CRLF, formula-safe cells), streamed page by page with keyset paging:
 * one page is read ahead at most, so memory stays flat for 100,000 applications
 * (bench/funding-export.bench.ts). Only the body's own cases, never drafts.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';

export const EXPORT_PAGE = 500;
const CHUNK_BYTES = 64 * 1024;

export const EXPORT_HEADER = [
  'Aktenzeichen',
  'Vorhaben',
  'Unternehmen',
  'Programm',
  'Maßnahme',
  'Stand',
  'Eingang',
  'Förderfähige Ausgaben (EUR)',
  'Beantragt (EUR)',
  'Bewilligt (EUR)',
  'Bewilligt am',
  'Ausgezahlt (EUR)',
  'Zurückgefordert (EUR)',
  'Bewilligungszeitraum bis',
];

/** 1234567 → "12345,67" (no thousands separator: spreadsheets read it as a number). */
export function euroCell(cents: number | string | null): string {
  if (cents === null) return '';
  const n = BigInt(cents);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
}

const germanDay = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

interface ExportRow {
  id: string;
  reference: string | null;
  title: string;
  company: string;
  programme_version: string;
  measure_id: string;
  step: string;
  submitted_at: Date | null;
  eligible_cents: string | number;
  requested_cents: string | number;
  granted_cents: string | number | null;
  granted_on: string | null;
  paid_cents: string | number;
  recovery_cents: string | number | null;
  period_end: string | null;
}

/** One page of the export after the keyset `after` (exported so the benchmark can EXPLAIN it). */
export function exportPageQuery(
  db: Db,
  tenantIds: string[],
  step: string | undefined,
  after: string | undefined,
) {
  let query = db
    .selectFrom('funding_cases as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .innerJoin('organisations as c', 'c.id', 'f.applicant_org_id')
    // The case's own line: the key of the position, so each page probes its primary key instead
    // of reading and sorting all positions.
    .leftJoin('funding_ledger_positions as l', (join) =>
      join.onRef('l.line_id', '=', 'f.line_id').onRef('l.procedure_id', '=', 'f.procedure_id'),
    )
    .select([
      'f.procedure_id as id',
      'p.reference',
      'p.title',
      'c.name as company',
      'f.programme_version',
      'f.measure_id',
      'p.step',
      'p.submitted_at',
      'f.eligible_cents',
      'f.requested_cents',
      'f.granted_cents',
      'f.granted_on',
      sql<string>`coalesce(l.paid_cents, 0)`.as('paid_cents'),
      'f.recovery_cents',
      'f.period_end',
    ])
    .where('f.tenant_id', 'in', tenantIds)
    .where('p.step', '!=', 'draft');
  if (step) query = query.where('p.step', '=', step);
  // Keyset and order on funding_cases' own column: funding_cases_export_idx (tenant_id,
  // procedure_id) then starts each page where the last one ended. With the bound on p.id alone the
  // planner read the body's cases from the first one again for every page (quadratic in the
  // number of pages); the same bound on both sides of the join lets either side start there.
  if (after) query = query.where('f.procedure_id', '>', after).where('p.id', '>', after);
  return query.orderBy('f.procedure_id').limit(EXPORT_PAGE);
}

async function fetchPage(
  db: Db,
  tenantIds: string[],
  step: string | undefined,
  after: string | undefined,
): Promise<ExportRow[]> {
  return exportPageQuery(db, tenantIds, step, after).execute();
}

// One formatter for the whole export: toLocaleDateString with options builds a new one per call,
// which cost more than everything else in a row.
const berlinDay = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function record(r: ExportRow, stepLabel: (step: string) => string): string {
  return csvRow(
    [
      r.reference ?? '',
      r.title,
      r.company,
      r.programme_version,
      r.measure_id,
      stepLabel(r.step),
      r.submitted_at ? berlinDay.format(r.submitted_at) : '',
      euroCell(r.eligible_cents),
      euroCell(r.requested_cents),
      euroCell(r.granted_cents),
      germanDay(r.granted_on),
      euroCell(r.paid_cents),
      euroCell(r.recovery_cents),
      germanDay(r.period_end),
    ],
    ';',
  );
}

export async function* applicationCsvChunks(
  db: Db,
  tenantIds: string[],
  step: string | undefined,
  stepLabel: (step: string) => string,
): AsyncGenerator<Buffer, void, undefined> {
  yield Buffer.from(UTF8_BOM + csvRow(EXPORT_HEADER, ';'), 'utf8');
  if (tenantIds.length === 0) return;
  // A handful of steps, 100,000 rows: look each label up once.
  const labels = new Map<string, string>();
  const label = (key: string) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = stepLabel(key)));
    return text;
  };
  let pending: Promise<ExportRow[]> | undefined = fetchPage(db, tenantIds, step, undefined);
  try {
    while (pending) {
      const rows: ExportRow[] = await pending;
      const last = rows.at(-1);
      pending =
        rows.length === EXPORT_PAGE && last ? fetchPage(db, tenantIds, step, last.id) : undefined;
      let text = '';
      for (const r of rows) text += record(r, label);
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
        yield bytes.subarray(at, at + CHUNK_BYTES);
    }
  } finally {
    void pending?.catch(() => undefined);
  }
}

export function streamApplicationsCsv(
  db: Db,
  tenantIds: string[],
  step: string | undefined,
  stepLabel: (step: string) => string,
): Readable {
  return Readable.from(applicationCsvChunks(db, tenantIds, step, stepLabel), { objectMode: false });
}
