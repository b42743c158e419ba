/**
 * The three exports of the public participation as streams with their file names and media
 * types: served directly (export.routes.ts) or written to the file store by a background job
 * for large procedures (participation/jobs/export.job.ts).
 */
import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/server.ts';
import { type ProcedureRow } from '../../permits/permit.queries.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { streamCaseFileZip } from './case-file.zip.ts';
import { streamObjectionsCsv, type CsvTally } from './objections.csv.ts';
import { streamObjectionsXlsx } from './objections.xlsx.ts';
import { downloadName } from './zip-names.ts';

export type ExportKind = 'csv' | 'xlsx' | 'zip';
export const EXPORT_KINDS: readonly ExportKind[] = ['csv', 'xlsx', 'zip'];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEDIA_TYPES: Record<ExportKind, string> = {
  csv: 'text/csv',
  xlsx: XLSX_TYPE,
  zip: 'application/zip',
};
/** What is sent as Content-Type (the CSV names its charset). */
export const CONTENT_TYPES: Record<ExportKind, string> = {
  ...MEDIA_TYPES,
  csv: 'text/csv; charset=utf-8',
};

export const EXPORT_LABELS: Record<ExportKind, string> = {
  csv: 'Einwendungen als CSV',
  xlsx: 'Einwendungen als Excel-Tabelle (XLSX)',
  zip: 'Verfahrensakte als ZIP',
};

export function exportFileName(
  kind: ExportKind,
  row: Pick<ProcedureRow, 'reference'>,
  now: Date,
  personal: boolean,
): string {
  const suffix = personal ? ['personenbezogen'] : [];
  const stem = kind === 'zip' ? 'Verfahrensakte' : 'Einwendungen';
  return downloadName([stem, referenceLabel(row.reference), berlinDate(now), ...suffix], kind);
}

export function exportStream(
  deps: Pick<Deps, 'db' | 'store'>,
  row: Pick<ProcedureRow, 'id'>,
  kind: ExportKind,
  options: { personal: boolean; now: Date; tally?: CsvTally },
): Readable {
  const { personal, tally } = options;
  switch (kind) {
    case 'csv':
      return streamObjectionsCsv(deps.db, row.id, { personal }, tally);
    case 'xlsx':
      return streamObjectionsXlsx(deps.db, row.id, { personal }, tally);
    case 'zip':
      return streamCaseFileZip({
        db: deps.db,
        store: deps.store,
        procedureId: row.id,
        personal,
        now: options.now,
        ...(tally ? { tally } : {}),
      });
  }
}
