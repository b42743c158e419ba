import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { FileStore, StagedFile } from './storage.ts';

/**
 * Files and rows live in two systems that share no transaction. The rule that keeps them
 * consistent: a file is promoted inside the transaction that inserts the row referring to it,
 * after the insert, under a shared advisory lock; the orphan job deletes a stored file only under
 * the exclusive lock and only when no committed row refers to it. So the job never deletes a file
 * whose row is about to commit, and a file whose transaction rolled back (or whose process died)
 * is deleted later. Intake only takes the shared lock: uploads never wait for each other.
 */
const FILE_LOCK = sql`hashtext('industrieland:file-store')`;

/** Every column that refers to a stored file; a file no row refers to is an orphan. */
const REFERENCES = sql`
  select sha256 from documents
  union select sha256 from objection_attachments
  union select pdf_sha256 from notices
  union select result_sha256 from work_jobs where result_sha256 is not null`;

/** Temporary files of uploads that never finished (the longest upload takes far less). */
export const TEMPORARY_MAX_AGE_MS = 6 * 3_600_000;
/**
 * A stored file is kept this long after it was written or last re-promoted even without a row:
 * generated files (notice and decision PDFs) are stored before their row is written.
 */
export const STORED_GRACE_MS = 24 * 3_600_000;

/** Promotes accepted files as the last step of the transaction that writes their rows. */
export async function promoteFiles(
  trx: Transaction<Database>,
  store: FileStore,
  files: readonly StagedFile[],
): Promise<void> {
  if (files.length === 0) return;
  await sql`select pg_advisory_xact_lock_shared(${FILE_LOCK})`.execute(trx);
  for (const file of files) await store.promote(file);
}

export interface OrphanSweep {
  temporary: number;
  stored: number;
}

/** Removes temporary files of aborted uploads and stored files that no row refers to. */
export async function removeOrphanFiles(options: {
  db: Db;
  store: FileStore;
  now: Date;
}): Promise<OrphanSweep> {
  const { db, store, now } = options;
  const stale = await store.staleTemporary(new Date(now.getTime() - TEMPORARY_MAX_AGE_MS));
  for (const name of stale) await store.removeTemporary(name);
  const before = new Date(now.getTime() - STORED_GRACE_MS);
  const candidates = await store.storedBefore(before);
  if (candidates.length === 0) return { temporary: stale.length, stored: 0 };
  const removed = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FILE_LOCK})`.execute(trx);
    const referenced = await sql<{ sha256: string }>`
      select sha256 from (${REFERENCES}) refs(sha256)
      where sha256 = any(${candidates}::text[])`.execute(trx);
    const keep = new Set(referenced.rows.map((r) => r.sha256));
    let count = 0;
    for (const sha256 of candidates) {
      if (!keep.has(sha256) && (await store.removeStored(sha256, before))) count += 1;
    }
    return count;
  });
  return { temporary: stale.length, stored: removed };
}
