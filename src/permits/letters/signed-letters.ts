/**
 * The signed letters of a case, as the decision flow needs them: which kinds are signed (for the
 * engine's 'letter-signed' guards) and the signed PDF that goes out as the decision.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export { signedLetterKinds } from '../../procedures/letters/letter.queries.ts';

export interface SignedLetter {
  id: string;
  status: 'signed' | 'delivered';
  sha256: string;
  size: number;
}

/** The valid signed letter of a kind (newest series), or undefined. */
export async function findSignedLetter(
  trx: Transaction<Database>,
  procedureId: string,
  kind: string,
): Promise<SignedLetter | undefined> {
  const row = await trx
    .selectFrom('letters')
    .select(['id', 'status', 'pdf_sha256', 'pdf_size'])
    .where('procedure_id', '=', procedureId)
    .where('kind', '=', kind)
    .where('status', 'in', ['signed', 'delivered'])
    .orderBy('series', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.pdf_sha256 === null || row.pdf_size === null) return undefined;
  return {
    id: row.id,
    status: row.status === 'delivered' ? 'delivered' : 'signed',
    sha256: row.pdf_sha256,
    size: row.pdf_size,
  };
}

/** Marks a signed letter as delivered (the freeze allows exactly this change after sign-off). */
export async function markLetterDelivered(
  trx: Transaction<Database>,
  letterId: string,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('letters')
    .set({ status: 'delivered', delivered_at: now, delivered_by: actorId })
    .where('id', '=', letterId)
    .where('status', '=', 'signed')
    .execute();
}
