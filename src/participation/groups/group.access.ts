import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findProcedure,
  findProcedureFor,
  type ProcedureRow,
} from '../../permits/permit.queries.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { referenceLabel } from '../../procedures/reference.ts';

/** What the group use cases need (the CLI has no mailer or file store). */
export type GroupDeps = Pick<ParticipationDeps, 'db' | 'clock'>;

/**
 * Only case workers of the responsible authority (the procedure's tenant) handle objections:
 * the groups show objectors' texts and names. Everyone else, including the applicant and asked
 * agencies, learns nothing — not even that these pages exist (404). `actor` null is the system
 * (the CLI run by the operator).
 */
export async function procedureForGroups(
  db: GroupDeps['db'],
  actor: Actor | null,
  procedureId: string,
): Promise<ProcedureRow & { reference: string }> {
  if (actor === null) {
    const row = await findProcedure(db, procedureId);
    if (!row) throw new AppError('not_found', `Es gibt kein Verfahren mit der ID ${procedureId}.`);
    return { ...row, reference: referenceLabel(row.reference) };
  }
  const { row, roles } = await findProcedureFor(db, actor, procedureId);
  if (!roles.includes('case_worker')) {
    throw new AppError(
      'not_found',
      'Diese Seite gibt es nicht oder Sie bearbeiten dieses Verfahren nicht für die Genehmigungsbehörde.',
    );
  }
  return { ...row, reference: referenceLabel(row.reference) };
}

export function actorIdOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor.userId;
}
