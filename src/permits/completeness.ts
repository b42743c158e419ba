import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { ProcedureTypeVersion, RequiredDocumentDef } from '../procedures/engine/index.ts';

type Handle = Db | Transaction<Database>;

const REASON_MAX = 2000;
export const MISSING_REASON_FIELD = 'missingDocumentsReason';

/** The required documents (§§ 3–4e 9. BImSchV) of which no file of that kind is in the case. */
export async function missingRequiredDocuments(
  db: Handle,
  procedureId: string,
  type: ProcedureTypeVersion,
): Promise<RequiredDocumentDef[]> {
  const provided = new Set(
    (
      await db
        .selectFrom('documents')
        .select('doc_type')
        .distinct()
        .where('procedure_id', '=', procedureId)
        .execute()
    ).map((d) => d.doc_type),
  );
  return type.requiredDocuments.filter((d) => !provided.has(d.key));
}

/**
 * The authority confirms completeness (§ 7 Abs. 2 9. BImSchV) on its own judgement: a document
 * may be dispensable for this project or already known to the authority. While a required
 * document is missing, that judgement must be written down: without a reason the confirmation is
 * refused; with one, the reason and the missing documents go into the audit event.
 * [open: legal sign-off whether the reason must also be told to the applicant]
 */
export function completenessReasonData(
  missing: readonly RequiredDocumentDef[],
  given: unknown,
): Record<string, unknown> {
  if (missing.length === 0) return {};
  const reason = typeof given === 'string' ? given.trim() : '';
  const count =
    missing.length === 1
      ? '1 erforderliche Unterlage fehlt'
      : `${missing.length} erforderliche Unterlagen fehlen`;
  if (reason === '') {
    const message = `${count} (${missing.map((d) => d.label).join('; ')}). Die Vollständigkeit kann trotzdem bestätigt werden, aber nur mit einer Begründung, warum diese Unterlagen entbehrlich sind oder der Behörde schon vorliegen.`;
    throw new AppError('validation', message, [{ field: MISSING_REASON_FIELD, message }]);
  }
  if (reason.length > REASON_MAX)
    throw new AppError(
      'validation',
      `Die Begründung darf höchstens ${REASON_MAX} Zeichen lang sein.`,
      [
        {
          field: MISSING_REASON_FIELD,
          message: `Die Begründung darf höchstens ${REASON_MAX} Zeichen lang sein.`,
        },
      ],
    );
  return { missingDocuments: missing.map((d) => d.key), missingDocumentsReason: reason };
}
