import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { LetterRow, ProcedureHead } from './letter.queries.ts';

/**
 * Who someone is for the letters of one procedure, from their memberships: the authority's case
 * workers draft, its supervisors sign off (the second pair of eyes), the applicant receives what
 * was delivered. Agencies and everyone else take no part in the authority's correspondence with
 * the applicant and learn nothing of it (404).
 */
export type LetterRole = 'drafter' | 'signer' | 'applicant';

export function letterRoles(actor: Actor, head: ProcedureHead): LetterRole[] {
  if (actor.kind !== 'user') return [];
  const roles = new Set<LetterRole>();
  // An application the applicant has not submitted is not yet before the authority.
  const authority = head.submitted;
  for (const m of actor.memberships) {
    if (authority && m.organisationId === head.tenantId && m.role === 'case_worker')
      roles.add('drafter');
    if (authority && m.organisationId === head.tenantId && m.role === 'supervisor')
      roles.add('signer');
    if (m.organisationId === head.applicantOrgId && m.role === 'applicant') roles.add('applicant');
  }
  return [...roles];
}

export const NOT_FOUND =
  'Dieses Verfahren oder Schreiben gibt es nicht oder Sie sind daran nicht beteiligt.';

export function requireLetterRole(
  actor: Actor,
  head: ProcedureHead | undefined,
  allowed: readonly LetterRole[],
  forbidden = 'Diese Aktion steht Ihrer Rolle in diesem Verfahren nicht zu.',
): LetterRole {
  if (actor.kind === 'anonymous')
    throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const roles = head ? letterRoles(actor, head) : [];
  if (roles.length === 0) throw new AppError('not_found', NOT_FOUND);
  const role = allowed.find((r) => roles.includes(r));
  if (!role) throw new AppError('forbidden', forbidden);
  return role;
}

/** The authority sees every letter; the applicant only what was delivered to it. */
export function canSeeLetter(roles: readonly LetterRole[], letter: LetterRow): boolean {
  if (roles.includes('drafter') || roles.includes('signer')) return true;
  return roles.includes('applicant') && letter.deliveredAt !== null;
}

export const FROZEN_MESSAGE =
  'Das Schreiben ist gezeichnet und kann nicht mehr geändert werden; legen Sie eine neue Fassung mit Begründung an.';

export const SECOND_PERSON_MESSAGE =
  'Zeichnen darf nur eine zweite Person: eine Person mit der Rolle Aufsicht der zuständigen Behörde, die das Schreiben nicht selbst entworfen oder vorgelegt hat (Vier-Augen-Prinzip).';
