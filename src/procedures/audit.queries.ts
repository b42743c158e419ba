import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { findBrokenLink, hashAuditEvent, type ChainProblem } from './audit-hash.ts';

export interface NewAuditEvent {
  procedureId: string;
  tenantId: string;
  at: Date;
  actorId: string | null;
  actorRole: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Appends one event to the procedure's chain. Must run in the caller's transaction after the
 * procedure row was locked (FOR UPDATE), so that two writers cannot take the same seq.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  event: NewAuditEvent,
): Promise<string> {
  const head = await trx
    .selectFrom('procedures')
    .select(['event_count', 'last_hash'])
    .where('id', '=', event.procedureId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const seq = head.event_count + 1;
  // The hash covers the data as jsonb stores it and `verifyCaseFile` reads it back (a Date becomes
  // its ISO string, an undefined member disappears), so a freshly written chain always verifies.
  const storedData = JSON.stringify(event.data);
  const content = {
    procedureId: event.procedureId,
    seq,
    at: event.at,
    actorId: event.actorId,
    actorRole: event.actorRole,
    type: event.type,
    data: JSON.parse(storedData) as unknown,
    prevHash: head.last_hash,
  };
  const hash = hashAuditEvent(content);
  await trx
    .insertInto('procedure_events')
    .values({
      procedure_id: event.procedureId,
      seq,
      tenant_id: event.tenantId,
      at: event.at,
      actor_id: event.actorId,
      actor_role: event.actorRole,
      type: event.type,
      data: storedData,
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx
    .updateTable('procedures')
    .set({ event_count: seq, last_hash: hash, updated_at: event.at })
    .where('id', '=', event.procedureId)
    .execute();
  return hash;
}

export interface VerifyResult {
  procedureId: string;
  events: number;
  problem: ChainProblem | undefined;
}

/** Re-computes the whole chain of one case file from the database. */
export async function verifyCaseFile(
  db: Db,
  procedureId: string,
): Promise<VerifyResult | undefined> {
  const procedure = await db
    .selectFrom('procedures')
    .select(['id', 'event_count', 'last_hash'])
    .where('id', '=', procedureId)
    .executeTakeFirst();
  if (!procedure) return undefined;
  const rows = await db
    .selectFrom('procedure_events')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('seq')
    .execute();
  const events = rows.map((r) => ({
    procedureId: r.procedure_id,
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    type: r.type,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  let problem = findBrokenLink(events);
  // Removing the newest events leaves an intact but shorter chain: the head in procedures knows.
  if (
    !problem &&
    (events.length !== procedure.event_count ||
      (events.at(-1)?.hash ?? null) !== procedure.last_hash)
  ) {
    problem = {
      seq: events.length + 1,
      kind: 'gap',
      message: `Die Akte nennt ${procedure.event_count} Ereignisse, gespeichert sind ${events.length}: Ereignisse fehlen am Ende.`,
    };
  }
  return { procedureId, events: events.length, problem };
}
