import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Handle = Db | Transaction<Database>;

export interface Assignment {
  caseWorkerId: string | null;
  caseWorkerName: string | null;
  deputyId: string | null;
  deputyName: string | null;
  assignedAt: Date;
}

export async function findAssignment(
  db: Handle,
  procedureId: string,
): Promise<Assignment | undefined> {
  const row = await db
    .selectFrom('procedure_assignments as a')
    .leftJoin('users as w', 'w.id', 'a.case_worker_id')
    .leftJoin('users as d', 'd.id', 'a.deputy_id')
    .select([
      'a.case_worker_id',
      'w.display_name as worker_name',
      'a.deputy_id',
      'd.display_name as deputy_name',
      'a.assigned_at',
    ])
    .where('a.procedure_id', '=', procedureId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    caseWorkerId: row.case_worker_id,
    caseWorkerName: row.worker_name,
    deputyId: row.deputy_id,
    deputyName: row.deputy_name,
    assignedAt: row.assigned_at,
  };
}

/** The active case workers of an authority: the people a case can be assigned to. */
export async function listCaseWorkers(
  db: Handle,
  tenantId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where('m.organisation_id', '=', tenantId)
    .where('m.role', '=', 'case_worker')
    .where('u.disabled', '=', false)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
