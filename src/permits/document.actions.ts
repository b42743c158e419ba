import type { Readable } from 'node:stream';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { requireProcedureRole } from '../procedures/case/case-roles.ts';
import { partiesOf } from '../procedures/case/case.queries.ts';
import { safeFilename, storeCaseFile } from '../procedures/documents/case-files.ts';
import { findProcedure } from './permit.queries.ts';
import { procedureType, type PermitDeps } from './permit.types.ts';

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
  const name = safeFilename(options.filename);
  if (errors.length > 0) {
    options.content.resume();
    throw new AppError('validation', 'Die Unterlage wurde nicht gespeichert.', errors);
  }
  return storeCaseFile({
    db: deps.db,
    store: deps.store,
    now: () => deps.clock.now(),
    actor,
    content: options.content,
    record: {
      procedureId: before.id,
      tenantId: before.tenantId,
      docType: fields.docType,
      filename: name,
      tradeSecret: fields.tradeSecret,
      neutralSummary: fields.tradeSecret ? fields.neutralSummary.trim() : null,
      audience: role === 'agency_member' ? 'statement' : 'case',
      actorRole: role,
    },
    recheck: async (trx) => {
      const row = await findProcedure(trx, procedureId, { lock: true });
      if (!row || row.step !== before.step)
        throw new AppError(
          'conflict',
          'Das Verfahren wurde inzwischen geändert. Bitte laden Sie die Seite neu.',
        );
    },
  });
}
