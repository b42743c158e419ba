import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Actor, Membership } from './actor.ts';

/**
 * Sessions and API tokens: the secret goes to the client, only its SHA-256 is stored, so a leaked
 * database copy does not let anyone log in.
 */
export const SESSION_COOKIE = 'il_session';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const token = newSecret();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(token),
      user_id: userId,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS),
    })
    .execute();
  return token;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256Hex(token)).execute();
}

async function loadMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.organisation_id',
      'memberships.role',
      'organisations.name',
      'organisations.kind',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    organisationKind: r.kind,
    role: r.role,
  }));
}

/** The actor of a user with all their memberships (also used to act for demo users in seeds). */
export async function userActor(
  db: Db,
  user: { id: string; email: string; display_name: string },
  via: 'session' | 'token',
): Promise<Actor> {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    memberships: await loadMemberships(db, user.id),
    via,
  };
}

export async function findSessionActor(
  db: Db,
  token: string,
  now: Date,
): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'sessions.last_seen_at',
      'sessions.id_hash',
    ])
    .where('sessions.id_hash', '=', sha256Hex(token))
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return userActor(db, row, 'session');
}

export const API_TOKEN_PREFIX = 'ilt_';

export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + newSecret();
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: sha256Hex(token), prefix: token.slice(0, 10) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findTokenActor(db: Db, token: string, now: Date): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'api_tokens.id as token_id'])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', row.token_id)
    .execute();
  return userActor(db, row, 'token');
}
