import type { OrganisationKind, Role } from '../../db/schema.ts';

/** Who is asking: resolved once per request from the session cookie or an API token. */
export interface Membership {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      memberships: Membership[];
      via: 'session' | 'token';
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role, organisationId?: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.memberships.some(
      (m) =>
        m.role === role && (organisationId === undefined || m.organisationId === organisationId),
    )
  );
}

export const ROLE_LABELS: Record<Role, string> = {
  applicant: 'Antragstellung',
  case_worker: 'Sachbearbeitung',
  supervisor: 'Aufsicht',
  agency_member: 'Fachbehörde (TöB)',
  admin: 'Administration',
  reviewer: 'Begutachtung (Förderstelle)',
  site_provider: 'Flächenpflege (Wirtschaftsförderung)',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  authority: 'Genehmigungsbehörde',
  company: 'Unternehmen',
  agency: 'Fachbehörde / Träger öffentlicher Belange',
  ministry: 'Ministerium / Aufsicht',
  operator: 'Betrieb der Plattform',
  'funding-body': 'Förderstelle (Bewilligungsbehörde)',
  municipality: 'Kommune (Wirtschaftsförderung)',
};
