/**
 * Reading one group of uniform submissions for its detail page: members, history and the group
 * with its statistics. The caller owns the transaction.
 */
import { sql } from 'kysely';
import { isUuid } from '../../db/ids.ts';
import type { ObjectionChannel } from '../../db/schema.ts';
import { excerpt } from './group.rules.ts';
import { groupStats, type Handle } from './group.queries.ts';

export interface GroupMember {
  id: string;
  reference: string;
  receivedAt: Date;
  channel: ObjectionChannel;
  signatures: number;
  late: boolean;
  excerpt: string;
}

export async function listGroupMembers(
  db: Handle,
  groupId: string,
  page: { offset: number; limit: number },
): Promise<GroupMember[]> {
  const rows = await db
    .selectFrom('objections')
    .select([
      'id',
      'reference',
      'received_at',
      'channel',
      'signatures',
      'late',
      sql<string>`left(body, 600)`.as('body'),
    ])
    .where('group_id', '=', groupId)
    .orderBy('received_at')
    .orderBy('reference')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: r.received_at,
    channel: r.channel,
    signatures: r.signatures,
    late: r.late,
    excerpt: excerpt(r.body),
  }));
}

export interface GroupEventView {
  id: number;
  kind: string;
  at: Date;
  actorName: string | null;
  data: Record<string, unknown>;
}

export async function listGroupEvents(
  db: Handle,
  procedureId: string,
  groupId: string,
): Promise<GroupEventView[]> {
  const rows = await db
    .selectFrom('objection_group_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.kind', 'e.at', 'u.display_name'])
    // Moved member ids can be many thousands; the history shows counts.
    .select(sql<unknown>`e.data - 'memberIds'`.as('data'))
    .where('e.procedure_id', '=', procedureId)
    .where('e.group_id', '=', groupId)
    .orderBy('e.id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    at: r.at,
    actorName: r.display_name,
    data: (r.data ?? {}) as Record<string, unknown>,
  }));
}

export interface GroupDetail {
  id: string;
  origin: 'auto' | 'manual';
  confirmedAt: Date | null;
  confirmedByName: string | null;
  representative: {
    id: string;
    reference: string;
    name: string | null;
    profession: string | null;
    address: string | null;
  } | null;
  members: number;
  signatures: number;
  /** The § 17 Abs. 2 VwVfG decision when every member carries the same one, else null. */
  decision: { decision: 'disregard' | 'consider'; reason: string; at: Date } | null;
}

export async function findGroupDetail(
  db: Handle,
  procedureId: string,
  groupId: string,
): Promise<GroupDetail | undefined> {
  if (!isUuid(groupId)) return undefined;
  const row = await db
    .selectFrom('objection_groups as g')
    .leftJoin('users as u', 'u.id', 'g.confirmed_by')
    .leftJoin('objections as r', 'r.id', 'g.representative_id')
    .select(['g.id', 'g.origin', 'g.confirmed_at', 'u.display_name', 'g.representative_id'])
    .select('r.reference as representative_reference')
    .select(['r.representative_name', 'r.representative_profession', 'r.representative_address'])
    .where('g.id', '=', groupId)
    .where('g.procedure_id', '=', procedureId)
    .executeTakeFirst();
  if (!row) return undefined;
  const stats = (await groupStats(db, [groupId])).get(groupId);
  // A member that joined after the decision has none: then the decision is open again.
  const decisions = await db
    .selectFrom('objections')
    .select(['disregard_decision', 'disregard_reason', 'disregard_decided_at'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('group_id', '=', groupId)
    .groupBy(['disregard_decision', 'disregard_reason', 'disregard_decided_at'])
    .limit(2)
    .execute();
  const only = decisions.length === 1 ? decisions[0] : undefined;
  return {
    id: row.id,
    origin: row.origin,
    confirmedAt: row.confirmed_at,
    confirmedByName: row.display_name,
    representative:
      row.representative_id && row.representative_reference
        ? {
            id: row.representative_id,
            reference: row.representative_reference,
            name: row.representative_name,
            profession: row.representative_profession,
            address: row.representative_address,
          }
        : null,
    members: stats?.members ?? 0,
    signatures: stats?.signatures ?? 0,
    decision:
      only?.disregard_decision && only.disregard_decided_at
        ? {
            decision: only.disregard_decision,
            reason: only.disregard_reason ?? '',
            at: only.disregard_decided_at,
          }
        : null,
  };
}
