/**
 * Who may review objections: only the case workers of the responsible authority (the tenant).
 * Objections carry personal data of objectors (Art. 6 Abs. 1 lit. e DSGVO, § 10 Abs. 3 BImSchG);
 * anyone else involved in the procedure – agencies, the supervisory ministry – learns nothing,
 * not even that the page exists (404, like an outsider). The applicant gets its own, reduced view
 * (§ 12 Abs. 2 9. BImSchV).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { findProcedureFor, type ProcedureRow } from '../../permits/permit.queries.ts';
import type { ProcedureRole } from '../../procedures/case/case-roles.ts';
import { referenceLabel } from '../../procedures/reference.ts';

type Handle = Db | Transaction<Database>;

/** Objection work exists only after submission; a draft would read "noch kein Aktenzeichen". */
export type StaffProcedure = ProcedureRow & { actorId: string; reference: string };

function notFound(): AppError {
  return new AppError(
    'not_found',
    'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
  );
}

async function requireRole(
  db: Handle,
  actor: Actor,
  procedureId: string,
  role: ProcedureRole,
  lock: boolean,
): Promise<StaffProcedure> {
  const { row, roles } = await findProcedureFor(db, actor, procedureId, { lock });
  if (actor.kind !== 'user' || !roles.includes(role)) throw notFound();
  return { ...row, reference: referenceLabel(row.reference), actorId: actor.userId };
}

/** The procedure for a case worker of its authority; 404 for everybody else. */
export function requireCaseWorker(
  db: Handle,
  actor: Actor,
  procedureId: string,
  options: { lock?: boolean } = {},
): Promise<StaffProcedure> {
  return requireRole(db, actor, procedureId, 'case_worker', options.lock ?? false);
}

/** The procedure for a member of its applicant organisation; 404 for everybody else. */
export function requireApplicant(
  db: Handle,
  actor: Actor,
  procedureId: string,
): Promise<StaffProcedure> {
  return requireRole(db, actor, procedureId, 'applicant', false);
}
