import type { Readable } from 'node:stream';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { promoteFiles } from '../platform/file-orphans.ts';
import {
  FileTooLargeError,
  sniffFileType,
  withStaging,
  type FileStore,
  type StagedFile,
} from '../platform/storage.ts';
import { appendAuditEvent } from '../procedures/audit.queries.ts';
import { requireProcedureRole, type ProcedureRole } from '../procedures/case/case-roles.ts';
import { findProcedure } from './permit.queries.ts';
import { partiesOf } from '../procedures/case/case.queries.ts';
import { MAX_UPLOAD_BYTES, procedureType, type PermitDeps } from './permit.types.ts';

const MEDIA_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;
const UPLOAD_STEPS = new Set(['draft', 'completeness-check']);
export const STATEMENT_ATTACHMENT = 'statement-attachment';

export interface UploadFields {
  docType: string;
  tradeSecret: boolean;
  neutralSummary: string;
}

/**
 * Files a document in the case. The content is checked by its first bytes (PDF, PNG, JPEG only),
 * streamed to the content-addressed store, then recorded with its hash in one transaction. A
 * document marked as trade secret needs a neutral summary for the public display (§ 10 Abs. 2 BImSchG).
 */
export async function uploadDocument(options: {
  deps: PermitDeps;
  actor: Actor;
  procedureId: string;
  fields: UploadFields;
  filename: string;
  content: Readable;
}): Promise<string> {
  const { deps, actor, procedureId } = options;
  let fields = options.fields;
  const before = await findProcedure(deps.db, procedureId);
  if (!before)
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  const role = requireProcedureRole(actor, partiesOf(before), [
    'applicant',
    'case_worker',
    'agency_member',
  ]);
  const type = procedureType(before.typeKey, before.typeVersion);
  const errors: FieldError[] = [];
  if (role === 'agency_member') {
    // An agency attaches material to its own statement, while it is asked (§ 11 9. BImSchV).
    const asked = before.state.agencies.some(
      (a) =>
        a.answer === 'pending' &&
        actor.kind === 'user' &&
        actor.memberships.some((m) => m.organisationId === a.agency),
    );
    if (!asked)
      throw new AppError(
        'conflict',
        'Ihre Behörde kann in diesem Verfahren keine Anlagen zur Stellungnahme mehr hochladen.',
      );
    fields = { ...fields, docType: STATEMENT_ATTACHMENT };
  } else if (
    !type.requiredDocuments.some((d) => d.key === fields.docType) &&
    fields.docType !== 'other'
  ) {
    errors.push({ field: 'docType', message: 'Bitte wählen Sie die Art der Unterlage.' });
  }
  if (fields.tradeSecret && fields.neutralSummary.trim().length < 20) {
    errors.push({
      field: 'neutralSummary',
      message:
        'Für Unterlagen mit Betriebs- oder Geschäftsgeheimnissen ist eine neutrale Inhaltsangabe (mindestens 20 Zeichen) nötig, die öffentlich ausgelegt werden kann.',
    });
  }
  if (role === 'applicant' && !UPLOAD_STEPS.has(before.step)) {
    throw new AppError(
      'conflict',
      'In diesem Verfahrensschritt können Sie keine Unterlagen mehr hochladen.',
    );
  }
  const name = options.filename.replace(/[\\/]/g, '_').slice(0, 200) || 'unterlage';
  if (errors.length > 0) {
    options.content.resume();
    throw new AppError('validation', 'Die Unterlage wurde nicht gespeichert.', errors);
  }
  return withStaging(deps.store, async (stage) => {
    const file = await stageUpload(stage, options.content, name);
    return recordDocument({ deps, actor, procedureId, before, role, fields, name, file });
  });
}

/**
 * Receives the file into the staging area and checks it: PDF, PNG or JPEG by its first bytes,
 * not empty, at most 25 MB. A refused file is discarded by the caller's withStaging.
 */
async function stageUpload(
  stage: FileStore['stage'],
  content: Readable,
  name: string,
): Promise<StagedFile & { mediaType: string }> {
  let file: StagedFile;
  try {
    file = await stage(content, { maxBytes: MAX_UPLOAD_BYTES });
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

/** The document's row and audit event in one transaction; the file is promoted before the commit. */
async function recordDocument(options: {
  deps: PermitDeps;
  actor: Actor;
  procedureId: string;
  before: NonNullable<Awaited<ReturnType<typeof findProcedure>>>;
  role: ProcedureRole;
  fields: UploadFields;
  name: string;
  file: StagedFile & { mediaType: string };
}): Promise<string> {
  const { deps, actor, procedureId, before, role, fields, name, file } = options;
  const stored = file;
  const mediaType = file.mediaType;
  return deps.db.transaction().execute(async (trx) => {
    const row = await findProcedure(trx, procedureId, { lock: true });
    if (!row || row.step !== before.step)
      throw new AppError(
        'conflict',
        'Das Verfahren wurde inzwischen geändert. Bitte laden Sie die Seite neu.',
      );
    const now = deps.clock.now();
    const document = await trx
      .insertInto('documents')
      .values({
        procedure_id: row.id,
        tenant_id: row.tenantId,
        doc_type: fields.docType,
        filename: name,
        media_type: mediaType,
        sha256: stored.sha256,
        size: stored.size,
        trade_secret: fields.tradeSecret,
        neutral_summary: fields.tradeSecret ? fields.neutralSummary.trim() : null,
        uploaded_by: actor.kind === 'user' ? actor.userId : null,
        uploaded_at: now,
        audience: role === 'agency_member' ? 'statement' : 'case',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: now,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorRole: role,
      type: 'document-uploaded',
      data: {
        documentId: document.id,
        docType: fields.docType,
        filename: name,
        sha256: stored.sha256,
        tradeSecret: fields.tradeSecret,
      },
    });
    await promoteFiles(trx, deps.store, [file]);
    return document.id;
  });
}
