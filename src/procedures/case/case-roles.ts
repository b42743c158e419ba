import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Who someone is in one procedure, derived on the server from memberships: the applicant's
 * organisation, the responsible authority (tenant), an agency that was asked, or the supervisory
 * ministry. Nobody else learns that the procedure exists (404, not 403).
 */
export type ProcedureRole = 'applicant' | 'case_worker' | 'agency_member' | 'supervisor';

export interface ProcedureParties {
  tenantId: string;
  applicantOrgId: string | null;
  agencyOrgIds: string[];
}

export function procedureRoles(actor: Actor, parties: ProcedureParties): ProcedureRole[] {
  if (actor.kind !== 'user') return [];
  const roles = new Set<ProcedureRole>();
  for (const m of actor.memberships) {
    if (m.role === 'applicant' && m.organisationId === parties.applicantOrgId)
      roles.add('applicant');
    if (m.role === 'case_worker' && m.organisationId === parties.tenantId) roles.add('case_worker');
    if (m.role === 'agency_member' && parties.agencyOrgIds.includes(m.organisationId))
      roles.add('agency_member');
    // The ministry supervises every authority; an authority's own head (who signs its letters)
    // sees its cases.
    if (
      m.role === 'supervisor' &&
      (m.organisationKind === 'ministry' || m.organisationId === parties.tenantId)
    )
      roles.add('supervisor');
  }
  return [...roles];
}

/**
 * The roles someone may ACT in on a procedure. The ministry's supervision reads every case and
 * its overruns, but does not take the authority's steps (deciding is the competent authority's,
 * § 1 ZustVU; the Fachaufsicht instructs, it does not decide in its place [open]): the role
 * 'supervisor' acts only for a supervisor of the procedure's own authority (its head).
 */
export function actingRoles(
  actor: Actor,
  parties: ProcedureParties,
  roles: readonly ProcedureRole[],
): ProcedureRole[] {
  const head =
    actor.kind === 'user' &&
    actor.memberships.some((m) => m.role === 'supervisor' && m.organisationId === parties.tenantId);
  return roles.filter((r) => r !== 'supervisor' || head);
}

export function requireProcedureRole(
  actor: Actor,
  parties: ProcedureParties,
  allowed: ProcedureRole[],
): ProcedureRole {
  const roles = procedureRoles(actor, parties);
  const role = allowed.find((r) => roles.includes(r));
  if (role) return role;
  if (actor.kind === 'anonymous')
    throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (roles.length === 0)
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  throw new AppError('forbidden', 'Diese Aktion steht Ihrer Rolle in diesem Verfahren nicht zu.');
}

/** Organisations of the actor in a role, e.g. the authorities a case worker works for. */
export function organisationsWithRole(
  actor: Actor,
  role: 'applicant' | 'case_worker' | 'agency_member',
): string[] {
  return actor.kind === 'user'
    ? actor.memberships.filter((m) => m.role === role).map((m) => m.organisationId)
    : [];
}
