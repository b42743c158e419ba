import type { Db } from '../db/database.ts';
import type { OrganisationKind, Role } from '../db/schema.ts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  lastLoginAt: Date | null;
  memberships: { organisationName: string; role: Role }[];
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'disabled', 'last_login_at'])
    .orderBy('display_name')
    .execute();
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.user_id', 'memberships.role', 'organisations.name'])
    .orderBy('organisations.name')
    .execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    disabled: u.disabled,
    lastLoginAt: u.last_login_at,
    memberships: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({ organisationName: m.name, role: m.role })),
  }));
}

export async function listOrganisations(
  db: Db,
): Promise<{ id: string; name: string; kind: OrganisationKind; members: number }[]> {
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select((eb) => [
      'organisations.id',
      'organisations.name',
      'organisations.kind',
      eb.fn.count<number>('memberships.user_id').distinct().as('members'),
    ])
    .groupBy(['organisations.id', 'organisations.name', 'organisations.kind'])
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

export async function listOutbox(db: Db, limit = 200) {
  return db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'to_address',
      'subject',
      'body_text',
      'link',
      'status',
      'created_at',
      'sent_at',
      'last_error',
    ])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
