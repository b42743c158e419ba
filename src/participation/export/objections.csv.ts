import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ObjectionChannel } from '../../db/schema.ts';
import { csvRow, UTF8_BOM } from './csv.ts';

/** Rows per query: large enough for throughput, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 2_000;
/** Size of the chunks handed to the stream. */
const CHUNK_BYTES = 64 * 1024;
/** Shown instead of the text until a case worker confirmed its redaction (never the original). */
export const NOT_YET_REDACTED = '[noch nicht geschwärzt]';

export const CHANNEL_LABELS: Record<ObjectionChannel, string> = {
  web: 'Online-Formular',
  api: 'Schnittstelle',
  paper: 'Papier',
  email: 'E-Mail',
  'signature-list': 'Unterschriftenliste',
  fax: 'Fax',
  other: 'Sonstiges',
};

const PUBLIC_COLUMNS = [
  'Eingangsnummer',
  'Eingang (ISO)',
  'Kanal',
  'verspätet',
  'Unterschriften',
  'Gruppe',
  'Vertreter der Gruppe',
  'Belange',
  'Text',
];
const PERSONAL_COLUMNS = ['Name', 'Anschrift', 'E-Mail', 'Originaltext'];

export interface ObjectionCsvOptions {
  /**
   * true only for the authority's own case workers: adds name, address, e-mail and the original
   * text. Every export defaults to false (architecture invariant 5).
   */
  personal: boolean;
}

/** Counts what was written, for the index of the case file. */
export interface CsvTally {
  rows: number;
}

interface Cursor {
  at: string;
  id: string;
}

/**
 * One page of objections in (received_at, id) order, after the cursor. Keyset pagination walks
 * the index objections_procedure_idx and costs the same for the last page as for the first.
 * Personal columns are not even selected for the non-personal export.
 */
function fetchBatch(db: Db, procedureId: string, cursor: Cursor | undefined, personal: boolean) {
  return db
    .selectFrom('objections as o')
    .leftJoin('objection_groups as g', 'g.id', 'o.group_id')
    .select((eb) => [
      'o.id',
      'o.reference',
      'o.received_at',
      'o.channel',
      'o.late',
      'o.signatures',
      'o.group_id',
      'o.redacted_body',
      'o.redaction_confirmed_at',
      eb('g.representative_id', '=', eb.ref('o.id')).as('representative'),
      // JS dates hold milliseconds, PostgreSQL microseconds: the cursor travels as exact text.
      sql<string>`to_char(o.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
      eb
        .selectFrom('objection_concerns as oc')
        .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
        .select(sql<string>`string_agg(c.label, '; ' order by c.position, c.label)`.as('labels'))
        .whereRef('oc.objection_id', '=', 'o.id')
        .where('oc.source', '=', 'confirmed')
        .as('concerns'),
    ])
    .$if(personal, (qb) => qb.select(['o.name', 'o.address', 'o.email', 'o.body']))
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

type Row = Awaited<ReturnType<typeof fetchBatch>>[number];

function cells(row: Row, personal: boolean): (string | number | Date | null)[] {
  const text =
    row.redaction_confirmed_at !== null && row.redacted_body !== null
      ? row.redacted_body
      : NOT_YET_REDACTED;
  const values = [
    row.reference,
    row.received_at,
    CHANNEL_LABELS[row.channel],
    row.late ? 'ja' : 'nein',
    row.signatures,
    row.group_id ?? '',
    row.representative === true ? 'ja' : 'nein',
    row.concerns ?? '',
    text,
  ];
  if (!personal) return values;
  return [...values, row.name ?? '', row.address ?? '', row.email ?? '', row.body ?? ''];
}

interface Page {
  bytes: Buffer;
  rows: number;
  next: Cursor | undefined;
}

/**
 * Fetches a page and turns it into UTF-8 bytes at once, so what waits for the reader is one
 * compact buffer (about 1 MB for 2,000 objections) instead of 2,000 row objects on the V8 heap.
 */
async function fetchPage(
  db: Db,
  procedureId: string,
  cursor: Cursor | undefined,
  personal: boolean,
): Promise<Page> {
  const rows = await fetchBatch(db, procedureId, cursor, personal);
  let text = '';
  for (const row of rows) text += csvRow(cells(row, personal));
  const last = rows.at(-1);
  return {
    bytes: Buffer.from(text, 'utf8'),
    rows: rows.length,
    next:
      rows.length === EXPORT_BATCH_SIZE && last ? { at: last.cursor_at, id: last.id } : undefined,
  };
}

/**
 * The CSV as byte chunks: byte order mark and header first, then the objections page by page.
 * The next page is already requested while the current one is read (one query in flight at
 * most), so the database and the reader work in parallel without memory growing.
 */
export async function* objectionCsvChunks(
  db: Db,
  procedureId: string,
  options: ObjectionCsvOptions,
  tally: CsvTally = { rows: 0 },
): AsyncGenerator<Buffer, void, undefined> {
  const personal = options.personal;
  const header = personal ? [...PUBLIC_COLUMNS, ...PERSONAL_COLUMNS] : PUBLIC_COLUMNS;
  yield Buffer.from(UTF8_BOM + csvRow(header), 'utf8');
  let pending: Promise<Page> | undefined = fetchPage(db, procedureId, undefined, personal);
  try {
    while (pending) {
      const page: Page = await pending;
      pending = page.next ? fetchPage(db, procedureId, page.next, personal) : undefined;
      tally.rows += page.rows;
      for (let at = 0; at < page.bytes.length; at += CHUNK_BYTES) {
        yield page.bytes.subarray(at, at + CHUNK_BYTES);
      }
    }
  } finally {
    // A reader that stops early (download aborted) must not leave a rejected promise behind.
    void pending?.catch(() => undefined);
  }
}

/**
 * The objections of a procedure as CSV (RFC 4180, UTF-8 with BOM, formula-safe cells), streamed
 * with backpressure: at most one page is read ahead of the reader, so memory stays constant
 * however many objections there are (bench/export.bench.ts).
 */
export function streamObjectionsCsv(
  db: Db,
  procedureId: string,
  options: ObjectionCsvOptions = { personal: false },
  tally?: CsvTally,
): Readable {
  return Readable.from(objectionCsvChunks(db, procedureId, options, tally), { objectMode: false });
}
