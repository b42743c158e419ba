import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../errors.ts';

/**
 * Login throttling (decision 0005). Guessing is slowed per (account, source address) pair with
 * growing delays, so an attacker at one address cannot lock the real user out at another; a much
 * higher ceiling per address slows (never blocks) an address that tries many accounts. Counters
 * live in PostgreSQL, so they hold across app instances and restarts.
 */

/** Wrong passwords per pair before delays begin (typos must not cost anything). */
export const FREE_FAILURES_PER_PAIR = 3;
/** The longest a pair waits: an attacker gets at most four guesses an hour per address. */
export const MAX_PAIR_DELAY_MS = 15 * 60 * 1000;
/** Failures from one address (any accounts) per hour before that address is slowed. */
export const ADDRESS_CEILING = 100;
/** The longest an address waits: many people behind one NAT still get in within a minute. */
export const MAX_ADDRESS_DELAY_MS = 60 * 1000;
/** Counting windows: a pair's count starts over after a day, an address's after an hour. */
const PAIR_WINDOW_MS = 24 * 60 * 60 * 1000;
const ADDRESS_WINDOW_MS = 60 * 60 * 1000;

/** Delay after the n-th failure of a pair: 0, 0, 0, 1 s, 2 s, 4 s, … capped at 15 minutes. */
export function pairDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES_PER_PAIR) return 0;
  return Math.min(MAX_PAIR_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES_PER_PAIR - 1));
}

/** Delay after the n-th failure from an address within the hour: 1 s, 2 s, … capped at 1 minute. */
export function addressDelayMs(failures: number): number {
  if (failures <= ADDRESS_CEILING) return 0;
  return Math.min(MAX_ADDRESS_DELAY_MS, 1000 * 2 ** (failures - ADDRESS_CEILING - 1));
}

/** The refusal of a login attempt while its pair or address waits; carries Retry-After. */
export class LoginThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', throttledMessage(retryAfterSeconds));
  }
}

function throttledMessage(seconds: number): string {
  const wait =
    seconds < 90
      ? `${seconds} Sekunde${seconds === 1 ? '' : 'n'}`
      : `${Math.ceil(seconds / 60)} Minuten`;
  return `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${wait} und versuchen Sie es dann erneut. Die Anmeldung von einem anderen Anschluss aus ist davon nicht betroffen.`;
}

type Key = { kind: 'pair' | 'address'; emailKey: string; ip: string };

function keysOf(emailKey: string, ip: string): [Key, Key] {
  return [
    { kind: 'pair', emailKey, ip },
    { kind: 'address', emailKey: '', ip },
  ];
}

/**
 * Refuses the attempt without looking at the password while the pair or the address waits. The
 * caller runs this in the login transaction after lockPairOrRefuse.
 */
export async function assertLoginAllowed(
  trx: Db,
  options: { emailKey: string; ip: string; now: Date },
): Promise<void> {
  const { emailKey, ip, now } = options;
  const rows = await trx
    .selectFrom('login_throttle')
    .select(['blocked_until'])
    .where((eb) =>
      eb.or(
        keysOf(emailKey, ip).map((k) =>
          eb.and([eb('kind', '=', k.kind), eb('email_key', '=', k.emailKey), eb('ip', '=', k.ip)]),
        ),
      ),
    )
    .execute();
  const until = Math.max(0, ...rows.map((r) => r.blocked_until?.getTime() ?? 0));
  if (until > now.getTime()) {
    throw new LoginThrottledError(Math.ceil((until - now.getTime()) / 1000));
  }
}

/**
 * One attempt per pair at a time (transaction-scoped advisory lock), so parallel guesses cannot
 * pass the delay together. A second attempt while one runs is refused at once instead of waiting:
 * waiting requests would each hold a database connection, and a burst could exhaust the pool.
 */
export async function lockPairOrRefuse(trx: Db, emailKey: string, ip: string): Promise<void> {
  const result = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${`login:${emailKey}|${ip}`}, 0)) as locked`.execute(
    trx,
  );
  if (!result.rows[0]?.locked) throw new LoginThrottledError(1);
}

/** One atomic statement, so that parallel failures on several instances all count. */
async function countFailure(trx: Db, key: Key, now: Date, windowMs: number): Promise<number> {
  const windowOver = sql`login_throttle.window_started_at < ${new Date(now.getTime() - windowMs)}`;
  const row = await sql<{ failures: number }>`
    insert into login_throttle (kind, email_key, ip, failures, window_started_at, last_failure_at)
    values (${key.kind}, ${key.emailKey}, ${key.ip}, 1, ${now}, ${now})
    on conflict (kind, email_key, ip) do update set
      failures = case when ${windowOver} then 1 else login_throttle.failures + 1 end,
      window_started_at = case when ${windowOver} then ${now} else login_throttle.window_started_at end,
      last_failure_at = ${now}
    returning failures`.execute(trx);
  return row.rows[0]!.failures;
}

async function block(trx: Db, key: Key, now: Date, delayMs: number): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set({ blocked_until: new Date(now.getTime() + delayMs) })
    .where('kind', '=', key.kind)
    .where('email_key', '=', key.emailKey)
    .where('ip', '=', key.ip)
    .execute();
}

/**
 * Counts a wrong password for the pair and the address and sets their waiting times. Returns
 * whether this failure started the throttling of the pair (the moment to tell the account holder).
 */
export async function recordLoginFailure(
  trx: Db,
  options: { emailKey: string; ip: string; now: Date },
): Promise<{ pairThrottleStarted: boolean }> {
  const { emailKey, ip, now } = options;
  const [pair, address] = keysOf(emailKey, ip);
  const pairFailures = await countFailure(trx, pair, now, PAIR_WINDOW_MS);
  const addressFailures = await countFailure(trx, address, now, ADDRESS_WINDOW_MS);
  const pairDelay = pairDelayMs(pairFailures);
  if (pairDelay > 0) await block(trx, pair, now, pairDelay);
  const addressDelay = addressDelayMs(addressFailures);
  if (addressDelay > 0) await block(trx, address, now, addressDelay);
  // Rows of this address that nobody needs any more: keeps the table as small as the attacks.
  await trx
    .deleteFrom('login_throttle')
    .where('ip', '=', ip)
    .where('last_failure_at', '<', new Date(now.getTime() - PAIR_WINDOW_MS))
    .execute();
  return { pairThrottleStarted: pairFailures === FREE_FAILURES_PER_PAIR + 1 };
}

/**
 * A successful login forgets the pair, not the address: otherwise an attacker could reset the
 * address ceiling by logging into an account of their own.
 */
export async function clearPair(trx: Db, emailKey: string, ip: string): Promise<void> {
  await trx
    .deleteFrom('login_throttle')
    .where('kind', '=', 'pair')
    .where('email_key', '=', emailKey)
    .where('ip', '=', ip)
    .execute();
}

export interface ThrottledPair {
  ip: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** The pairs of an account with recent failures, for the administrators' page. */
export async function listAccountThrottle(db: Db, emailKey: string): Promise<ThrottledPair[]> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['ip', 'failures', 'last_failure_at', 'blocked_until'])
    .where('kind', '=', 'pair')
    .where('email_key', '=', emailKey)
    .orderBy('last_failure_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ip: r.ip,
    failures: r.failures,
    lastFailureAt: r.last_failure_at,
    blockedUntil: r.blocked_until,
  }));
}

/** The administrators' unlock: forgets every pair of the account. Returns how many. */
export async function clearAccountThrottle(trx: Db, emailKey: string): Promise<number> {
  const result = await trx
    .deleteFrom('login_throttle')
    .where('kind', '=', 'pair')
    .where('email_key', '=', emailKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
