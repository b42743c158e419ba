import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isUuid } from '../../db/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { purposeKey, type ParticipationDeps } from '../participation.types.ts';

/**
 * Fixed one-hour window per address and procedure, counted in PostgreSQL so that it holds across
 * instances. The address is stored only as a keyed hash (HMAC with a key derived from the
 * instance secret: without the key, the 2^32 IPv4 addresses cannot be tried out) and the rows
 * expire with the window.
 */
export interface RateBucket {
  readonly bucket: string;
  readonly window: Date;
  readonly perHour: number;
  readonly procedureId: string;
}

/** The bucket to count in, or undefined when the limit is off or the procedure id is malformed. */
export function rateBucket(
  deps: Pick<ParticipationDeps, 'config' | 'clock'>,
  options: { clientAddress: string; procedureId: string },
): RateBucket | undefined {
  const perHour = deps.config.participation.ratePerHour;
  // An unknown procedure is never counted (no rows for made-up ids); the caller refuses it.
  if (perHour === 0 || !isUuid(options.procedureId)) return undefined;
  const bucket = createHmac('sha256', purposeKey(deps, 'intake-rate'))
    .update(`${options.procedureId}|${options.clientAddress}`)
    .digest('base64url');
  const now = deps.clock.now().getTime();
  return {
    bucket,
    window: new Date(Math.floor(now / 3_600_000) * 3_600_000),
    perHour,
    procedureId: options.procedureId,
  };
}

/**
 * The statement that counts one submission in the bucket and returns the new count (no row when
 * the procedure does not exist); usable alone or as a CTE of the inserting statement.
 */
export function countSubmission(rate: RateBucket) {
  return sql<{ count: number }>`
    insert into intake_rate (bucket, window_start, count)
    select ${rate.bucket}, ${rate.window}, 1
    where exists (select from procedures where id = ${rate.procedureId})
    on conflict (bucket, window_start) do update set count = intake_rate.count + 1
    returning count`;
}

/** After counting: drops the bucket's past windows when a new one began, refuses above the limit. */
export async function settleCount(db: Db, rate: RateBucket, count: number): Promise<void> {
  if (count === 1) {
    await sql`delete from intake_rate where bucket = ${rate.bucket} and window_start < ${rate.window}`.execute(
      db,
    );
  }
  if (count > rate.perHour) {
    throw new AppError(
      'rate_limited',
      `Von Ihrem Anschluss sind in dieser Stunde bereits ${rate.perHour} Einwendungen zu diesem Verfahren eingegangen. Bitte versuchen Sie es später erneut oder wenden Sie sich an die Behörde; Sammeleinwendungen können auch als Unterschriftenliste eingereicht werden.`,
    );
  }
}

/** Counts a submission and refuses it above the limit (429). */
export async function checkIntakeRate(
  deps: Pick<ParticipationDeps, 'config' | 'clock' | 'db'>,
  options: { clientAddress: string; procedureId: string },
): Promise<void> {
  const rate = rateBucket(deps, options);
  if (!rate) return;
  const row = await countSubmission(rate).execute(deps.db);
  await settleCount(deps.db, rate, row.rows[0]?.count ?? 0);
}

/**
 * Whether the address has used up its submissions for the procedure this hour, without counting:
 * asked before an upload's body is read, so that a client over the limit costs no disk space.
 */
export async function intakeRateExhausted(
  deps: Pick<ParticipationDeps, 'config' | 'clock' | 'db'>,
  options: { clientAddress: string; procedureId: string },
): Promise<boolean> {
  const rate = rateBucket(deps, options);
  if (!rate) return false;
  const row = await deps.db
    .selectFrom('intake_rate')
    .select('count')
    .where('bucket', '=', rate.bucket)
    .where('window_start', '=', rate.window)
    .executeTakeFirst();
  return (row?.count ?? 0) >= rate.perHour;
}
