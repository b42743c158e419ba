/**
 * Reading groups of uniform submissions (§ 17 VwVfG) for the use cases, pages, API and CLI. Query
 * functions take the database handle first; the caller owns the transaction. Procedures can have
 * 100,000 objections, so everything that touches all of them is set-based and reads only the
 * columns it needs.
 */
import { sql, type Transaction } from 'kysely';
import { isUuid } from '../../db/ids.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { chunks } from './group.bulk.ts';
import { excerpt, missingRepresentativeReason } from './group.rules.ts';

export type Handle = Db | Transaction<Database>;

export interface GroupStats {
  members: number;
  signatures: number;
  /** A member naming a complete representative (§ 17 Abs. 1 VwVfG), the most often named. */
  namedId: string | null;
}

/** A complete § 17 Abs. 1 S. 1 VwVfG naming: name, profession and address. */
export const NAMES_REPRESENTATIVE = sql<boolean>`(nullif(btrim(o.representative_name), '') is not null
  and nullif(btrim(o.representative_profession), '') is not null
  and nullif(btrim(o.representative_address), '') is not null)`;

/** Size, signature sum and named representative of each given group, set-based. */
export async function groupStats(db: Handle, groupIds: readonly string[]) {
  const stats = new Map<string, GroupStats>();
  for (const part of chunks(groupIds)) {
    const { rows } = await sql<{
      group_id: string;
      members: number;
      signatures: number;
      named: string | null;
    }>`
      select s.group_id, s.members, s.signatures, r.id as named
      from (
        select o.group_id, count(*)::int as members, sum(o.signatures)::int as signatures
        from objections o
        where o.group_id = any(${part}::uuid[])
        group by o.group_id
      ) s
      left join lateral (
        select o.id from objections o
        where o.group_id = s.group_id and ${NAMES_REPRESENTATIVE}
        order by count(*) over (partition by lower(btrim(o.representative_name))) desc,
          o.received_at, o.reference
        limit 1
      ) r on true`.execute(db);
    for (const r of rows) {
      stats.set(r.group_id, { members: r.members, signatures: r.signatures, namedId: r.named });
    }
  }
  return stats;
}

export interface GroupRow {
  id: string;
  origin: 'auto' | 'manual';
  representativeId: string | null;
  confirmedAt: Date | null;
}

export async function findGroup(
  db: Handle,
  procedureId: string,
  groupId: string,
): Promise<GroupRow | undefined> {
  if (!isUuid(groupId)) return undefined;
  const row = await db
    .selectFrom('objection_groups')
    .select(['id', 'origin', 'representative_id', 'confirmed_at'])
    .where('id', '=', groupId)
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        origin: row.origin,
        representativeId: row.representative_id,
        confirmedAt: row.confirmed_at,
      }
    : undefined;
}

/** Did staff choose this representative (rather than the automatic rule)? */
export async function chosenByStaff(
  db: Handle,
  groupId: string,
  representativeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('objection_group_events')
    .select('id')
    .where('group_id', '=', groupId)
    .where('kind', '=', 'representative-set')
    .where('actor_id', 'is not', null)
    .where(sql<boolean>`data->>'objectionId' = ${representativeId}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SummaryCounts {
  /** Every objection received, each copy of a form letter counted. */
  objections: number;
  /** Received after the objection period (§ 10 Abs. 3 S. 5 BImSchG). */
  late: number;
  /** Groups plus ungrouped objections: each group of uniform submissions counts once. */
  distinct: number;
  /** Sum of signatures: signature lists count every signer. */
  objectors: number;
  signatureLists: number;
  signaturesOnLists: number;
  groups: number;
  groupedObjections: number;
  /** Left unconsidered by the authority's decision (§ 17 Abs. 2 S. 1 VwVfG). */
  disregarded: number;
  disregardedSignatures: number;
  /** Received before the notice or before the display began. */
  early: number;
}

export interface GroupListItem {
  id: string;
  origin: 'auto' | 'manual';
  size: number;
  signatures: number;
  confirmed: boolean;
  representative: { id: string; reference: string } | null;
  /** Why there is no representative (§ 17 Abs. 1 VwVfG), null when there is one. */
  representativeNote: string | null;
  firstReference: string;
  /** Staff pages only: the text may contain personal data. */
  excerpt: string;
}

export interface GroupSummary extends SummaryCounts {
  items: GroupListItem[];
}

export async function summaryCounts(db: Handle, procedureId: string): Promise<SummaryCounts> {
  const { rows } = await sql<{
    objections: number;
    late: number;
    objectors: number;
    lists: number;
    on_lists: number;
    ungrouped: number;
    groups: number;
    disregarded: number;
    disregarded_signatures: number;
    early: number;
  }>`
    select count(*)::int as objections,
      count(*) filter (where late)::int as late,
      coalesce(sum(signatures), 0)::int as objectors,
      count(*) filter (where channel = 'signature-list')::int as lists,
      coalesce(sum(signatures) filter (where channel = 'signature-list'), 0)::int as on_lists,
      count(*) filter (where group_id is null)::int as ungrouped,
      count(distinct group_id)::int as groups,
      count(*) filter (where disregard_decision = 'disregard')::int as disregarded,
      coalesce(sum(signatures) filter (where disregard_decision = 'disregard'), 0)::int
        as disregarded_signatures,
      count(*) filter (where early is not null)::int as early
    from objections where procedure_id = ${procedureId}`.execute(db);
  const r = rows[0]!;
  return {
    objections: r.objections,
    late: r.late,
    distinct: r.groups + r.ungrouped,
    objectors: r.objectors,
    signatureLists: r.lists,
    signaturesOnLists: r.on_lists,
    groups: r.groups,
    groupedObjections: r.objections - r.ungrouped,
    disregarded: r.disregarded,
    disregardedSignatures: r.disregarded_signatures,
    early: r.early,
  };
}

/** Groups of a procedure, largest first, then by their first reference (a stable order). */
export async function listGroups(
  db: Handle,
  procedureId: string,
  page: { offset: number; limit: number },
): Promise<GroupListItem[]> {
  const { rows } = await sql<{
    id: string;
    origin: 'auto' | 'manual';
    confirmed_at: Date | null;
    representative_id: string | null;
    representative_reference: string | null;
    size: number;
    signatures: number;
    first_reference: string;
    first_body: string | null;
  }>`
    select p.*,
      (select left(f.body, 600) from objections f where f.group_id = p.id
        order by f.received_at, f.reference limit 1) as first_body
    from (
      select g.id, g.origin, g.confirmed_at, g.representative_id,
        r.reference as representative_reference, s.size, s.signatures, s.first_reference
      from objection_groups g
      join (
        select group_id, count(*)::int as size, sum(signatures)::int as signatures,
          min(reference) as first_reference
        from objections where procedure_id = ${procedureId} and group_id is not null
        group by group_id
      ) s on s.group_id = g.id
      left join objections r on r.id = g.representative_id
      where g.procedure_id = ${procedureId}
      order by s.size desc, s.first_reference, g.id
      limit ${page.limit} offset ${page.offset}
    ) p
    order by p.size desc, p.first_reference, p.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    origin: r.origin,
    size: r.size,
    signatures: r.signatures,
    confirmed: r.confirmed_at !== null,
    representative:
      r.representative_id && r.representative_reference
        ? { id: r.representative_id, reference: r.representative_reference }
        : null,
    representativeNote: missingRepresentativeReason(r.signatures, r.representative_id),
    firstReference: r.first_reference,
    excerpt: excerpt(r.first_body),
  }));
}

/**
 * The case worker's overview: counts and the groups (all of them, or one page with `page`).
 * Excerpts contain original text and are for staff pages only.
 */
export async function groupSummary(
  db: Handle,
  procedureId: string,
  page: { offset: number; limit: number } = { offset: 0, limit: 100_000 },
): Promise<GroupSummary> {
  const counts = await summaryCounts(db, procedureId);
  return { ...counts, items: await listGroups(db, procedureId, page) };
}

export interface CliGroup {
  groupId: string;
  confirmed: boolean;
  representative: { id: string; externalRef: string | null } | null;
  members: { id: string; reference: string; externalRef: string | null }[];
}

/** Every group with its members' ids and external references (CLI and API). */
export async function listGroupsForCli(db: Handle, procedureId: string): Promise<CliGroup[]> {
  const groups = await db
    .selectFrom('objection_groups as g')
    .leftJoin('objections as r', 'r.id', 'g.representative_id')
    .select(['g.id', 'g.confirmed_at', 'g.representative_id', 'r.external_ref'])
    .where('g.procedure_id', '=', procedureId)
    .execute();
  const byId = new Map<string, CliGroup>(
    groups.map((g) => [
      g.id,
      {
        groupId: g.id,
        confirmed: g.confirmed_at !== null,
        representative: g.representative_id
          ? { id: g.representative_id, externalRef: g.external_ref }
          : null,
        members: [],
      },
    ]),
  );
  const members = await db
    .selectFrom('objections')
    .select(['id', 'reference', 'external_ref', 'group_id'])
    .where('procedure_id', '=', procedureId)
    .where('group_id', 'is not', null)
    .orderBy('reference')
    .execute();
  for (const m of members) {
    byId
      .get(m.group_id!)
      ?.members.push({ id: m.id, reference: m.reference, externalRef: m.external_ref });
  }
  return [...byId.values()]
    .filter((g) => g.members.length > 0)
    .sort(
      (a, b) =>
        b.members.length - a.members.length ||
        (a.members[0]!.reference < b.members[0]!.reference ? -1 : 1),
    );
}
