/**
 * Documents as files in a case, for every kind of procedure: receiving an upload (multipart, the
 * text fields before the file), checking it by its first bytes, streaming it into the
 * content-addressed store, and recording it with its hash and an audit event in one transaction.
 * Which roles may upload what, and in which step, is the family's decision; what a refused upload
 * leaves behind is nothing (the staged file is discarded, no row is written).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { promoteFiles } from '../../platform/file-orphans.ts';
import {
  FileTooLargeError,
  sniffFileType,
  withStaging,
  type FileStore,
  type StagedFile,
} from '../../platform/storage.ts';
import { appendAuditEvent } from '../audit.queries.ts';

/** The largest file a case accepts (applications carry plans and expert reports). */
export const MAX_CASE_FILE_BYTES = 25 * 1024 * 1024;

const MEDIA_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;

export interface CaseUpload {
  /** The form's text fields, in the order sent (those after the file are not read). */
  values: Record<string, string>;
  filename: string;
  content: Readable;
}

/**
 * Reads a multipart upload: the text fields must come before the file (browsers send them in
 * form order), so the file can be streamed straight into the store without buffering.
 */
export async function readCaseUpload(request: FastifyRequest): Promise<CaseUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'validation',
      'Bitte senden Sie die Unterlage als multipart/form-data mit dem Feld „file“.',
      [{ field: 'file', message: 'Bitte wählen Sie eine Datei aus.' }],
    );
  }
  const values: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      values[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    return { values, filename: part.filename, content: part.file };
  }
  throw new AppError('validation', 'Es wurde keine Datei übertragen.', [
    { field: 'file', message: 'Bitte wählen Sie eine Datei aus.' },
  ]);
}

/** A file name safe to store and to send back in a header: no path, at most 200 characters. */
export function safeFilename(name: string): string {
  const cleaned = name
    .replace(/[\\/]/g, '_')
    // Control characters would break the download header and the audit trail's readability.
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'unterlage';
}

/**
 * Receives the file into the staging area and checks it: PDF, PNG or JPEG by its first bytes,
 * not empty, at most 25 MB. A refused file is discarded by the caller's withStaging.
 */
export async function stageCaseFile(
  stage: FileStore['stage'],
  content: Readable,
  name: string,
): Promise<StagedFile & { mediaType: string }> {
  let file: StagedFile;
  try {
    file = await stage(content, { maxBytes: MAX_CASE_FILE_BYTES });
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new AppError(
        'payload_too_large',
        `Die Datei „${name}“ ist größer als 25 MB und wurde nicht gespeichert.`,
        [
          {
            field: 'file',
            message: `Die Datei „${name}“ ist größer als 25 MB; es wurde nichts gespeichert.`,
          },
        ],
      );
    }
    throw error;
  }
  if (file.size === 0)
    throw new AppError('validation', 'Die Datei ist leer.', [
      { field: 'file', message: 'Bitte wählen Sie eine Datei aus.' },
    ]);
  const kind = sniffFileType(file.head);
  if (kind === undefined || kind === 'zip') {
    throw new AppError(
      'validation',
      `Die Datei „${name}“ ist kein PDF, PNG oder JPEG und wurde nicht gespeichert.`,
      [
        {
          field: 'file',
          message: `Die Datei „${name}“ ist kein PDF, PNG oder JPEG; nur diese Formate sind erlaubt (bis 25 MB). Es wurde nichts gespeichert.`,
        },
      ],
    );
  }
  return Object.assign(file, { mediaType: MEDIA_TYPES[kind] });
}

export interface CaseFileRecord {
  procedureId: string;
  tenantId: string;
  docType: string;
  filename: string;
  tradeSecret?: boolean;
  neutralSummary?: string | null;
  /** 'case' for the case file; families may use their own audiences (e.g. 'statement'). */
  audience?: string;
  actorRole: string;
}

/**
 * Stages, checks and records one upload: `recheck` runs inside the transaction with the case
 * locked (the family's check that the case has not moved on meanwhile); the file is promoted
 * from staging before the commit, so a failed commit leaves no file and a failed check no row.
 */
export async function storeCaseFile(options: {
  db: Kysely<Database>;
  store: FileStore;
  now: () => Date;
  actor: Actor;
  content: Readable;
  record: CaseFileRecord;
  recheck: (trx: Transaction<Database>) => Promise<void>;
}): Promise<string> {
  const { db, store, actor, record } = options;
  return withStaging(store, async (stage) => {
    const file = await stageCaseFile(stage, options.content, record.filename);
    return db.transaction().execute(async (trx) => {
      await options.recheck(trx);
      const at = options.now();
      const actorId = actor.kind === 'user' ? actor.userId : null;
      const document = await trx
        .insertInto('documents')
        .values({
          procedure_id: record.procedureId,
          tenant_id: record.tenantId,
          doc_type: record.docType,
          filename: record.filename,
          media_type: file.mediaType,
          sha256: file.sha256,
          size: file.size,
          trade_secret: record.tradeSecret ?? false,
          neutral_summary: record.neutralSummary ?? null,
          uploaded_by: actorId,
          uploaded_at: at,
          audience: record.audience ?? 'case',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, {
        procedureId: record.procedureId,
        tenantId: record.tenantId,
        at,
        actorId,
        actorRole: record.actorRole,
        type: 'document-uploaded',
        data: {
          documentId: document.id,
          docType: record.docType,
          filename: record.filename,
          sha256: file.sha256,
          tradeSecret: record.tradeSecret ?? false,
        },
      });
      await promoteFiles(trx, store, [file]);
      return document.id;
    });
  });
}

/** Streams a stored document as a download; the caller has checked who may see it. */
export function sendCaseFile(
  reply: FastifyReply,
  store: FileStore,
  doc: { filename: string; media_type: string; sha256: string },
): FastifyReply {
  if (!store.has(doc.sha256)) throw new AppError('not_found', 'Diese Unterlage gibt es nicht.');
  return reply
    .header('content-type', doc.media_type)
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    )
    .header('x-content-sha256', doc.sha256)
    .send(store.open(doc.sha256));
}
