import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { referenceLabel } from '../reference.ts';

export interface WorkCase {
  id: string;
  tenantId: string;
  reference: string;
  title: string;
  /** The user acting, for requested_by. */
  userId: string;
}

/**
 * Background work and its results (exports hold every objector's data) belong to the case
 * workers of the procedure's authority alone. Everyone else — the applicant, asked agencies,
 * the supervisory authority, other authorities — learns nothing, not even that a job exists
 * (404), the same rule as the objection pages the work comes from.
 */
export async function loadCaseForWork(
  db: Db,
  actor: Actor,
  procedureId: string,
): Promise<WorkCase> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const row = await db
    .selectFrom('procedures')
    .select(['id', 'tenant_id', 'reference', 'title', 'submitted_at'])
    .where('id', '=', procedureId)
    .executeTakeFirst();
  const staff =
    row !== undefined &&
    row.submitted_at !== null &&
    actor.memberships.some((m) => m.role === 'case_worker' && m.organisationId === row.tenant_id);
  if (!row || !staff)
    throw new AppError(
      'not_found',
      'Diese Seite gibt es nicht oder Sie bearbeiten dieses Verfahren nicht für die Genehmigungsbehörde.',
    );
  return {
    id: row.id,
    tenantId: row.tenant_id,
    reference: referenceLabel(row.reference),
    title: row.title,
    userId: actor.userId,
  };
}
