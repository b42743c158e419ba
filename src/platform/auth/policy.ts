import { AppError } from '../errors.ts';
import { hasRole, type Actor } from './actor.ts';
import type { Role } from '../../db/schema.ts';

/**
 * Every authorization decision of the portal is declared here (style.md rule 5). Routes name an
 * action in their config; pages ask `can` which links and buttons to show.
 */
export type Action =
  | 'account:view' // own account page
  | 'api-token:manage' // own API tokens
  | 'admin:users' // manage users and their roles (platform admin only)
  | 'admin:organisations' // manage organisations and anyone's master data (platform admin only)
  | 'admin:outbox' // read the mail outbox (platform admin only)
  | 'organisation:master-data' // the master data of an organisation one administers
  | 'procedures:use' // procedures one takes part in (checked per procedure in the use case)
  | 'applications:create' // start an application
  | 'work-queue:view' // the case workers' queue of their authority
  | 'statements:view' // the agencies' list of requests
  | 'overruns:view' // overrun report for the supervisory authority
  | 'letters:sign-off' // the queue of letters awaiting sign-off (per letter checked in the use case)
  | 'organisation:templates' // the letter texts of the authorities one administers
  | 'organisation:agencies' // an authority's directory of agencies (checked per authority)
  | 'organisation:conditions' // the catalogue of conditions of one's own authority (its admins)
  | 'company-profile:manage' // the profile of one's own company (its applicants)
  | 'funding-alerts:manage' // the Förderfinder's e-mail alerts of one's own company
  | 'funding:budget' // a funding body's budget ledger and de-minimis register export (its staff)
  | 'company:de-minimis' // a company's de-minimis aid (its applicants; checked per company)
  | 'training-bonus:claim' // training-bonus claims of one's own company (its applicants)
  | 'training-bonus:review' // QA, course list and payment runs of one's own funding body
  | 'training-bonus:supervise' // its paying account, QA share and confirming payment runs
  | 'funding:apply' // funding applications of one's own company (its applicants)
  | 'funding:casework' // the funding body's applications, export and reviewer assignment (its staff)
  | 'funding:review' // reviews of competitive calls assigned to oneself (a funding body's reviewers)
  | 'sites:manage' // the site register entries of one's own organisation (its site providers)
  | 'wind-areas:import' // new versions of the wind-energy area register (platform admin, Land planning)
  | 'monitoring:import'; // statistics for the dashboard's imported indicators (platform admin only)

export function can(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'account:view':
    case 'api-token:manage':
      return actor.kind === 'user';
    case 'procedures:use':
      return actor.kind === 'user';
    case 'applications:create':
      return hasRole(actor, 'applicant');
    // The permit authorities' pages; a funding body's staff work in the funding pages.
    case 'work-queue:view':
      return permitStaff(actor, ['case_worker']);
    case 'statements:view':
      return hasRole(actor, 'agency_member');
    case 'overruns:view':
      return permitStaff(actor, ['supervisor', 'case_worker']);
    // Permit authorities' and funding bodies' heads sign their letters (per letter checked).
    case 'letters:sign-off':
      return hasRole(actor, 'supervisor');
    case 'organisation:templates':
      return hasRole(actor, 'admin');
    // Admins of an authority keep its directory and catalogue; which authority is checked in the
    // use case.
    case 'organisation:agencies':
    case 'organisation:conditions':
      return (
        actor.kind === 'user' &&
        actor.memberships.some((m) => m.role === 'admin' && m.organisationKind === 'authority')
      );
    // A company's profile is kept by the people who apply for it; which company is the one of
    // their membership (checked again in the use case).
    case 'admin:users':
    case 'admin:organisations':
    case 'admin:outbox':
      return isPlatformAdmin(actor);
    // The dashboard's imported statistics are published under the platform's name, with their
    // source and licence: the platform's administrators keep them, as with the command line.
    case 'monitoring:import':
      return canImportStatistics(actor);
    // The area register is kept by the Land planning authority (the ministry, Landesplanungsbehörde
    // under § 3 LPlG NRW), which collects the regional plans for the federal reporting
    // (§ 3 Abs. 3 WindBG [open]), and by the platform's administrators; its supervisors import.
    case 'wind-areas:import':
      return (
        isPlatformAdmin(actor) ||
        (actor.kind === 'user' &&
          actor.memberships.some(
            (m) => m.role === 'supervisor' && m.organisationKind === 'ministry',
          ))
      );
    case 'organisation:master-data':
      return hasRole(actor, 'admin');
    // Staff of a funding body; which body is checked in the use case (their own only).
    // Confirming a payment run and the settings need its supervisor (checked in the use case).
    case 'funding:budget':
    case 'funding:casework':
    case 'training-bonus:review':
      return fundingBodyStaff(actor).length > 0;
    // Which case is checked in the use case: only those assigned to the reviewer.
    case 'funding:review':
      return (
        actor.kind === 'user' &&
        actor.memberships.some(
          (m) => m.role === 'reviewer' && m.organisationKind === 'funding-body',
        )
      );
    case 'training-bonus:supervise':
      return (
        actor.kind === 'user' &&
        actor.memberships.some(
          (m) => m.role === 'supervisor' && m.organisationKind === 'funding-body',
        )
      );
    // A company's applicants keep its profile, funding alerts, de-minimis aid and training-bonus
    // claims; which company is checked in the use case.
    case 'company-profile:manage':
    case 'company:de-minimis':
    case 'funding:apply':
    case 'funding-alerts:manage':
    case 'training-bonus:claim':
      return (
        actor.kind === 'user' &&
        actor.memberships.some((m) => m.role === 'applicant' && m.organisationKind === 'company')
      );
    // A municipality's economic-development office keeps its own sites; which organisation's
    // sites is checked in the use case (its own only, the tenant of the site).
    case 'sites:manage':
      return hasRole(actor, 'site_provider');
  }
}

/**
 * The platform's administrators are the admins of the operating organisation. An authority's
 * admin administers its own organisation only (master data, and what other parts add for it),
 * never the users or organisations of the whole platform.
 */
export function isPlatformAdmin(actor: Actor): boolean {
  return (
    actor.kind === 'user' &&
    actor.memberships.some((m) => m.role === 'admin' && m.organisationKind === 'operator')
  );
}

/** Whether the actor may load statistics for the dashboard's imported indicators. */
export function canImportStatistics(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

/** Whether the actor has one of the roles in an organisation other than a funding body. */
function permitStaff(actor: Actor, roles: readonly Role[]): boolean {
  return (
    actor.kind === 'user' &&
    actor.memberships.some((m) => roles.includes(m.role) && m.organisationKind !== 'funding-body')
  );
}

/** The funding bodies whose case workers or supervisors (Sachbearbeitung, Leitung) the actor is. */
export function fundingBodyStaff(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  const bodies = new Map<string, string>();
  for (const m of actor.memberships) {
    if (
      m.organisationKind === 'funding-body' &&
      (m.role === 'case_worker' || m.role === 'supervisor')
    )
      bodies.set(m.organisationId, m.organisationName);
  }
  return [...bodies].map(([id, name]) => ({ id, name }));
}

/** Whether the actor may change this organisation's master data. */
export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return isPlatformAdmin(actor) || hasRole(actor, 'admin', organisationId);
}

/** Throws the typed error: 401 for anonymous callers, 403 for logged-in ones. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'Bitte melden Sie sich an, um diese Seite zu öffnen.');
  }
  throw new AppError('forbidden', 'Sie haben keine Berechtigung für diese Seite oder Aktion.');
}

/**
 * What a route declares: open to everyone, or guarded by one action. Public by law, not by
 * choice: the award list of Art. 9 (1) (c) AGVO (/foerderung/vergaben, .csv, .json), which shows
 * only what award.queries.ts releases.
 */
export type Access = 'public' | Action;
