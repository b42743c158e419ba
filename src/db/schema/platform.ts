/** Organisations, users, sessions, tokens, mail and the admin log. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './common.ts';

export interface PlatformTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  login_notices: LoginNoticesTable;
  mail_outbox: MailOutboxTable;
  admin_events: AdminEventsTable;
}

export type OrganisationKind =
  | 'authority'
  | 'company'
  | 'agency'
  | 'ministry'
  | 'operator'
  | 'funding-body'
  /** A municipality's economic-development office, keeping its sites in the site register. */
  | 'municipality';

export type Role =
  | 'applicant'
  | 'case_worker'
  | 'supervisor'
  | 'agency_member'
  | 'admin'
  /** An expert of a funding body who scores applications of competitive calls. */
  | 'reviewer'
  /** Keeps the organisation's sites in the brownfield and industrial site register. */
  | 'site_provider';

export type MailStatus = 'queued' | 'stored' | 'sent' | 'failed';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  last_login_at: NullableTimestamp;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: Role;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginThrottleTable {
  kind: 'pair' | 'address';
  /** Lower-cased e-mail as typed; '' on address rows. */
  email_key: string;
  ip: string;
  failures: number;
  window_started_at: Timestamp;
  last_failure_at: Timestamp;
  blocked_until: NullableTimestamp;
}

export interface LoginNoticesTable {
  user_id: string;
  sent_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  link: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

export interface AdminEventsTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  details: ColumnType<unknown, string, string>;
  at: CreatedAt;
}

// Intake: competence area of an authority (migration 20261203T0500_competence_area).
export interface OrganisationsTable {
  /** Kreis key (5 digits) or Regierungsbezirk key (3 digits) under the ZustVU NRW; null if unknown. */
  competence_area: ColumnType<string | null, string | null | undefined, string | null>;
}
