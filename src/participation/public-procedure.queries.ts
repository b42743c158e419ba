import { sql } from 'kysely';
import { isUuid } from '../db/ids.ts';
import type { Db } from '../db/database.ts';
import type { ParticipationRecord } from '../procedures/engine/index.ts';
import { referenceLabel } from '../procedures/reference.ts';

/** What the public may know about a procedure in public participation (no personal data). */
export interface PublicProcedure {
  readonly id: string;
  readonly tenantId: string;
  readonly reference: string;
  readonly title: string;
  readonly step: string;
  readonly closed: boolean;
  readonly authorityName: string;
  readonly participation: ParticipationRecord;
}

/**
 * A procedure whose public notice has been published, else undefined: before the notice nothing
 * about a procedure is public, and the simplified procedure never has one (§ 19 Abs. 2 BImSchG).
 */
export async function findPublicProcedure(
  db: Db,
  id: string,
): Promise<PublicProcedure | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom('procedures as p')
    .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
    .select([
      'p.id',
      'p.tenant_id',
      'p.reference',
      'p.title',
      'p.step',
      'p.closed_at',
      'o.name as authority',
      sql<ParticipationRecord | null>`p.state->'participation'`.as('participation'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row?.participation) return undefined;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    reference: referenceLabel(row.reference),
    title: row.title,
    step: row.step,
    closed: row.closed_at !== null,
    authorityName: row.authority,
    participation: row.participation,
  };
}
