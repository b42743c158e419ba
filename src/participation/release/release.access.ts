/**
 * Who may read the released batches: the case workers of the responsible authority (who made
 * them) and the applicant (to whom they were passed on, § 12 Abs. 2 9. BImSchV). Agencies, the
 * supervisory ministry and everyone else learn nothing, not even that batches exist (404).
 */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { findProcedureFor, type ProcedureRow } from '../../permits/permit.queries.ts';

export async function requireReleaseReader(
  db: Db,
  actor: Actor,
  procedureId: string,
): Promise<ProcedureRow> {
  const { row, roles } = await findProcedureFor(db, actor, procedureId);
  if (actor.kind !== 'user' || !(roles.includes('case_worker') || roles.includes('applicant')))
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  return row;
}
