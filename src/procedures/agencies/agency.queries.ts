import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  AGENCY_ROLE_LABELS,
  AGENCY_ROLES,
  type DirectoryEntry,
  type ProjectKind,
} from './agency.types.ts';

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

export interface AgencyChoice {
  readonly id: string;
  readonly name: string;
  /** German role label from the directory; null for an agency outside it. */
  readonly role: string | null;
  readonly roleKey: DirectoryEntry['role'] | null;
  /** Preselected: the directory's default for this kind of project. */
  readonly preselected: boolean;
}

/**
 * The agencies a case worker may still ask in a procedure: the authority's directory with its
 * default selection for the kind of project, without those already involved. An authority that
 * keeps no directory yet is offered every agency of the platform, none preselected.
 */
export async function agencyChoices(
  db: Handle,
  options: {
    tenantId: string;
    projectKind: ProjectKind;
    involved: readonly string[];
    /** The site's municipality: of the directory's municipalities only it is preselected. */
    siteMunicipality?: string;
  },
): Promise<AgencyChoice[]> {
  const directory = await listDirectory(db, options.tenantId);
  const open = <T extends { id: string }>(list: T[]) =>
    list.filter((c) => !options.involved.includes(c.id));
  if (directory.length === 0) {
    return open(await listAgencyOrganisations(db)).map((o) => ({
      ...o,
      role: null,
      roleKey: null,
      preselected: false,
    }));
  }
  return open(
    directory.map((e) => ({
      id: e.agencyOrgId,
      name: e.name,
      role: AGENCY_ROLE_LABELS[e.role],
      roleKey: e.role,
      preselected:
        e.defaultFor.includes(options.projectKind) &&
        (e.role !== 'municipality' || namesPlace(e.name, options.siteMunicipality)),
    })),
  );
}

/** Whether an agency's name names the place (the site's municipality), as a whole word. */
export function namesPlace(name: string, place: string | undefined): boolean {
  const wanted = place?.trim().toLocaleLowerCase('de');
  if (!wanted) return true;
  return name
    .toLocaleLowerCase('de')
    .split(/[^\p{L}\p{N}-]+/u)
    .join(' ')
    .includes(wanted);
}
