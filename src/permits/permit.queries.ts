import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { CaseDeadline, CaseEvent, ProcedureState } from '../procedures/engine/index.ts';
import type { ApplicationData } from './application.ts';
import { procedureRoles, type ProcedureParties, type ProcedureRole } from './procedure-access.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

type Handle = Db | Transaction<Database>;

export interface ProcedureRow {
  id: string;
  tenantId: string;
  applicantOrgId: string | null;
  /** The Aktenzeichen; null while the application is a draft (given at submission). */
  reference: string | null;
  title: string;
  typeKey: string;
  typeVersion: string;
  step: string;
  state: ProcedureState;
  application: ApplicationData;
  eventCount: number;
  lastHash: string | null;
  submittedAt: Date | null;
  agencyOrgIds: string[];
}

export function partiesOf(row: ProcedureRow): ProcedureParties {
  return {
    tenantId: row.tenantId,
    applicantOrgId: row.applicantOrgId,
    agencyOrgIds: row.agencyOrgIds,
  };
}

/** Loads a procedure; with `lock` the row stays locked until the caller's transaction ends. */
export async function findProcedure(
  db: Handle,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ProcedureRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = db.selectFrom('procedures').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const agencies = await db
    .selectFrom('procedure_agencies')
    .select('agency_org_id')
    .where('procedure_id', '=', id)
    .execute();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    applicantOrgId: row.applicant_org_id,
    reference: row.reference,
    title: row.title,
    typeKey: row.type_key,
    typeVersion: row.type_version,
    step: row.step,
    state: row.state as ProcedureState,
    application: row.application as ApplicationData,
    eventCount: row.event_count,
    lastHash: row.last_hash,
    submittedAt: row.submitted_at,
    agencyOrgIds: agencies.map((a) => a.agency_org_id),
  };
}

// One formatter for all calls: toLocaleDateString with options builds a new one every time.
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function berlinDate(date: Date): string {
  return BERLIN_DAY.format(date);
}

/** The case history as the engine reads it: every audit event with its (Berlin) date. */
export async function loadHistory(db: Handle, procedureId: string): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('procedure_events')
    .select(['type', 'at', 'data'])
    .where('procedure_id', '=', procedureId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    at: berlinDate(r.at),
    data: r.data as Record<string, unknown>,
  }));
}

export function deadlineRowKey(d: CaseDeadline): string {
  return d.instance === null ? d.key : `${d.key}#${d.instance}`;
}

/** Replaces the materialised deadlines of a procedure (same transaction as the event). */
export async function saveDeadlines(
  trx: Transaction<Database>,
  row: ProcedureRow,
  deadlines: readonly CaseDeadline[],
): Promise<void> {
  const previous = await trx
    .selectFrom('procedure_deadlines')
    .select(['key', 'escalated_at'])
    .where('procedure_id', '=', row.id)
    .execute();
  const escalated = new Map(previous.map((p) => [p.key, p.escalated_at]));
  await trx.deleteFrom('procedure_deadlines').where('procedure_id', '=', row.id).execute();
  if (deadlines.length === 0) return;
  // Per-agency deadlines are keyed by the agency's id; people read its name.
  const instanceIds = [
    ...new Set(
      deadlines
        .map((d) => d.instance)
        .filter((i): i is string => i !== null && /^[0-9a-f-]{36}$/.test(i)),
    ),
  ];
  const names = new Map(
    instanceIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('organisations')
            .select(['id', 'name'])
            .where('id', 'in', instanceIds)
            .execute()
        ).map((o) => [o.id, o.name]),
  );
  const readable = (d: CaseDeadline) =>
    d.instance && names.has(d.instance)
      ? d.label.replace(d.instance, names.get(d.instance)!)
      : d.label;
  await trx
    .insertInto('procedure_deadlines')
    .values(
      deadlines.map((d) => ({
        procedure_id: row.id,
        key: deadlineRowKey(d),
        tenant_id: row.tenantId,
        label: readable(d),
        start_date: d.start,
        end_date: d.end,
        status: d.status,
        responsible: d.responsible,
        effect_on_expiry: d.effectOnExpiry,
        rationale:
          d.instance && names.has(d.instance)
            ? d.rationale.split(d.instance).join(names.get(d.instance))
            : d.rationale,
        citations: JSON.stringify(d.citations),
        escalated_at: escalated.get(deadlineRowKey(d)) ?? null,
      })),
    )
    .execute();
}

export async function listDeadlines(db: Handle, procedureId: string) {
  return db
    .selectFrom('procedure_deadlines')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('end_date')
    .execute();
}

/** Users to notify for a role in a procedure: members of the right organisation with that role. */
export async function recipients(
  db: Handle,
  organisationIds: string[],
  role: 'applicant' | 'case_worker' | 'agency_member' | 'supervisor',
): Promise<string[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select('users.email')
    .distinct()
    .where('memberships.role', '=', role)
    .where('users.disabled', '=', false);
  if (role === 'supervisor') query = query.where('organisations.kind', '=', 'ministry');
  else if (organisationIds.length === 0) return [];
  else query = query.where('memberships.organisation_id', 'in', organisationIds);
  return (await query.execute()).map((r) => r.email);
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
          ? [
              eb.and([
                eb('p.tenant_id', 'in', scope.tenantIds),
                eb('p.submitted_at', 'is not', null),
              ]),
            ]
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
  if (internal?.assignment === 'unassigned') query = query.where('asg.case_worker_id', 'is', null);
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
    .select(['a.agency_org_id', 'o.name', 'a.status', 'a.due_date', 'a.statement', 'a.answered_at'])
    .where('a.procedure_id', '=', procedureId)
    .orderBy('o.name')
    .execute();
}

export async function listEvents(db: Handle, procedureId: string) {
  return db
    .selectFrom('procedure_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.seq', 'e.at', 'e.type', 'e.actor_role', 'e.data', 'u.display_name'])
    .where('e.procedure_id', '=', procedureId)
    .orderBy('e.seq', 'desc')
    .execute();
}

/** A procedure together with the actor's roles in it; someone not involved learns nothing (404). */
export async function findProcedureFor(
  db: Handle,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: ProcedureRow; roles: ProcedureRole[] }> {
  const row = await findProcedure(db, id, options);
  const roles = row ? procedureRoles(actor, partiesOf(row)) : [];
  if (!row || roles.length === 0) {
    if (actor.kind === 'anonymous')
      throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  }
  return { row, roles };
}

/** The authority's and the applicant's names as documents and notices print them. */
export async function procedureParties(
  db: Handle,
  row: Pick<ProcedureRow, 'tenantId' | 'applicantOrgId'>,
): Promise<{ authorityName: string; applicantName: string }> {
  const [authority, applicant] = await Promise.all([
    db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', row.tenantId)
      .executeTakeFirstOrThrow(),
    row.applicantOrgId
      ? db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', row.applicantOrgId)
          .executeTakeFirst()
      : undefined,
  ]);
  return { authorityName: authority.name, applicantName: applicant?.name ?? '–' };
}
