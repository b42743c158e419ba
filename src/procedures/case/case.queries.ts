/**
 * Reading and writing a procedure's case data for every procedure family: the row with its
 * parties, the history the engine reads, the materialised deadlines, the people to notify. The
 * caller owns the transaction.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseDeadline, CaseEvent, ProcedureState } from '../engine/index.ts';
import { procedureRoles, type ProcedureParties, type ProcedureRole } from './case-roles.ts';

type Handle = Db | Transaction<Database>;

/**
 * One procedure as the case layer reads it. `A` is the application data of the procedure family
 * (permits, funding); the case layer itself never looks inside it.
 */
export interface CaseRow<A = Record<string, unknown>> {
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
  application: A;
  eventCount: number;
  lastHash: string | null;
  submittedAt: Date | null;
  agencyOrgIds: string[];
}

export function partiesOf(row: CaseRow<unknown>): ProcedureParties {
  return {
    tenantId: row.tenantId,
    applicantOrgId: row.applicantOrgId,
    agencyOrgIds: row.agencyOrgIds,
  };
}

/** Loads a procedure; with `lock` the row stays locked until the caller's transaction ends. */
export async function findCase<A = Record<string, unknown>>(
  db: Handle,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseRow<A> | undefined> {
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
    application: row.application as A,
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
  row: Pick<CaseRow<unknown>, 'id' | 'tenantId'>,
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
export async function findCaseFor<A = Record<string, unknown>>(
  db: Handle,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: CaseRow<A>; roles: ProcedureRole[] }> {
  const row = await findCase<A>(db, id, options);
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
  row: Pick<CaseRow<unknown>, 'tenantId' | 'applicantOrgId'>,
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
