import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ParticipationRecord } from '../../procedures/engine/index.ts';
import { NO_REFERENCE } from '../../procedures/reference.ts';

// A published procedure always has its Aktenzeichen (given at submission); the fallback only
// keeps the column's type honest.
const reference = sql<string>`coalesce(p.reference, ${NO_REFERENCE})`.as('reference');

export interface OpenProcedure {
  id: string;
  reference: string;
  title: string;
  step: string;
  authority: string;
  gemeinde: string;
  closed: boolean;
  lon: number | null;
  lat: number | null;
  participation: ParticipationRecord;
}

/**
 * Procedures whose notice is published, newest display first; `openOnly` keeps those whose
 * objection period has not ended. `q` searches the notices in German (stemming, stop words).
 */
export async function listPublicProcedures(
  db: Db,
  options: { today: string; openOnly: boolean; q: string; limit: number; offset?: number },
): Promise<OpenProcedure[]> {
  let query = db
    .selectFrom('procedures as p')
    .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
    .select([
      'p.id',
      reference,
      'p.title',
      'p.step',
      'o.name as authority',
      sql<string>`coalesce(p.application->'site'->>'gemeinde', '')`.as('gemeinde'),
      sql<boolean>`p.closed_at is not null`.as('closed'),
      sql<number | null>`(p.application->'turbines'->0->>'lon')::float8`.as('lon'),
      sql<number | null>`(p.application->'turbines'->0->>'lat')::float8`.as('lat'),
      sql<ParticipationRecord>`p.state->'participation'`.as('participation'),
    ])
    .where(
      sql<boolean>`p.state->'participation' is not null and p.state->'participation' <> 'null'::jsonb`,
    )
    .orderBy(sql`p.state->'participation'->>'displayStart'`, 'desc')
    .orderBy('p.id')
    .limit(options.limit)
    .offset(options.offset ?? 0);
  if (options.openOnly) {
    query = query
      .where('p.closed_at', 'is', null)
      .where(sql<boolean>`p.state->'participation'->>'objectionEnd' >= ${options.today}`);
  }
  const q = options.q.trim();
  if (q !== '') {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('notices as n')
            .select('n.id')
            .whereRef('n.procedure_id', '=', 'p.id')
            .where(sql<boolean>`n.search @@ websearch_to_tsquery('german', ${q})`),
        ),
        eb(
          sql`to_tsvector('german', p.title || ' ' || coalesce(p.reference, '') || ' ' || o.name)`,
          '@@',
          sql`websearch_to_tsquery('german', ${q})`,
        ),
      ]),
    );
  }
  return query.execute();
}

export async function listNotices(
  db: Db,
  options: { q: string; limit: number; procedureId?: string },
) {
  let query = db
    .selectFrom('notices as n')
    .innerJoin('procedures as p', 'p.id', 'n.procedure_id')
    .innerJoin('organisations as o', 'o.id', 'n.tenant_id')
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.summary',
      'n.published_on',
      'n.published_at',
      'n.procedure_id',
      reference,
      'o.name as authority',
    ])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id')
    .limit(options.limit);
  if (options.procedureId) query = query.where('n.procedure_id', '=', options.procedureId);
  const q = options.q.trim();
  if (q !== '') query = query.where(sql<boolean>`n.search @@ websearch_to_tsquery('german', ${q})`);
  return query.execute();
}

export async function findNotice(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return db
    .selectFrom('notices as n')
    .innerJoin('procedures as p', 'p.id', 'n.procedure_id')
    .innerJoin('organisations as o', 'o.id', 'n.tenant_id')
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.summary',
      'n.content',
      'n.published_on',
      'n.published_at',
      'n.pdf_sha256',
      'n.pdf_size',
      'n.procedure_id',
      reference,
      'o.name as authority',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** Documents of the application as displayed: trade secrets only with their neutral summary. */
export async function listDisplayedDocuments(db: Db, procedureId: string) {
  return db
    .selectFrom('documents')
    .select([
      'id',
      'doc_type',
      'filename',
      'media_type',
      'size',
      'trade_secret',
      'neutral_summary',
      'sha256',
    ])
    .where('procedure_id', '=', procedureId)
    .where('audience', '=', 'case')
    .where('doc_type', '!=', 'decision')
    .orderBy('uploaded_at')
    .execute();
}

/** The decision PDF filed when the decision was publicly announced (§ 10 Abs. 8 BImSchG). */
export async function findPublishedDecision(db: Db, procedureId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'filename', 'sha256', 'size'])
    .where('procedure_id', '=', procedureId)
    .where('doc_type', '=', 'decision')
    .orderBy('uploaded_at', 'desc')
    .executeTakeFirst();
}
