import type { Db } from '../db/database.ts';
import type { OrganisationKind, Role } from '../db/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { hashPassword, passwordProblem } from '../platform/auth/passwords.ts';
import { authorize } from '../platform/auth/policy.ts';
import { clearAccountThrottle } from '../platform/auth/throttle.ts';
import { AppError, type FieldError } from '../platform/errors.ts';

export const ORGANISATION_KINDS: OrganisationKind[] = [
  'authority',
  'company',
  'agency',
  'ministry',
  'operator',
  'funding-body',
  'municipality',
];
export const ROLES: Role[] = [
  'applicant',
  'case_worker',
  'supervisor',
  'agency_member',
  'admin',
  'reviewer',
  'site_provider',
];

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

function fail(errors: FieldError[]): never {
  throw new AppError('validation', 'Die Eingaben sind unvollständig oder fehlerhaft.', errors);
}

async function recordAdminEvent(
  db: Db,
  actor: Actor,
  action: string,
  details: object,
): Promise<void> {
  await db
    .insertInto('admin_events')
    .values({
      actor_id: actor.kind === 'user' ? actor.userId : null,
      action,
      details: JSON.stringify(details),
    })
    .execute();
}

export async function createOrganisation(options: {
  db: Db;
  actor: Actor;
  body: Record<string, unknown>;
}): Promise<string> {
  const { db, actor, body } = options;
  authorize(actor, 'admin:organisations');
  const name = text(body, 'name');
  const kind = text(body, 'kind') as OrganisationKind;
  const errors: FieldError[] = [];
  if (name.length < 3 || name.length > 200) {
    errors.push({ field: 'name', message: 'Der Name muss 3 bis 200 Zeichen lang sein.' });
  }
  if (!ORGANISATION_KINDS.includes(kind))
    errors.push({ field: 'kind', message: 'Bitte wählen Sie eine Art der Organisation.' });
  if (errors.length > 0) fail(errors);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (existing)
      fail([{ field: 'name', message: `Eine Organisation „${name}“ gibt es bereits.` }]);
    const row = await trx
      .insertInto('organisations')
      .values({ name, kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAdminEvent(trx, actor, 'organisation.created', { id: row.id, name, kind });
    return row.id;
  });
}

async function validateMembership(db: Db, body: Record<string, unknown>, errors: FieldError[]) {
  const organisationId = text(body, 'organisationId');
  const role = text(body, 'role') as Role;
  if (!ROLES.includes(role))
    errors.push({ field: 'role', message: 'Bitte wählen Sie eine Rolle.' });
  const organisation = /^[0-9a-f-]{36}$/.test(organisationId)
    ? await db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', organisationId)
        .executeTakeFirst()
    : undefined;
  if (!organisation)
    errors.push({ field: 'organisationId', message: 'Bitte wählen Sie eine Organisation.' });
  return { organisationId, role };
}

export async function createUser(options: {
  db: Db;
  actor: Actor;
  body: Record<string, unknown>;
}): Promise<string> {
  const { db, actor, body } = options;
  authorize(actor, 'admin:users');
  const email = text(body, 'email');
  const displayName = text(body, 'displayName');
  const password = typeof body.password === 'string' ? body.password : '';
  const errors: FieldError[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    errors.push({ field: 'email', message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.' });
  }
  if (displayName.length < 2 || displayName.length > 120) {
    errors.push({ field: 'displayName', message: 'Der Name muss 2 bis 120 Zeichen lang sein.' });
  }
  const problem = passwordProblem(password, { email });
  if (problem) errors.push({ field: 'password', message: problem });
  const membership = await validateMembership(db, body, errors);
  if (errors.length > 0) fail(errors);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (existing)
      fail([{ field: 'email', message: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.' }]);
    const user = await trx
      .insertInto('users')
      .values({ email, display_name: displayName, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values({
        user_id: user.id,
        organisation_id: membership.organisationId,
        role: membership.role,
      })
      .execute();
    await recordAdminEvent(trx, actor, 'user.created', { id: user.id, email, ...membership });
    return user.id;
  });
}

export async function addMembership(options: {
  db: Db;
  actor: Actor;
  userId: string;
  body: Record<string, unknown>;
}): Promise<void> {
  const { db, actor, userId, body } = options;
  authorize(actor, 'admin:users');
  const errors: FieldError[] = [];
  const membership = await validateMembership(db, body, errors);
  if (errors.length > 0) fail(errors);
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new AppError('not_found', 'Dieses Benutzerkonto gibt es nicht.');
    await trx
      .insertInto('memberships')
      .values({
        user_id: userId,
        organisation_id: membership.organisationId,
        role: membership.role,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAdminEvent(trx, actor, 'membership.added', { userId, ...membership });
  });
}

export async function setUserDisabled(options: {
  db: Db;
  actor: Actor;
  userId: string;
  disabled: boolean;
}): Promise<void> {
  const { db, actor, userId, disabled } = options;
  authorize(actor, 'admin:users');
  if (actor.kind === 'user' && actor.userId === userId && disabled) {
    throw new AppError('conflict', 'Sie können Ihr eigenes Konto nicht sperren.');
  }
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ disabled })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n)
      throw new AppError('not_found', 'Dieses Benutzerkonto gibt es nicht.');
    // A locked account loses its sessions at once, not when they expire.
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAdminEvent(trx, actor, disabled ? 'user.disabled' : 'user.enabled', { userId });
  });
}

/**
 * Lifts the login delays of every (account, address) pair of a user, e.g. after the user called
 * from a network an attacker shares. Audited like every administrators' change.
 */
export async function clearLoginThrottle(options: {
  db: Db;
  actor: Actor;
  userId: string;
}): Promise<void> {
  const { db, actor, userId } = options;
  authorize(actor, 'admin:users');
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new AppError('not_found', 'Dieses Benutzerkonto gibt es nicht.');
    const pairs = await clearAccountThrottle(trx, user.email.toLowerCase());
    await recordAdminEvent(trx, actor, 'user.login-throttle-cleared', { userId, pairs });
  });
}
