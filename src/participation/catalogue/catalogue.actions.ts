/**
 * Use cases of the argument catalogue (Belange). Suggestions are computed by a pure matcher and
 * stored as 'suggested'; only a case worker turns them into 'confirmed' links, and only confirmed
 * links and assessed concerns reach the decision (§ 10 Abs. 7 BImSchG; § 21 Abs. 1 Nr. 5
 * 9. BImSchV). Bulk work is set-based (unnest) so that 100,000 objections stay fast.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { requireParticipationWork } from '../participation-work.ts';
import { requireCaseWorker } from '../review/staff-access.ts';
import { checkConcernIds } from './catalogue.queries.ts';
import { concernSuggestions, prepareCatalogue } from './catalogue.rules.ts';
import { DEFAULT_CONCERNS } from './suggest.ts';

/**
 * Creates the default concerns for a procedure unless it has a catalogue already; idempotent, so
 * the caller may run it whenever the public notice is published (in the caller's transaction).
 */
export async function ensureCatalogue(
  trx: Transaction<Database>,
  procedure: { id: string; tenantId: string },
): Promise<void> {
  const existing = await trx
    .selectFrom('concerns')
    .select('id')
    .where('procedure_id', '=', procedure.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto('concerns')
    .values(
      DEFAULT_CONCERNS.map((c, position) => ({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        key: c.key,
        label: c.label,
        description: c.description,
        position,
      })),
    )
    .onConflict((oc) => oc.columns(['procedure_id', 'key']).doNothing())
    .execute();
}

const BATCH = 1000;

export interface SuggestionResult {
  readonly objections: number;
  readonly objectionLinks: number;
  readonly statements: number;
  readonly statementLinks: number;
}

/**
 * Suggests concerns for every objection and agency statement of the procedure. Objections and
 * statements that a case worker has already reviewed (any confirmed link) are left alone, and
 * existing rows are never overwritten: a suggestion must not undo a person's decision.
 */
export async function suggestForProcedure(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
}): Promise<SuggestionResult> {
  const { deps, actor } = options;
  const procedure = await deps.db.transaction().execute(async (trx) => {
    const row = await requireCaseWorker(trx, actor, options.procedureId, { lock: true });
    requireParticipationWork(row);
    await ensureCatalogue(trx, row);
    return row;
  });
  const concerns = prepareCatalogue(
    await deps.db
      .selectFrom('concerns')
      .select(['id', 'key', 'label', 'description'])
      .where('procedure_id', '=', procedure.id)
      .execute(),
  );
  let objections = 0;
  let objectionLinks = 0;
  let after: string | null = null;
  for (;;) {
    let query = deps.db
      .selectFrom('objections as o')
      .select(['o.id', 'o.body'])
      .where('o.procedure_id', '=', procedure.id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('objection_concerns as oc')
              .select('oc.concern_id')
              .whereRef('oc.objection_id', '=', 'o.id')
              .where('oc.source', '=', 'confirmed'),
          ),
        ),
      )
      .orderBy('o.id')
      .limit(BATCH);
    if (after !== null) query = query.where('o.id', '>', after);
    const rows = await query.execute();
    if (rows.length === 0) break;
    const ids: string[] = [];
    const concernIds: string[] = [];
    const scores: number[] = [];
    for (const row of rows) {
      for (const s of concernSuggestions(row.body, concerns)) {
        ids.push(row.id);
        concernIds.push(s.concernId);
        scores.push(s.score);
      }
    }
    if (ids.length > 0) {
      const inserted = await sql`
        insert into objection_concerns
          (objection_id, concern_id, procedure_id, tenant_id, source, score)
        select v.objection_id, v.concern_id, ${procedure.id}::uuid, ${procedure.tenantId}::uuid,
               'suggested', v.score
          from unnest(${ids}::uuid[], ${concernIds}::uuid[], ${scores}::real[])
               as v(objection_id, concern_id, score)
         -- reviewed meanwhile by a case worker: leave alone
         where not exists (select 1 from objection_concerns x
                            where x.objection_id = v.objection_id and x.source = 'confirmed')
        on conflict do nothing`.execute(deps.db);
      objectionLinks += Number(inserted.numAffectedRows ?? 0n);
    }
    objections += rows.length;
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  const statements = await deps.db
    .selectFrom('procedure_agencies as a')
    .select(['a.agency_org_id', 'a.statement'])
    .where('a.procedure_id', '=', procedure.id)
    .where('a.statement', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('statement_concerns as sc')
            .select('sc.concern_id')
            .whereRef('sc.procedure_id', '=', 'a.procedure_id')
            .whereRef('sc.agency_org_id', '=', 'a.agency_org_id')
            .where('sc.source', '=', 'confirmed'),
        ),
      ),
    )
    .execute();
  const agencyIds: string[] = [];
  const statementConcernIds: string[] = [];
  for (const s of statements) {
    for (const suggestion of concernSuggestions(s.statement ?? '', concerns)) {
      agencyIds.push(s.agency_org_id);
      statementConcernIds.push(suggestion.concernId);
    }
  }
  let statementLinks = 0;
  if (agencyIds.length > 0) {
    const inserted = await sql`
      insert into statement_concerns (procedure_id, agency_org_id, concern_id, tenant_id, source)
      select ${procedure.id}::uuid, v.agency_org_id, v.concern_id, ${procedure.tenantId}::uuid,
             'suggested'
        from unnest(${agencyIds}::uuid[], ${statementConcernIds}::uuid[])
             as v(agency_org_id, concern_id)
      on conflict do nothing`.execute(deps.db);
    statementLinks = Number(inserted.numAffectedRows ?? 0n);
  }
  return { objections, objectionLinks, statements: statements.length, statementLinks };
}

/**
 * Sets the confirmed concerns of an objection to exactly the given list; with `applyToGroup` the
 * same for every member of its group of uniform submissions (§ 17 VwVfG), in one transaction.
 * Suggestions the case worker did not take over are removed with the rest.
 */
export async function confirmConcerns(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  objectionId: string;
  concernIds: readonly string[];
  applyToGroup: boolean;
}): Promise<{ objections: number }> {
  const { deps, actor } = options;
  return deps.db.transaction().execute(async (trx) => {
    // Sorting objections is working data, not a step of the procedure: no lock on the procedure
    // and no audit event, so that reviewing thousands of objections neither serialises the case
    // workers nor invalidates the case page they have open.
    const procedure = await requireCaseWorker(trx, actor, options.procedureId);
    const objection = await trx
      .selectFrom('objections')
      .select(['id', 'group_id'])
      .where('id', '=', options.objectionId)
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirst();
    if (!objection) throw new AppError('not_found', 'Diese Einwendung gibt es nicht.');
    const concerns = await checkConcernIds(trx, procedure.id, options.concernIds);
    const groupId = options.applyToGroup ? objection.group_id : null;
    const targets = trx
      .selectFrom('objections')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where((eb) =>
        groupId === null ? eb('id', '=', objection.id) : eb('group_id', '=', groupId),
      );
    let removal = trx.deleteFrom('objection_concerns').where('objection_id', 'in', targets);
    if (concerns.length > 0) removal = removal.where('concern_id', 'not in', concerns);
    await removal.execute();
    let count = 1;
    if (concerns.length > 0) {
      const inserted = await sql<{ objection_id: string }>`
        insert into objection_concerns
          (objection_id, concern_id, procedure_id, tenant_id, source, score)
        select t.id, c.id, ${procedure.id}::uuid, ${procedure.tenantId}::uuid, 'confirmed', 1
          from ${targets} as t
         cross join unnest(${concerns}::uuid[]) as c(id)
        on conflict (objection_id, concern_id) do update set source = 'confirmed'
        returning objection_id`.execute(trx);
      count = new Set(inserted.rows.map((r) => r.objection_id)).size;
    } else if (groupId !== null) {
      const members = await targets.execute();
      count = members.length;
    }
    return { objections: count };
  });
}

/** Sets the confirmed concerns of one agency statement to exactly the given list. */
export async function confirmStatementConcerns(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  agencyOrgId: string;
  concernIds: readonly string[];
}): Promise<void> {
  const { deps, actor } = options;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const procedure = await requireCaseWorker(trx, actor, options.procedureId, { lock: true });
    if (!procedure.agencyOrgIds.includes(options.agencyOrgId))
      throw new AppError('not_found', 'Diese Behörde ist an dem Verfahren nicht beteiligt.');
    const concerns = await checkConcernIds(trx, procedure.id, options.concernIds);
    let removal = trx
      .deleteFrom('statement_concerns')
      .where('procedure_id', '=', procedure.id)
      .where('agency_org_id', '=', options.agencyOrgId);
    if (concerns.length > 0) removal = removal.where('concern_id', 'not in', concerns);
    await removal.execute();
    if (concerns.length > 0) {
      await trx
        .insertInto('statement_concerns')
        .values(
          concerns.map((concernId) => ({
            procedure_id: procedure.id,
            agency_org_id: options.agencyOrgId,
            concern_id: concernId,
            tenant_id: procedure.tenantId,
            source: 'confirmed' as const,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['procedure_id', 'agency_org_id', 'concern_id'])
            .doUpdateSet({ source: 'confirmed' }),
        )
        .execute();
    }
    await appendAuditEvent(trx, {
      procedureId: procedure.id,
      tenantId: procedure.tenantId,
      at: now,
      actorId: procedure.actorId,
      actorRole: 'case_worker',
      type: 'statement-concerns-confirmed',
      data: { agencyOrgId: options.agencyOrgId, concerns: concerns.length },
    });
  });
}

/** A concern the default list does not have (e.g. a local road, a protected monument). */
export async function addConcern(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  label: string;
  description: string;
}): Promise<string> {
  const { deps, actor } = options;
  const label = options.label.trim().replace(/\s+/g, ' ');
  const description = options.description.trim();
  const errors = [];
  if (label.length < 3 || label.length > 120)
    errors.push({
      field: 'label',
      message: 'Bitte geben Sie eine Bezeichnung mit 3 bis 120 Zeichen an.',
    });
  if (description.length > 2000)
    errors.push({
      field: 'description',
      message: 'Die Beschreibung darf höchstens 2.000 Zeichen lang sein.',
    });
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const procedure = await requireCaseWorker(trx, actor, options.procedureId, { lock: true });
    requireParticipationWork(procedure);
    await ensureCatalogue(trx, procedure);
    const duplicate = await trx
      .selectFrom('concerns')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where(sql<boolean>`lower(label) = lower(${label})`)
      .executeTakeFirst();
    if (duplicate)
      throw new AppError('validation', 'Diesen Belang gibt es im Katalog bereits.', [
        { field: 'label', message: 'Diesen Belang gibt es im Katalog bereits.' },
      ]);
    const key = `eigener-${randomUUID().slice(0, 8)}`;
    const inserted = await trx
      .insertInto('concerns')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        key,
        label,
        description,
        position: sql<number>`(select coalesce(max(position), -1) + 1 from concerns where procedure_id = ${procedure.id})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      procedureId: procedure.id,
      tenantId: procedure.tenantId,
      at: now,
      actorId: procedure.actorId,
      actorRole: 'case_worker',
      type: 'concern-added',
      data: { key, label },
    });
    return inserted.id;
  });
}

export const MAX_ASSESSMENT = 50_000;

/** The authority's one answer to a concern; an empty text withdraws it. */
export async function saveAssessment(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  concernId: string;
  assessment: string;
}): Promise<void> {
  const { deps, actor } = options;
  const text = options.assessment.replace(/\r\n/g, '\n').trim();
  if (text.length > MAX_ASSESSMENT)
    throw new AppError('validation', 'Die Bewertung darf höchstens 50.000 Zeichen lang sein.', [
      { field: 'assessment', message: 'Die Bewertung darf höchstens 50.000 Zeichen lang sein.' },
    ]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const procedure = await requireCaseWorker(trx, actor, options.procedureId, { lock: true });
    // The concern is named in the URL, not chosen in a form: one of another procedure is missing.
    const known = await trx
      .selectFrom('concerns')
      .select('id')
      .where('id', '=', options.concernId)
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirst();
    if (!known) throw new AppError('not_found', 'Diesen Belang gibt es in diesem Verfahren nicht.');
    requireParticipationWork(procedure);
    const concern = await trx
      .updateTable('concerns')
      .set({
        assessment: text === '' ? null : text,
        assessed_at: text === '' ? null : now,
        assessed_by: text === '' ? null : procedure.actorId,
      })
      .where('id', '=', known.id)
      .returning('key')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      procedureId: procedure.id,
      tenantId: procedure.tenantId,
      at: now,
      actorId: procedure.actorId,
      actorRole: 'case_worker',
      type: text === '' ? 'concern-assessment-withdrawn' : 'concern-assessed',
      data: { concern: concern.key },
    });
  });
}
