import { CHANNEL_LABELS } from '../channel-labels.ts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { EARLY_LABELS, formatRepresentative } from '../intake/intake-rules.ts';

/** Rows per query: large enough for throughput, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 2_000;
/** Shown instead of the text until a case worker confirmed its redaction (never the original). */
export const NOT_YET_REDACTED = '[noch nicht geschwärzt]';

/** Columns of every export of objections; `width` is the column width in the XLSX file. */
export const PUBLIC_COLUMNS = [
  { header: 'Eingangsnummer', width: 18 },
  { header: 'Eingang', width: 17 },
  { header: 'Kanal', width: 18 },
  { header: 'verspätet', width: 10 },
  { header: 'Unterschriften', width: 14 },
  { header: 'Gruppe', width: 38 },
  { header: 'Vertreter der Gruppe', width: 12 },
  { header: 'Belange', width: 30 },
  { header: 'Text', width: 80 },
] as const;
export const PERSONAL_COLUMNS = [
  { header: 'Name', width: 28 },
  { header: 'Anschrift', width: 40 },
  { header: 'E-Mail', width: 32 },
  { header: 'Originaltext', width: 80 },
  { header: 'Vertreter (benannt)', width: 40 },
] as const;
/**
 * Intake marks, after all other columns so that existing positions stay: received before the
 * notice or the display, and the decision on a uniform submission without a representative.
 */
export const MARK_COLUMNS = [
  { header: 'vor Beginn eingegangen', width: 24 },
  { header: '§ 17 Abs. 2 VwVfG', width: 26 },
] as const;
/** Index of the time of receipt in a row of values. */
export const RECEIVED_COLUMN = 1;

export function exportColumns(personal: boolean) {
  return personal
    ? [...PUBLIC_COLUMNS, ...PERSONAL_COLUMNS, ...MARK_COLUMNS]
    : [...PUBLIC_COLUMNS, ...MARK_COLUMNS];
}

export interface ObjectionExportOptions {
  /**
   * true only for the authority's own case workers: adds name, address, e-mail and the original
   * text. Every export defaults to false (architecture invariant 5).
   */
  personal: boolean;
}

/** Counts what was written, for the index of the case file and for progress. */
export interface ExportTally {
  rows: number;
}

export interface Cursor {
  at: string;
  id: string;
}

/**
 * One page of objections in (received_at, id) order, after the cursor. Keyset pagination walks
 * the index objections_procedure_idx and costs the same for the last page as for the first.
 * Personal columns are not even selected for the non-personal export.
 */
export function fetchObjectionBatch(
  db: Db,
  procedureId: string,
  cursor: Cursor | undefined,
  personal: boolean,
) {
  return db
    .selectFrom('objections as o')
    .leftJoin('objection_groups as g', 'g.id', 'o.group_id')
    .select((eb) => [
      'o.id',
      'o.reference',
      'o.channel',
      'o.late',
      'o.signatures',
      'o.group_id',
      'o.redacted_body',
      'o.redaction_confirmed_at',
      'o.early',
      'o.disregard_decision',
      eb('g.representative_id', '=', eb.ref('o.id')).as('representative'),
      // JS dates hold milliseconds, PostgreSQL microseconds: the cursor travels as exact text.
      sql<string>`to_char(o.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
      // The wall-clock time in Germany, as the case worker and the objector read it. PostgreSQL
      // applies the daylight saving rules; spreadsheets have no time zones at all.
      sql<string>`to_char(o.received_at at time zone 'Europe/Berlin', 'YYYY-MM-DD"T"HH24:MI:SS')`.as(
        'local_at',
      ),
      eb
        .selectFrom('objection_concerns as oc')
        .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
        .select(sql<string>`string_agg(c.label, '; ' order by c.position, c.label)`.as('labels'))
        .whereRef('oc.objection_id', '=', 'o.id')
        .where('oc.source', '=', 'confirmed')
        .as('concerns'),
    ])
    .$if(personal, (qb) =>
      qb.select([
        'o.name',
        'o.address',
        'o.email',
        'o.body',
        'o.representative_name',
        'o.representative_profession',
        'o.representative_address',
      ]),
    )
    .where('o.procedure_id', '=', procedureId)
    .$if(cursor !== undefined, (qb) =>
      qb.where(
        sql<boolean>`(o.received_at, o.id) > (${cursor?.at}::timestamptz, ${cursor?.id}::uuid)`,
      ),
    )
    .orderBy('o.received_at')
    .orderBy('o.id')
    .limit(EXPORT_BATCH_SIZE)
    .execute();
}

export type ObjectionRow = Awaited<ReturnType<typeof fetchObjectionBatch>>[number];

/** The cursor after a page, or undefined when it was the last one. */
export function nextCursor(rows: readonly ObjectionRow[]): Cursor | undefined {
  const last = rows.at(-1);
  return rows.length === EXPORT_BATCH_SIZE && last
    ? { at: last.cursor_at, id: last.id }
    : undefined;
}

/** A wall-clock time "YYYY-MM-DDTHH:MI:SS" as a Date whose UTC fields are that wall-clock time. */
export function wallClockDate(local: string): Date {
  return new Date(`${local}Z`);
}

/** "2026-11-24T14:05:33" → "24.11.2026 14:05", which German Excel and LibreOffice read as a date. */
export function germanDateTime(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/**
 * The values of one objection in column order. The time of receipt is the local wall-clock time
 * as text "YYYY-MM-DDTHH:MI:SS"; each format writes it its own way.
 */
export function objectionValues(row: ObjectionRow, personal: boolean): (string | number)[] {
  const text =
    row.redaction_confirmed_at !== null && row.redacted_body !== null
      ? row.redacted_body
      : NOT_YET_REDACTED;
  const values = [
    row.reference,
    row.local_at,
    CHANNEL_LABELS[row.channel],
    row.late ? 'ja' : 'nein',
    row.signatures,
    row.group_id ?? '',
    row.representative === true ? 'ja' : 'nein',
    row.concerns ?? '',
    text,
  ];
  const marks = [
    row.early ? EARLY_LABELS[row.early] : '',
    row.disregard_decision === 'disregard'
      ? 'unberücksichtigt'
      : row.disregard_decision === 'consider'
        ? 'berücksichtigt'
        : '',
  ];
  if (!personal) return [...values, ...marks];
  const representative = formatRepresentative({
    name: row.representative_name ?? null,
    profession: row.representative_profession ?? null,
    address: row.representative_address ?? null,
  });
  return [
    ...values,
    row.name ?? '',
    row.address ?? '',
    row.email ?? '',
    row.body ?? '',
    representative ?? '',
    ...marks,
  ];
}
