import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

type Handle = Db | Transaction<Database>;

/** The parts of a procedure the internal case work needs (any procedure type). */
export interface StaffCase {
  id: string;
  tenantId: string;
  submitted: boolean;
  closed: boolean;
}

/**
 * Loads a procedure for the internal work of its authority (assignment, notes, follow-ups) and
 * checks that the actor is a case worker of that authority. Someone who takes no part in the
 * procedure learns nothing (404); a party in another role (applicant, agency, supervisory
 * authority) is refused (403) — the same rule as the procedure's own actions. With `lock` the
 * row stays locked (FOR UPDATE) until the caller's transaction ends.
 */
export async function loadCaseForStaff(
  db: Handle,
  actor: Actor,
  procedureId: string,
  options: { lock?: boolean } = {},
): Promise<StaffCase> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  let query = db
    .selectFrom('procedures')
    .select(['id', 'tenant_id', 'applicant_org_id', 'submitted_at', 'closed_at'])
    .where('id', '=', procedureId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  const notFound = () =>
    new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  if (!row) throw notFound();
  const worker = actor.memberships.some(
    (m) => m.role === 'case_worker' && m.organisationId === row.tenant_id,
  );
  if (!worker) {
    const agencies = await db
      .selectFrom('procedure_agencies')
      .select('agency_org_id')
      .where('procedure_id', '=', procedureId)
      .execute();
    const party = actor.memberships.some(
      (m) =>
        (m.role === 'applicant' && m.organisationId === row.applicant_org_id) ||
        (m.role === 'agency_member' &&
          agencies.some((a) => a.agency_org_id === m.organisationId)) ||
        (m.role === 'supervisor' &&
          (m.organisationKind === 'ministry' || m.organisationId === row.tenant_id)),
    );
    if (!party) throw notFound();
    throw new AppError(
      'forbidden',
      'Die interne Bearbeitung (Zuständigkeit, Vermerke, Wiedervorlagen) steht nur der Sachbearbeitung der Genehmigungsbehörde zu.',
    );
  }
  return {
    id: row.id,
    tenantId: row.tenant_id,
    submitted: row.submitted_at !== null,
    closed: row.closed_at !== null,
  };
}

/** Internal work on a case needs a running procedure: submitted (a draft is the applicant's) and not closed. */
export function requireRunningCase(found: StaffCase): void {
  if (!found.submitted)
    throw new AppError(
      'conflict',
      'Der Antrag ist noch nicht eingereicht; bis dahin ist er ein Entwurf der Antragstellerin und wird nicht bearbeitet.',
    );
  if (found.closed)
    throw new AppError(
      'conflict',
      'Das Verfahren ist abgeschlossen; Zuständigkeit, Vermerke und Wiedervorlagen können nicht mehr geändert werden.',
    );
}

export function actorId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor.userId;
}
