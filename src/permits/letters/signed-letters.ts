/**
 * The signed letters of a case, as the decision flow needs them: which kinds are signed (for the
 * engine's 'letter-signed' guards) and the signed PDF that goes out as the decision.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Handle = Db | Transaction<Database>;

/** Kinds with a signed or delivered (not superseded) letter. */
export async function signedLetterKinds(db: Handle, procedureId: string): Promise<string[]> {
  const result = await sql<{ kind: string }>`
    select distinct kind from letters
    where procedure_id = ${procedureId} and status in ('signed', 'delivered')`.execute(db);
  return result.rows.map((r) => r.kind);
}

export interface SignedLetter {
  id: string;
  status: 'signed' | 'delivered';
  sha256: string;
  size: number;
  documentId: string | null;
}

/** The valid signed letter of a kind (newest series), or undefined. */
export async function findSignedLetter(
  trx: Transaction<Database>,
  procedureId: string,
  kind: string,
): Promise<SignedLetter | undefined> {
  const result = await sql<{
    id: string;
    status: 'signed' | 'delivered';
    pdf_sha256: string;
    pdf_size: number;
    document_id: string | null;
  }>`
    select id, status, pdf_sha256, pdf_size, document_id from letters
    where procedure_id = ${procedureId} and kind = ${kind} and status in ('signed', 'delivered')
    order by series desc, version desc limit 1`.execute(trx);
  const row = result.rows[0];
  return row
    ? {
        id: row.id,
        status: row.status,
        sha256: row.pdf_sha256,
        size: Number(row.pdf_size),
        documentId: row.document_id,
      }
    : undefined;
}

/** Marks a signed letter as delivered (the freeze allows exactly this change after sign-off). */
export async function markLetterDelivered(
  trx: Transaction<Database>,
  letterId: string,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await sql`
    update letters set status = 'delivered', delivered_at = ${now}, delivered_by = ${actorId}
    where id = ${letterId} and status = 'signed'`.execute(trx);
}
