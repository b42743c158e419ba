/** Reading the batches of objections released to the applicant (§ 12 Abs. 2 9. BImSchV). */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { PAGE_SIZE } from '../review/review.queries.ts';

export interface ReleaseBatch {
  readonly id: string;
  readonly number: number;
  readonly releasedAt: Date;
  readonly count: number;
}

export interface ReleasedObjection {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: Date;
  readonly name: string | null;
  readonly address: string | null;
  readonly text: string;
}

export interface ReleaseOverview {
  readonly batches: ReleaseBatch[];
  /** Not released yet, reviewed or not. */
  readonly unreleased: number;
  /** Not released yet and the redaction not reviewed: the first few, and how many in all. */
  readonly unreviewed: { id: string; reference: string }[];
  readonly unreviewedTotal: number;
}

export async function listReleases(db: Db, procedureId: string): Promise<ReleaseBatch[]> {
  const rows = await db
    .selectFrom('objection_releases')
    .select(['id', 'number', 'released_at', 'objection_count'])
    .where('procedure_id', '=', procedureId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    releasedAt: r.released_at,
    count: r.objection_count,
  }));
}

export async function releaseOverview(db: Db, procedureId: string): Promise<ReleaseOverview> {
  const unreleased = db
    .selectFrom('objections as o')
    .leftJoin('objection_release_items as i', 'i.objection_id', 'o.id')
    .where('o.procedure_id', '=', procedureId)
    .where('i.objection_id', 'is', null);
  const [batches, counts, unreviewed] = await Promise.all([
    listReleases(db, procedureId),
    unreleased
      .select([
        sql<number>`count(*)::int`.as('all'),
        sql<number>`count(*) filter (where o.redaction_confirmed_at is null or o.redacted_body is null)::int`.as(
          'open',
        ),
      ])
      .executeTakeFirst(),
    unreleased
      .select(['o.id', 'o.reference'])
      .where((eb) =>
        eb.or([eb('o.redaction_confirmed_at', 'is', null), eb('o.redacted_body', 'is', null)]),
      )
      .orderBy('o.received_at')
      .orderBy('o.id')
      .limit(50)
      .execute(),
  ]);
  return {
    batches,
    unreleased: counts?.all ?? 0,
    unreviewed,
    unreviewedTotal: counts?.open ?? 0,
  };
}

/** The objections of one batch, exactly as they were passed on. */
export async function releasedObjections(
  db: Db,
  releaseId: string,
  page: number,
): Promise<ReleasedObjection[]> {
  const rows = await db
    .selectFrom('objection_release_items')
    .select(['objection_id', 'reference', 'received_at', 'name', 'address', 'text'])
    .where('release_id', '=', releaseId)
    .orderBy('received_at')
    .orderBy('objection_id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return rows.map((r) => ({
    id: r.objection_id,
    reference: r.reference,
    receivedAt: r.received_at,
    name: r.name,
    address: r.address,
    text: r.text,
  }));
}

/** One batch by its number within the procedure; null if there is none of that number. */
export async function findRelease(
  db: Db,
  procedureId: string,
  number: number,
): Promise<ReleaseBatch | null> {
  const row = await db
    .selectFrom('objection_releases')
    .select(['id', 'number', 'released_at', 'objection_count'])
    .where('procedure_id', '=', procedureId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row
    ? { id: row.id, number: row.number, releasedAt: row.released_at, count: row.objection_count }
    : null;
}
