import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { NO_REFERENCE } from '../../procedures/reference.ts';
import { receiptHashV1, receiptHashV2, type ReceiptHashVersion } from './objection-hash.ts';

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
      'o.receipt_hash_version',
      'o.late',
      sql<string>`coalesce(p.reference, ${NO_REFERENCE})`.as('procedureReference'),
      'p.title',
    ])
    .where('o.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    reference: row.reference,
    receivedAt: row.received_at.toISOString(),
    sha256: row.sha256,
    hashVersion: row.receipt_hash_version,
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
      'o.receipt_hash_version',
      'o.late',
      'o.channel',
      'o.procedure_id',
      sql<string>`coalesce(p.reference, ${NO_REFERENCE})`.as('procedureReference'),
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

/**
 * The receipt hash recomputed from what is stored, under the objection's own version: equal to
 * the hash on the receipt unless the stored text or an attachment was changed afterwards.
 */
export async function recomputeStoredReceiptHash(
  db: Db,
  objectionId: string,
): Promise<{ version: ReceiptHashVersion; receipt: string; recomputed: string } | undefined> {
  const objection = await db
    .selectFrom('objections')
    .select(['body', 'received_text', 'sha256', 'receipt_hash_version'])
    .where('id', '=', objectionId)
    .executeTakeFirst();
  if (!objection) return undefined;
  const files = await db
    .selectFrom('objection_attachments')
    .select(['filename', 'name_as_sent', 'sha256'])
    .where('objection_id', '=', objectionId)
    .orderBy('position')
    .execute();
  const version = objection.receipt_hash_version;
  const recomputed =
    version === 1
      ? receiptHashV1(
          objection.body,
          files.map((f) => ({ name: f.filename, sha256: f.sha256 })),
        )
      : receiptHashV2(
          objection.received_text ?? objection.body,
          files.map((f) => ({ name: f.name_as_sent ?? f.filename, sha256: f.sha256 })),
        );
  return { version, receipt: objection.sha256, recomputed };
}
