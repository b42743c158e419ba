import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AGENCY_ROLES, type DirectoryEntry } from './agency.types.ts';

type Handle = Db | Transaction<Database>;

/** The agencies an authority keeps, ordered by role as the directory lists them, then name. */
export async function listDirectory(db: Handle, tenantId: string): Promise<DirectoryEntry[]> {
  const rows = await db
    .selectFrom('agency_directory as d')
    .innerJoin('organisations as o', 'o.id', 'd.agency_org_id')
    .select(['d.agency_org_id', 'o.name', 'd.role', 'd.default_for', 'd.example'])
    .where('d.tenant_id', '=', tenantId)
    .orderBy('o.name')
    .execute();
  return rows
    .map((r) => ({
      agencyOrgId: r.agency_org_id,
      name: r.name,
      role: r.role,
      defaultFor: r.default_for,
      example: r.example,
    }))
    .sort((a, b) => AGENCY_ROLES.indexOf(a.role) - AGENCY_ROLES.indexOf(b.role));
}

/** Agency organisations of the platform (kind 'agency'), for adding one to a directory. */
export async function listAgencyOrganisations(db: Handle): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'agency')
    .orderBy('name')
    .execute();
}

/** The authorities whose directory the actor keeps: those it is an admin of. */
export function administeredAuthorities(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter((m) => m.role === 'admin' && m.organisationKind === 'authority')
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}
