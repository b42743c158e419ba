import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import { sql } from 'kysely';
import { ZipFile } from 'yazl';
import type { Db } from '../../db/database.ts';
import type { FileStore } from '../../platform/storage.ts';
import {
  auditJsonLines,
  caseFileIndex,
  checksumLines,
  type AuditTally,
  type CaseFileSummary,
  type WrittenPart,
} from './case-file.parts.ts';
import { EXPORT_BATCH_SIZE, objectionCsvChunks, type CsvTally } from './objections.csv.ts';
import { UniquePaths } from './zip-names.ts';
import { referenceLabel } from '../../procedures/reference.ts';

export interface CaseFileZipOptions {
  db: Db;
  store: FileStore;
  procedureId: string;
  /** true only for the authority's case workers: objectors' data, attachments, trade secrets. */
  personal: boolean;
  /** Generation time shown in INHALT.txt (the caller's clock). */
  now?: Date;
  /** Counts the objections written so far (progress of a background export). */
  tally?: CsvTally;
}

type OpenPart = () => Readable;

interface PartOptions {
  mtime?: Date;
  /** Off for formats that are compressed already: deflating them again costs CPU and gains nothing. */
  compress?: boolean;
}

const COMPRESSED_FORMATS = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/zip',
]);

interface StoredPart {
  sha256: string;
  mediaType: string;
}

/**
 * A ZIP written entry by entry: yazl asks for each part's stream only when the previous part is
 * complete, so one part is open at a time and every part flows with backpressure. Each part is
 * hashed on its way into the archive for PRUEFSUMMEN.sha256.
 */
function createZipWriter(store: FileStore, now: Date) {
  const zip = new ZipFile();
  const output = zip.outputStream;
  if (!(output instanceof Readable)) throw new Error('yazl: outputStream ist kein Readable');
  const parts: WrittenPart[] = [];
  const paths = new UniquePaths();
  let current: Readable | undefined;
  let closed = false;
  const fail = (error: Error) => {
    if (!output.destroyed) output.destroy(error);
  };
  zip.on('error', fail);
  // The reader went away (download aborted) or the archive failed: stop reading the database.
  output.on('close', () => {
    closed = true;
    current?.destroy();
  });

  function add(folder: string, name: string, open: OpenPart, options: PartOptions = {}): string {
    const path = paths.claim(folder, name);
    const entry = { mtime: options.mtime ?? now, compress: options.compress ?? true };
    zip.addReadStreamLazy(path, entry, (callback) => {
      if (closed) return;
      const hash = createHash('sha256');
      let bytes = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
        flush(done) {
          parts.push({ path, bytes, sha256: hash.digest('hex') });
          done();
        },
      });
      current = meter;
      try {
        pipeline(open(), meter, (error) => {
          if (error) fail(error);
        });
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      callback(null, meter);
    });
    return path;
  }

  return {
    output,
    parts,
    get closed() {
      return closed;
    },
    fail,
    add,
    addText(folder: string, name: string, text: string, mtime = now): string {
      const open = () => Readable.from([Buffer.from(text)], { objectMode: false });
      return add(folder, name, open, { mtime });
    },
    /** A file of the content-addressed store, opened only when the archive reaches it. */
    addStored(folder: string, name: string, file: StoredPart, mtime = now): string {
      const compress = !COMPRESSED_FORMATS.has(file.mediaType);
      return add(folder, name, () => store.open(file.sha256), { mtime, compress });
    },
    end: () => zip.end(),
  };
}

type ZipWriter = ReturnType<typeof createZipWriter>;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function loadCaseData(db: Db, procedureId: string) {
  const procedure = await db
    .selectFrom('procedures')
    .select(['id', 'reference', 'title', 'type_key', 'type_version', 'step', 'state'])
    .select(['submitted_at', 'closed_at', 'event_count', 'last_hash'])
    .where('id', '=', procedureId)
    .executeTakeFirstOrThrow();
  const deadlines = await db
    .selectFrom('procedure_deadlines')
    .select(['key', 'label', 'start_date', 'end_date', 'status', 'responsible'])
    .select(['effect_on_expiry', 'rationale', 'citations'])
    .where('procedure_id', '=', procedureId)
    .orderBy('end_date')
    .orderBy('key')
    .execute();
  const documents = await db
    .selectFrom('documents')
    .select(['filename', 'doc_type', 'media_type', 'sha256', 'size', 'trade_secret'])
    .select(['neutral_summary', 'uploaded_at'])
    .where('procedure_id', '=', procedureId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  const notices = await db
    .selectFrom('notices')
    .select(['kind', 'published_on', 'published_at', 'title', 'summary', 'content'])
    .select(['pdf_sha256'])
    .where('procedure_id', '=', procedureId)
    .orderBy('published_at')
    .execute();
  return { procedure, deadlines, documents, notices };
}

function missingNote(path: string, sha256: string): string {
  return `Die Datei ${path} (SHA-256 ${sha256}) ist in der Akte verzeichnet, wurde im Dateispeicher aber nicht gefunden.\r\n`;
}

/** Attachments of the objections, page by page in the order of the CSV (personal export only). */
async function addAttachments(writer: ZipWriter, options: CaseFileZipOptions) {
  const { db, store, procedureId } = options;
  const result = { written: 0, missing: [] as string[] };
  let cursor: { at: string; id: string; position: number } | undefined;
  while (!writer.closed) {
    const rows = await db
      .selectFrom('objection_attachments as a')
      .innerJoin('objections as o', 'o.id', 'a.objection_id')
      .select(['o.id', 'o.reference', 'a.position', 'a.filename', 'a.sha256', 'a.media_type'])
      .select(
        sql<string>`to_char(o.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'cursor_at',
        ),
      )
      .where('o.procedure_id', '=', procedureId)
      .$if(cursor !== undefined, (qb) =>
        qb.where(
          sql<boolean>`(o.received_at, o.id, a.position) > (${cursor?.at}::timestamptz, ${cursor?.id}::uuid, ${cursor?.position})`,
        ),
      )
      .orderBy('o.received_at')
      .orderBy('o.id')
      .orderBy('a.position')
      .limit(EXPORT_BATCH_SIZE)
      .execute();
    for (const row of rows) {
      const name = `${row.reference}-${row.position}-${row.filename}`;
      if (store.has(row.sha256)) {
        writer.addStored('einwendungen/anhaenge/', name, {
          sha256: row.sha256,
          mediaType: row.media_type,
        });
        result.written++;
      } else {
        const path = writer.addText(
          'einwendungen/anhaenge/',
          `${name}.FEHLT.txt`,
          missingNote(name, row.sha256),
        );
        result.missing.push(path);
      }
    }
    const last = rows.at(-1);
    if (rows.length < EXPORT_BATCH_SIZE || !last) break;
    cursor = { at: last.cursor_at, id: last.id, position: last.position };
  }
  return result;
}

async function populate(writer: ZipWriter, options: CaseFileZipOptions, now: Date) {
  const { db, store, procedureId, personal } = options;
  const { procedure, deadlines, documents, notices } = await loadCaseData(db, procedureId);
  writer.addText(
    '',
    'verfahren.json',
    json({
      id: procedure.id,
      reference: referenceLabel(procedure.reference),
      title: procedure.title,
      typeKey: procedure.type_key,
      typeVersion: procedure.type_version,
      step: procedure.step,
      submittedAt: procedure.submitted_at,
      closedAt: procedure.closed_at,
      state: procedure.state,
      exportedAt: now,
      personal,
    }),
  );
  const audit: AuditTally = { events: 0, headSeq: null, headHash: null };
  writer.add('audit/', 'ereignisse.jsonl', () =>
    Readable.from(auditJsonLines(db, procedureId, audit), { objectMode: false }),
  );
  writer.addText('', 'fristen.json', json(deadlines));

  const docs = { full: 0, summaryOnly: 0, missing: [] as string[] };
  for (const doc of documents) {
    if (doc.trade_secret && !personal) {
      // § 10 Abs. 2 BImSchG: a trade secret is replaced by its neutral summary outside the authority.
      writer.addText(
        'unterlagen/',
        `${doc.filename}.inhaltsangabe.txt`,
        `Neutrale Inhaltsangabe zu „${doc.filename}“ (enthält Betriebs- oder Geschäftsgeheimnisse, § 10 Abs. 2 BImSchG; das Original ist nur in der personenbezogenen Fassung enthalten):\r\n\r\n${doc.neutral_summary ?? '(keine Inhaltsangabe hinterlegt)'}\r\n`,
        doc.uploaded_at,
      );
      docs.summaryOnly++;
    } else if (store.has(doc.sha256)) {
      const file = { sha256: doc.sha256, mediaType: doc.media_type };
      writer.addStored('unterlagen/', doc.filename, file, doc.uploaded_at);
      docs.full++;
    } else {
      const path = writer.addText(
        'unterlagen/',
        `${doc.filename}.FEHLT.txt`,
        missingNote(doc.filename, doc.sha256),
      );
      docs.missing.push(path);
    }
  }

  for (const notice of notices) {
    const stem = `${notice.kind}-${notice.published_on}`;
    const { pdf_sha256: pdf, ...row } = notice;
    writer.addText(
      'bekanntmachungen/',
      `${stem}.json`,
      json({ ...row, pdfSha256: pdf }),
      notice.published_at,
    );
    if (store.has(pdf)) {
      const file = { sha256: pdf, mediaType: 'application/pdf' };
      writer.addStored('bekanntmachungen/', `${stem}.pdf`, file, notice.published_at);
    }
  }

  const csv: CsvTally = options.tally ?? { rows: 0 };
  writer.add('', 'einwendungen.csv', () =>
    Readable.from(objectionCsvChunks(db, procedureId, { personal }, csv), { objectMode: false }),
  );
  const attachments = personal
    ? await addAttachments(writer, options)
    : { written: 0, missing: [] };

  // Both are produced only when yazl reaches them, i.e. after every other part was written, so the
  // counts and checksums describe exactly what is in the archive.
  writer.add('', 'PRUEFSUMMEN.sha256', () =>
    Readable.from(checksumLines([...writer.parts]), { objectMode: false }),
  );
  writer.add('', 'INHALT.txt', () => {
    const summary: CaseFileSummary = {
      reference: referenceLabel(procedure.reference),
      title: procedure.title,
      step: procedure.step,
      generatedAt: now,
      personal,
      audit,
      deadlines: deadlines.length,
      documents: docs,
      notices: notices.length,
      objections: csv.rows,
      attachments,
      parts: writer.parts.length - 1,
    };
    return Readable.from([Buffer.from(caseFileIndex(summary))], { objectMode: false });
  });
  writer.end();
}

/**
 * The case file of a procedure as a ZIP, streamed: verfahren.json, the hash-chained audit log,
 * deadlines, documents, notices, the objections as CSV and (personal only) their attachments,
 * with a German index and checksums. Memory stays flat: the CSV and the audit log are read page
 * by page while the archive is written, and nothing is buffered whole.
 */
export function streamCaseFileZip(options: CaseFileZipOptions): Readable {
  const now = options.now ?? new Date();
  const writer = createZipWriter(options.store, now);
  populate(writer, options, now).catch((error: unknown) =>
    writer.fail(error instanceof Error ? error : new Error(String(error))),
  );
  return writer.output;
}
