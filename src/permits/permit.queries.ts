import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { findCase, findCaseFor, type CaseRow } from '../procedures/case/case.queries.ts';
import type { ProcedureRole } from '../procedures/case/case-roles.ts';
import type { ApplicationData } from './application.ts';
import { AppError } from '../platform/errors.ts';
import { PERMIT_TYPE_KEYS } from './permit.types.ts';

type Handle = Db | Transaction<Database>;

/** A permit procedure: the case row with the permit application. */
export type ProcedureRow = CaseRow<ApplicationData>;

/** Loads a permit procedure; with `lock` the row stays locked until the transaction ends. */
export function findProcedure(
  db: Handle,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ProcedureRow | undefined> {
  // Permit pages and routes read permit procedures only; another family's case is "not found".
  return findCase<ApplicationData>(db, id, options).then((row) =>
    row && PERMIT_TYPE_KEYS.includes(row.typeKey) ? row : undefined,
  );
}

/** A permit procedure with the actor's roles in it; someone not involved learns nothing (404). */
export async function findProcedureFor(
  db: Handle,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: ProcedureRow; roles: ProcedureRole[] }> {
  const found = await findCaseFor<ApplicationData>(db, actor, id, options);
  if (!PERMIT_TYPE_KEYS.includes(found.row.typeKey))
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  return found;
}

export interface ProcedureListItem {
  id: string;
  reference: string | null;
  title: string;
  step: string;
  typeKey: string;
  authority: string;
  nextDeadline: string | null;
  nextDeadlineLabel: string | null;
  /** Every deadline shown carries its rationale (architecture invariant 3). */
  nextDeadlineRationale: string | null;
  overdue: boolean;
  /** The authority's own view only (work queue): who works on it, and a follow-up due today. */
  caseWorker?: string | null;
  deputy?: string | null;
  followUpDue?: string | null;
  followUpText?: string | null;
}

/** The work queue's assignment filter: mine (as case worker or deputy), unassigned, or all of the team. */
export type AssignmentFilter = 'mine' | 'team' | 'unassigned';

/**
 * Procedures visible to an actor: of their authority (case workers), their company (applicants),
 * or asked of their agency. Ordered by the nearest running legal deadline (the work queue).
 */
export async function listProcedures(
  db: Handle,
  scope: {
    tenantIds?: string[];
    applicantOrgIds?: string[];
    agencyOrgIds?: string[];
    all?: boolean;
  },
  filter: {
    step?: string;
    overdueOnly?: boolean;
    today: string;
    limit?: number;
    /**
     * The authority's work queue: assignment and due follow-ups (internal; never for applicants
     * or agencies). Due follow-ups (Wiedervorlagen) come first.
     */
    internal?: { userId: string; assignment: AssignmentFilter };
  },
): Promise<ProcedureListItem[]> {
  // An agency's list shows the agency's own deadlines (its statement, its consent), never the
  // authority's or another agency's: their keys end with the agency's id (deadlineRowKey).
  const ownAgencies =
    !scope.all && !scope.tenantIds?.length && !scope.applicantOrgIds?.length
      ? (scope.agencyOrgIds ?? [])
      : [];
  const internal = filter.internal;
  let query = db
    .selectFrom('procedures as p')
    .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
    .leftJoin('procedure_assignments as asg', 'asg.procedure_id', 'p.id')
    .leftJoin('users as cw', 'cw.id', 'asg.case_worker_id')
    .leftJoin('users as dep', 'dep.id', 'asg.deputy_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('procedure_follow_ups as f')
          .select(['f.due_date as follow_up_due', 'f.text as follow_up_text'])
          .whereRef('f.procedure_id', '=', 'p.id')
          .where('f.done_at', 'is', null)
          .where('f.due_date', '<=', filter.today)
          // Only the authority's own queue reads follow-ups at all.
          .where(sql<boolean>`${internal !== undefined}`)
          .orderBy('f.due_date')
          .limit(1)
          .as('fu'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('procedure_deadlines as d')
          .select(['d.end_date', 'd.label', 'd.rationale'])
          .whereRef('d.procedure_id', '=', 'p.id')
          .where('d.status', 'in', ['running', 'expired'])
          .$if(ownAgencies.length > 0, (q) =>
            q.where((w) => w.or(ownAgencies.map((agency) => w('d.key', 'like', `%#${agency}`)))),
          )
          .orderBy('d.end_date')
          .limit(1)
          .as('next'),
      (join) => join.onTrue(),
    )
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'p.step',
      'p.type_key',
      'o.name as authority',
      'next.end_date',
      'next.label',
      'next.rationale',
      'cw.display_name as case_worker',
      'dep.display_name as deputy',
      'fu.follow_up_due',
      'fu.follow_up_text',
    ])
    .where('p.closed_at', 'is', null);
  if (!scope.all) {
    query = query.where((eb) =>
      eb.or([
        // A draft is the applicant's own until submitted: it has no Aktenzeichen yet and is not
        // in the authority's queue.
        ...(scope.tenantIds?.length
          ? [eb.and([eb('p.tenant_id', 'in', scope.tenantIds), eb('p.step', '<>', 'draft')])]
          : []),
        ...(scope.applicantOrgIds?.length
          ? [eb('p.applicant_org_id', 'in', scope.applicantOrgIds)]
          : []),
        ...(scope.agencyOrgIds?.length
          ? [
              eb.exists(
                eb
                  .selectFrom('procedure_agencies as a')
                  .select('a.procedure_id')
                  .whereRef('a.procedure_id', '=', 'p.id')
                  .where('a.agency_org_id', 'in', scope.agencyOrgIds),
              ),
            ]
          : []),
        eb.val(false),
      ]),
    );
  }
  if (filter.step) query = query.where('p.step', '=', filter.step);
  if (filter.overdueOnly) query = query.where('next.end_date', '<', filter.today);
  if (internal?.assignment === 'mine')
    query = query.where((eb) =>
      eb.or([
        eb('asg.case_worker_id', '=', internal.userId),
        eb('asg.deputy_id', '=', internal.userId),
      ]),
    );
  // An anti-join, not "asg.case_worker_id is null" after the left join: the planner estimates
  // that filter at one row and then scans the users table once per case (bench/README.md).
  if (internal?.assignment === 'unassigned')
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('procedure_assignments as assigned')
            .select('assigned.procedure_id')
            .whereRef('assigned.procedure_id', '=', 'p.id')
            .where('assigned.case_worker_id', 'is not', null),
        ),
      ),
    );
  const rows = await query
    .orderBy(sql`fu.follow_up_due nulls last`)
    .orderBy(sql`next.end_date nulls last`)
    .orderBy('p.reference')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    step: r.step,
    typeKey: r.type_key,
    authority: r.authority,
    nextDeadline: r.end_date,
    nextDeadlineLabel: r.label,
    nextDeadlineRationale: r.rationale,
    overdue: r.end_date !== null && r.end_date < filter.today,
    ...(internal
      ? {
          caseWorker: r.case_worker,
          deputy: r.deputy,
          followUpDue: r.follow_up_due,
          followUpText: r.follow_up_text,
        }
      : {}),
  }));
}

export async function listDocuments(db: Handle, procedureId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('uploaded_at')
    .execute();
}

export async function listAgencies(db: Handle, procedureId: string) {
  return db
    .selectFrom('procedure_agencies as a')
    .innerJoin('organisations as o', 'o.id', 'a.agency_org_id')
    .select([
      'a.agency_org_id',
      'o.name',
      'a.status',
      'a.due_date',
      'a.statement',
      'a.answered_at',
      'a.verdict',
      'a.consent',
      'a.consent_status',
      'a.consent_due',
      'a.consent_reasons',
    ])
    .where('a.procedure_id', '=', procedureId)
    .orderBy('o.name')
    .execute();
}
