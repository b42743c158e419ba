import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Fixed one-hour window per address and procedure, counted in PostgreSQL so that it holds across
 * instances. The address is stored only as a salted hash and the rows expire with the window.
 */
export async function checkIntakeRate(options: {
  db: Db;
  clientAddress: string;
  procedureId: string;
  perHour: number;
  now: Date;
}): Promise<void> {
  const { db, perHour, now } = options;
  if (perHour === 0) return;
  const bucket = createHash('sha256')
    .update(`objection-intake|${options.procedureId}|${options.clientAddress}`)
    .digest('base64url');
  const window = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const row = await sql<{ count: number }>`
    insert into intake_rate (bucket, window_start, count) values (${bucket}, ${window}, 1)
    on conflict (bucket, window_start) do update set count = intake_rate.count + 1
    returning count`.execute(db);
  const count = row.rows[0]?.count ?? 0;
  if (count === 1) {
    // A new window for this bucket: its old windows are no longer needed.
    await sql`delete from intake_rate where bucket = ${bucket} and window_start < ${window}`.execute(
      db,
    );
  }
  if (count > perHour) {
    throw new AppError(
      'rate_limited',
      `Von Ihrem Anschluss sind in dieser Stunde bereits ${perHour} Einwendungen zu diesem Verfahren eingegangen. Bitte versuchen Sie es später erneut oder wenden Sie sich an die Behörde; Sammeleinwendungen können auch als Unterschriftenliste eingereicht werden.`,
    );
  }
}
