import type { Db } from '../../db/database.ts';

/** What anyone holding a receipt may verify: no text, no name, no address. */
export async function findReceiptByReference(db: Db, reference: string) {
  if (!/^EW-\d{4}-\d{7,}$/.test(reference)) return undefined;
  const row = await db
    .selectFrom('objections as o')
    .innerJoin('procedures as p', 'p.id', 'o.procedure_id')
    .select([
      'o.reference',
      'o.received_at',
      'o.sha256',
      'o.late',
      'p.reference as procedureReference',
      'p.title',
    ])
    .where('o.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    reference: row.reference,
    receivedAt: row.received_at.toISOString(),
    sha256: row.sha256,
    late: row.late,
    procedure: { reference: row.procedureReference, title: row.title },
  };
}

/** The objection behind a status link, with what its status page shows. */
export async function findObjectionForStatus(db: Db, id: string) {
  return db
    .selectFrom('objections as o')
    .innerJoin('procedures as p', 'p.id', 'o.procedure_id')
    .innerJoin('organisations as a', 'a.id', 'p.tenant_id')
    .select([
      'o.id',
      'o.reference',
      'o.received_at',
      'o.sha256',
      'o.late',
      'o.channel',
      'o.procedure_id',
      'p.reference as procedureReference',
      'p.title as procedureTitle',
      'p.step',
      'p.state',
      'a.name as authorityName',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function listAttachmentsOf(db: Db, objectionId: string) {
  return db
    .selectFrom('objection_attachments')
    .select(['position', 'filename', 'media_type', 'sha256', 'size'])
    .where('objection_id', '=', objectionId)
    .orderBy('position')
    .execute();
}
