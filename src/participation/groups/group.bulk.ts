/**
 * Bulk reads and writes of the group use cases: the per-procedure lock, the keyset-paged read of
 * all candidate texts and the history rows. Set-based throughout; the caller owns the transaction.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Handle } from './group.queries.ts';

/** Rows per statement for bulk reads and writes: big enough to be fast, small enough for memory. */
export const CHUNK = 5_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Serialises group changes per procedure. NO KEY UPDATE does not conflict with the KEY SHARE lock
 * that inserting an objection takes on its procedure, so intake keeps running meanwhile.
 */
export async function lockProcedureGroups(trx: Transaction<Database>, procedureId: string) {
  await sql`select id from procedures where id = ${procedureId} for no key update`.execute(trx);
}

export interface Candidates {
  ids: string[];
  bodies: string[];
  groupIds: (string | null)[];
}

/**
 * Objections the automatic grouping may (re)assign: ungrouped ones and members of unconfirmed
 * automatic groups. Keyset-paged along the index (procedure_id, received_at, id); the cursor is
 * kept as text so that microseconds survive the round trip. Each page first reads the narrow
 * columns and then the texts by primary key, so texts are never sorted.
 *
 * Right after a bulk import the statistics still claim the procedure has few objections, and the
 * planner then sorts all remaining rows for every page (quadratic over 100,000 objections).
 * `enable_sort = off` for this transaction's reads makes it walk the index in order instead;
 * the caller's later statements do not sort.
 */
export async function loadCandidates(
  trx: Transaction<Database>,
  procedureId: string,
  batchSize = CHUNK,
): Promise<Candidates> {
  const result: Candidates = { ids: [], bodies: [], groupIds: [] };
  let cursor: { at: string; id: string } | null = null;
  await sql`set local enable_sort = off`.execute(trx);
  for (;;) {
    const after: RawBuilder<unknown> = cursor
      ? sql`and (o.received_at, o.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql``;
    const { rows } = await sql<{ id: string; group_id: string | null; at: string }>`
      select o.id, o.group_id, o.received_at::text as at
      from objections o
      left join objection_groups g on g.id = o.group_id
      where o.procedure_id = ${procedureId}
        and (o.group_id is null or (g.origin = 'auto' and g.confirmed_at is null))
        ${after}
      order by o.received_at, o.id
      limit ${batchSize}`.execute(trx);
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      const texts = await sql<{ id: string; body: string }>`
        select id, body from objections where id = any(${ids}::uuid[])`.execute(trx);
      const bodyById = new Map(texts.rows.map((t) => [t.id, t.body]));
      for (const row of rows) {
        result.ids.push(row.id);
        result.bodies.push(bodyById.get(row.id) ?? '');
        result.groupIds.push(row.group_id);
      }
    }
    if (rows.length < batchSize) {
      await sql`set local enable_sort = on`.execute(trx);
      return result;
    }
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, id: last.id };
  }
}

/**
 * Objections staff took out of a group as single objections: a later automatic run leaves them
 * alone, so that the staff's decision is not undone by the detection.
 */
export async function staffSingles(db: Handle, procedureId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    select distinct jsonb_array_elements_text(data->'memberIds') as id
    from objection_group_events
    where procedure_id = ${procedureId} and kind = 'split' and data->>'into' = 'singletons'`.execute(
    db,
  );
  return new Set(rows.map((r) => r.id));
}

export interface GroupEventInput {
  groupId: string | null;
  kind:
    | 'auto-grouped'
    | 'auto-dissolved'
    | 'confirmed'
    | 'split'
    | 'merged'
    | 'representative-set'
    | 'disregard-decided';
  data: Record<string, unknown>;
}

/** Appends history rows in bulk (one statement per chunk, JSON in, no per-row round trips). */
export async function insertGroupEvents(
  trx: Transaction<Database>,
  base: { procedureId: string; tenantId: string; actorId: string | null; at: Date },
  events: readonly GroupEventInput[],
): Promise<void> {
  for (const part of chunks(events, 1_000)) {
    const payload = JSON.stringify(
      part.map((e) => ({ group_id: e.groupId, kind: e.kind, data: e.data })),
    );
    await sql`
      insert into objection_group_events (procedure_id, tenant_id, group_id, kind, actor_id, at, data)
      select ${base.procedureId}, ${base.tenantId}, e.group_id, e.kind, ${base.actorId}, ${base.at}, e.data
      from jsonb_to_recordset(${payload}::jsonb) as e(group_id uuid, kind text, data jsonb)`.execute(
      trx,
    );
  }
}
