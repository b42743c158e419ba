import type { ColumnType, Generated } from 'kysely';

/** Table types, kept in step with src/db/migrations by hand and checked by the migration test. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

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

export interface ProceduresTable {
  id: Generated<string>;
  tenant_id: string;
  applicant_org_id: string | null;
  /** The Aktenzeichen, given at submission; drafts have none. */
  reference: string | null;
  title: string;
  type_key: string;
  type_version: string;
  step: string;
  state: ColumnType<unknown, string, string>;
  event_count: Generated<number>;
  last_hash: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  application: ColumnType<unknown, string | undefined, string>;
  classification: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  doc_type: string;
  filename: string;
  media_type: string;
  sha256: string;
  size: number;
  trade_secret: Generated<boolean>;
  neutral_summary: string | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  /** 'case': part of the application; 'statement': attachment of an agency statement */
  audience: Generated<string>;
}

export type DeadlineStatus = 'running' | 'met' | 'expired' | 'ended' | 'cancelled';

export interface ProcedureDeadlinesTable {
  procedure_id: string;
  key: string;
  tenant_id: string;
  label: string;
  start_date: string;
  end_date: string;
  status: DeadlineStatus;
  responsible: string;
  effect_on_expiry: string;
  rationale: string;
  citations: ColumnType<string[], string, string>;
  escalated_at: NullableTimestamp;
}

export interface DeadlineEffectsTable {
  procedure_id: string;
  dedupe_key: string;
  tenant_id: string;
  done_at: Timestamp;
}

export interface ProcedureAgenciesTable {
  procedure_id: string;
  agency_org_id: string;
  tenant_id: string;
  asked_at: Timestamp;
  due_date: string;
  status: 'asked' | 'answered' | 'no-comment';
  statement: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
}

export interface AreasTable {
  id: Generated<string>;
  kind: 'acceleration' | 'wind-energy';
  name: string;
  designation: ColumnType<Record<string, unknown>, string, string>;
  geometry: ColumnType<unknown, string, string>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  example: boolean;
  source: string;
  imported_at: CreatedAt;
}

export interface ProcedureEventsTable {
  procedure_id: string;
  seq: number;
  tenant_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string;
  type: string;
  data: ColumnType<unknown, string, never>;
  prev_hash: string | null;
  hash: string;
}

export interface NoticesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  kind: 'application' | 'hearing' | 'decision';
  published_on: string;
  published_at: Timestamp;
  title: string;
  summary: string;
  content: ColumnType<unknown, string, never>;
  body_text: string;
  pdf_sha256: string;
  pdf_size: number;
}

export type ObjectionChannel =
  'web' | 'api' | 'paper' | 'email' | 'signature-list' | 'fax' | 'other';

export interface ObjectionsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  reference: string;
  received_at: Timestamp;
  channel: ObjectionChannel;
  body: string;
  name: string | null;
  address: string | null;
  email: string | null;
  redact_identity: Generated<boolean>;
  late: boolean;
  sha256: string;
  submission_key: string | null;
  external_ref: string | null;
  signatures: Generated<number>;
  entered_by: string | null;
  group_id: string | null;
  redacted_body: string | null;
  redaction_spans: ColumnType<unknown, string | null, string | null>;
  redaction_confirmed_at: NullableTimestamp;
  redaction_confirmed_by: string | null;
}

export interface ObjectionAttachmentsTable {
  objection_id: string;
  position: number;
  tenant_id: string;
  filename: string;
  media_type: string;
  sha256: string;
  size: number;
}

export interface ObjectionGroupsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  origin: 'auto' | 'manual';
  representative_id: string | null;
  confirmed_at: NullableTimestamp;
  confirmed_by: string | null;
  created_at: Timestamp;
}

export interface ObjectionGroupEventsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  group_id: string | null;
  kind: string;
  actor_id: string | null;
  at: Timestamp;
  data: ColumnType<unknown, string, never>;
}

export interface ConcernsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  key: string;
  label: string;
  description: string;
  position: number;
  assessment: string | null;
  assessed_at: NullableTimestamp;
  assessed_by: string | null;
}

export interface ObjectionConcernsTable {
  objection_id: string;
  concern_id: string;
  procedure_id: string;
  tenant_id: string;
  source: 'suggested' | 'confirmed';
  score: Generated<number>;
}

export interface StatementConcernsTable {
  procedure_id: string;
  agency_org_id: string;
  concern_id: string;
  tenant_id: string;
  source: 'suggested' | 'confirmed';
}

export interface HearingNotesTable {
  procedure_id: string;
  concern_id: string;
  tenant_id: string;
  note: string;
}

export interface IntakeRateTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

export interface Database {
  notices: NoticesTable;
  objections: ObjectionsTable;
  objection_attachments: ObjectionAttachmentsTable;
  objection_groups: ObjectionGroupsTable;
  objection_group_events: ObjectionGroupEventsTable;
  concerns: ConcernsTable;
  objection_concerns: ObjectionConcernsTable;
  statement_concerns: StatementConcernsTable;
  hearing_notes: HearingNotesTable;
  intake_rate: IntakeRateTable;
  procedures: ProceduresTable;
  procedure_events: ProcedureEventsTable;
  documents: DocumentsTable;
  procedure_deadlines: ProcedureDeadlinesTable;
  procedure_agencies: ProcedureAgenciesTable;
  deadline_effects: DeadlineEffectsTable;
  areas: AreasTable;
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

/** Receipt hash version and what version 2 covers beyond the shown values (decision 0006). */
export type ReceiptHashVersionColumn = ColumnType<1 | 2, 1 | 2 | undefined, 1 | 2>;
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

// Declaration merging: these columns belong to the tables declared above.
export interface ObjectionsTable {
  receipt_hash_version: ReceiptHashVersionColumn;
  /** The text exactly as received, where it differs from `body` (which is trimmed). */
  received_text: OptionalText;
  /** The proof-of-work challenge the submission spent (one objection per challenge). */
  challenge_id: OptionalText;
}

export interface ObjectionAttachmentsTable {
  /** The file name exactly as sent, where it differs from the cleaned `filename`. */
  name_as_sent: OptionalText;
}

// --- Conditions (Nebenbestimmungen): catalogue per authority and per case ---
export interface ConditionCatalogueTable {
  id: Generated<string>;
  tenant_id: string;
  key: string;
  title: string;
  text: string;
  category: string;
  citation: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export type ConditionSource = 'catalogue' | 'agency' | 'case-worker';
export type ConditionStatus = 'proposed' | 'adopted' | 'rejected';

export interface ProcedureConditionsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  source: ConditionSource;
  catalogue_id: string | null;
  agency_org_id: string | null;
  category: string;
  text: string;
  status: ConditionStatus;
  reason: string | null;
  position: number;
  proposed_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
}

export interface Database {
  condition_catalogue: ConditionCatalogueTable;
  procedure_conditions: ProcedureConditionsTable;
}

// --- Agencies (Träger öffentlicher Belange): directory per authority, verdicts and consents ---
export type AgencyRole =
  | 'municipality'
  | 'nature'
  | 'water'
  | 'monuments'
  | 'aviation'
  | 'military'
  | 'weather'
  | 'roads'
  | 'other';
export type StatementVerdict =
  'no-objection' | 'no-objection-with-conditions' | 'objection' | 'no-comment';
export type ConsentKind = 'municipality' | 'aviation';
export type ConsentStatus = 'requested' | 'given' | 'refused' | 'deemed-given' | 'replaced';

export interface AgencyDirectoryTable {
  tenant_id: string;
  agency_org_id: string;
  role: AgencyRole;
  default_for: ColumnType<string[], string[] | undefined, string[]>;
  example: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProcedureAgenciesTable {
  verdict: ColumnType<StatementVerdict | null, StatementVerdict | null | undefined>;
  consent: ColumnType<ConsentKind | null, ConsentKind | null | undefined>;
  consent_status: ColumnType<ConsentStatus | null, ConsentStatus | null | undefined>;
  consent_due: ColumnType<string | null, string | null | undefined>;
  consent_reasons: ColumnType<string | null, string | null | undefined>;
}

export interface Database {
  agency_directory: AgencyDirectoryTable;
}

// --- Authority master data (Stammdaten), signatories and Aktenzeichen counters ---
type OptionalColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface AuthorityProfilesTable {
  organisation_id: string;
  department: OptionalColumn;
  postal_street: OptionalColumn;
  postal_code: OptionalColumn;
  postal_city: OptionalColumn;
  visiting_street: OptionalColumn;
  visiting_code: OptionalColumn;
  visiting_city: OptionalColumn;
  office_hours: OptionalColumn;
  phone: OptionalColumn;
  email: OptionalColumn;
  website: OptionalColumn;
  logo_sha256: OptionalColumn;
  logo_media_type: ColumnType<
    'image/png' | 'image/svg+xml' | null,
    'image/png' | 'image/svg+xml' | null | undefined,
    'image/png' | 'image/svg+xml' | null
  >;
  bank_holder: OptionalColumn;
  bank_name: OptionalColumn;
  bank_iban: OptionalColumn;
  bank_bic: OptionalColumn;
  reference_pattern: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: OptionalColumn;
}

export interface AuthoritySignatoriesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  function: string;
  active: Generated<boolean>;
  position: number;
}

export interface ReferenceCountersTable {
  tenant_id: string;
  year: number;
  last_number: number;
}

export interface Database {
  authority_profiles: AuthorityProfilesTable;
  authority_signatories: AuthoritySignatoriesTable;
  reference_counters: ReferenceCountersTable;
}

// --- Letters: the authority's texts per letter kind, and each case's letters with sign-off ---
export interface LetterTemplatesTable {
  tenant_id: string;
  kind: string;
  version: number;
  texts: ColumnType<unknown, string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type LetterStatus = 'draft' | 'in-review' | 'signed' | 'delivered' | 'superseded';

export interface LettersTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  kind: string;
  series: Generated<number>;
  version: number;
  status: LetterStatus;
  content: ColumnType<unknown, string, string>;
  signatory_id: string | null;
  signatory: ColumnType<unknown, string | null | undefined, string | null>;
  drafted_by: string;
  drafted_at: Timestamp;
  review_requested_by: string | null;
  review_requested_at: NullableTimestamp;
  reviewer_comment: string | null;
  returned_by: string | null;
  returned_at: NullableTimestamp;
  signed_by: string | null;
  signed_at: NullableTimestamp;
  letter_date: ColumnType<string | null, string | null | undefined, string | null>;
  pdf_sha256: string | null;
  pdf_size: number | null;
  document_id: string | null;
  delivered_by: string | null;
  delivered_at: NullableTimestamp;
  supersedes_id: string | null;
  change_reason: string | null;
}

export interface Database {
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
}

// --- Working on a case: assignment, internal notes, follow-ups (src/procedures/) ---
export interface ProcedureAssignmentsTable {
  procedure_id: string;
  tenant_id: string;
  case_worker_id: string | null;
  deputy_id: string | null;
  assigned_at: Timestamp;
  assigned_by: string | null;
}

export interface ProcedureNotesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
}

export interface ProcedureFollowUpsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  due_date: ColumnType<string, string, string>;
  text: string;
  created_by: string;
  created_at: Timestamp;
  done_at: NullableTimestamp;
  done_by: string | null;
  notified_at: NullableTimestamp;
}

export interface Database {
  procedure_assignments: ProcedureAssignmentsTable;
  procedure_notes: ProcedureNotesTable;
  procedure_follow_ups: ProcedureFollowUpsTable;
}

// Intake: competence area of an authority (migration 20261203T0500_competence_area).
export interface OrganisationsTable {
  /** Kreis key (5 digits) or Regierungsbezirk key (3 digits) under the ZustVU NRW; null if unknown. */
  competence_area: ColumnType<string | null, string | null | undefined, string | null>;
}

// --- Release of objections to the applicant (migration 20261203T1000_release) ---
export interface ObjectionReleasesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  number: number;
  released_at: Timestamp;
  released_by: string;
  objection_count: number;
}

export interface ObjectionReleaseItemsTable {
  release_id: string;
  objection_id: string;
  tenant_id: string;
  reference: string;
  received_at: Timestamp;
  name: string | null;
  address: string | null;
  text: string;
}

export interface Database {
  objection_releases: ObjectionReleasesTable;
  objection_release_items: ObjectionReleaseItemsTable;
}

// --- The hearing (Erörterungstermin, migration 20261203T2100_hearing) ---
export interface HearingsTable {
  procedure_id: string;
  tenant_id: string;
  public_count: Generated<number>;
  minutes_document_id: string | null;
}

export interface HearingAgendaItemsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  position: number;
  concern_id: string | null;
  title: string;
  minutes: Generated<string>;
}

export type HearingAttendeeCategory = 'applicant' | 'objector' | 'agency' | 'authority';

export interface HearingAttendeesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  category: HearingAttendeeCategory;
  name: string;
  objection_id: string | null;
  created_at: Generated<Date>;
}

export interface HearingCommentsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  agenda_item_id: string;
  author_kind: 'applicant' | 'objector' | 'agency';
  objection_id: string | null;
  author_label: string;
  body: string;
  received_on: ColumnType<string, string, string>;
  entered_by: string;
  created_at: Generated<Date>;
}

export interface HearingMinutesCopiesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  objection_id: string;
  requested_on: ColumnType<string, string, string>;
  channel: 'mail' | 'letter';
  sent_at: Timestamp;
  sent_by: string;
}

export interface Database {
  hearings: HearingsTable;
  hearing_agenda_items: HearingAgendaItemsTable;
  hearing_attendees: HearingAttendeesTable;
  hearing_comments: HearingCommentsTable;
  hearing_minutes_copies: HearingMinutesCopiesTable;
}

// --- Intake: § 17 VwVfG representatives and plausibility (migration 20261203T2000_intake_representatives) ---
export type EarlyIntake = 'before-notice' | 'before-display';

export interface ObjectionsTable {
  representative_name: OptionalText;
  representative_profession: OptionalText;
  representative_address: OptionalText;
  disregard_decision: ColumnType<
    'disregard' | 'consider' | null,
    'disregard' | 'consider' | null | undefined,
    'disregard' | 'consider' | null
  >;
  disregard_reason: OptionalText;
  disregard_decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  disregard_decided_by: OptionalText;
  early: ColumnType<EarlyIntake | null, EarlyIntake | null | undefined, EarlyIntake | null>;
  signatures_confirmed: ColumnType<boolean, boolean | undefined, boolean>;
}

// --- Delivery of the decision (migration 20261203T2200_decision_delivery) ---
export type DeliveryRecipientKind = 'applicant' | 'objector' | 'representative';
export type DeliveryChannel = 'portal' | 'mail' | 'letter' | 'public-notice';

export interface DecisionDeliveriesTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  recipient_kind: DeliveryRecipientKind;
  objection_id: string | null;
  represents: number;
  name: string | null;
  address: string | null;
  email: string | null;
  channel: DeliveryChannel;
  mail_id: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  delivered_on: ColumnType<string, string, string>;
}

export interface Database {
  decision_deliveries: DecisionDeliveriesTable;
}

// --- Background work on a procedure and its progress (migration 20261203T2300_work_jobs) ---
export type WorkJobState = 'queued' | 'running' | 'done' | 'failed';

export interface WorkJobsTable {
  id: Generated<string>;
  tenant_id: string;
  procedure_id: string;
  kind: string;
  params: ColumnType<unknown, string | undefined, string>;
  state: WorkJobState;
  phase: string | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  requested_by: string | null;
  requested_at: Timestamp;
  started_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  error_message: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  result_sha256: string | null;
  result_name: string | null;
  result_type: string | null;
  result_size: ColumnType<string | null, number | null | undefined, number | null>;
}

export interface ObjectionRedactionProposalsTable {
  objection_id: string;
  procedure_id: string;
  tenant_id: string;
  spans: ColumnType<unknown, string, string>;
  span_count: number;
  computed_at: Timestamp;
}

export interface Database {
  work_jobs: WorkJobsTable;
  objection_redaction_proposals: ObjectionRedactionProposalsTable;
}

// --- Company profile, "tell us once" (migration 20261204T0100_company_profiles) ---
export type CompanyLegalForm =
  | 'gmbh'
  | 'gmbh-co-kg'
  | 'ag'
  | 'kg'
  | 'ohg'
  | 'ek'
  | 'gbr'
  | 'eg'
  | 'ug'
  | 'einzelunternehmen'
  | 'other';

/** Immutable: every save inserts a new version (an update trigger refuses changes). */
export interface CompanyProfileVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  version: number;
  valid_from: ColumnType<string, string, never>;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
  recorded_by: string | null;
  legal_form: CompanyLegalForm;
  legal_form_other: string | null;
  register_court: string | null;
  register_number: string | null;
  nace_code: string;
  seat_ags: string;
  /** numeric(12,2), read as text to keep it exact. */
  staff_awu: ColumnType<string, string, never>;
  /** bigint (read as a number by the pg type parser in database.ts). */
  turnover_cents: ColumnType<number | null, number | null, never>;
  balance_sheet_cents: ColumnType<number | null, number | null, never>;
  figures_year: number;
  crafts_chamber_member: boolean;
  crafts_trade: string | null;
  public_bodies_share_ppm: number | null;
  undertaking_in_difficulty: boolean | null;
}

export interface CompanyProfileRelationsTable {
  id: Generated<string>;
  tenant_id: string;
  version_id: string;
  kind: 'partner' | 'linked';
  position: number;
  name: string;
  share_ppm: number;
  staff_awu: ColumnType<string, string, never>;
  turnover_cents: ColumnType<number | null, number | null, never>;
  balance_sheet_cents: ColumnType<number | null, number | null, never>;
}

export interface Database {
  company_profile_versions: CompanyProfileVersionsTable;
  company_profile_relations: CompanyProfileRelationsTable;
}

// --- Förderfinder e-mail alerts (migration 20261204T0200_funding_alerts) ---
export interface FundingAlertsTable {
  id: Generated<string>;
  /** The company organisation. */
  tenant_id: string;
  created_by: string;
  label: string;
  answers: ColumnType<unknown, string, string>;
  filters: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  last_checked_at: NullableTimestamp;
}

export interface FundingAlertDeliveriesTable {
  alert_id: string;
  tenant_id: string;
  version_id: string;
  eligibility: 'eligible' | 'need-info';
  mail_id: string | null;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  funding_alerts: FundingAlertsTable;
  funding_alert_deliveries: FundingAlertDeliveriesTable;
}

// --- Funding: budget ledger and de-minimis aid (migration 20261205T0100_funding_ledger) ---
export type LedgerEntryKind = 'appropriation' | 'commitment' | 'release' | 'payment' | 'recovery';
export type DeMinimisSource = 'granted' | 'declared';
export type DeMinimisRegulation =
  '2023/2831' | '1407/2013' | '2023/2832' | '360/2012' | '1408/2013' | '717/2014';
export type AidInstrument = 'grant' | 'loan' | 'guarantee' | 'tax' | 'equity' | 'other';
/** Totals that only the ledger trigger writes. */
type LedgerTotal = ColumnType<number, never, never>;

export interface FundingBudgetLinesTable {
  id: Generated<string>;
  tenant_id: string;
  programme_id: string;
  budget_line: string;
  year: number;
  label: string | null;
  appropriated_cents: LedgerTotal;
  committed_cents: LedgerTotal;
  paid_cents: LedgerTotal;
  recovered_cents: LedgerTotal;
  created_at: CreatedAt;
  created_by: string | null;
  /** The call this line funds: single-stage, or two-stage with reviewers (migration 20261206T0000). */
  call_mode: Generated<FundingCallMode>;
  call_open_until: string | null;
}

export interface FundingLedgerEntriesTable {
  id: Generated<string>;
  tenant_id: string;
  line_id: string;
  kind: LedgerEntryKind;
  amount_cents: number;
  procedure_id: string | null;
  reason: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface FundingLedgerPositionsTable {
  line_id: string;
  tenant_id: string;
  procedure_id: string | null;
  committed_cents: LedgerTotal;
  released_cents: LedgerTotal;
  paid_cents: LedgerTotal;
  recovered_cents: LedgerTotal;
}

export interface DeMinimisAidTable {
  id: Generated<string>;
  tenant_id: string;
  source: DeMinimisSource;
  recipient_name: string | null;
  granting_body: string;
  funding_body_id: string | null;
  procedure_id: string | null;
  granted_on: string;
  amount_cents: number;
  regulation: DeMinimisRegulation;
  aid_instrument: AidInstrument;
  nace_code: string | null;
  reference: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface DeMinimisLinksTable {
  tenant_id: string;
  linked_organisation_id: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface Database {
  funding_budget_lines: FundingBudgetLinesTable;
  funding_ledger_entries: FundingLedgerEntriesTable;
  funding_ledger_positions: FundingLedgerPositionsTable;
  de_minimis_aid: DeMinimisAidTable;
  de_minimis_links: DeMinimisLinksTable;
}

// --- Funding: heat-pump training bonus claims and payment runs (migration 20261205T0200_training_bonus) ---
export type TrainingRole = 'technical-manager' | 'planner' | 'fitter' | 'other';
export type TrainingClaimStatus =
  'submitted' | 'qa' | 'awaiting-funds' | 'approved' | 'refused' | 'paid';
export type PaymentRunStatus = 'created' | 'confirmed' | 'cancelled';

export interface TrainingCoursesTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  title: string;
  provider: string;
  standard: 'vdi-4645' | 'equivalent';
  days: number;
  active: Generated<boolean>;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface TrainingBonusSettingsTable {
  tenant_id: string;
  qa_sample_permille: Generated<number>;
  debtor_name: string;
  debtor_iban: string;
  debtor_bic: string;
}

export interface TrainingClaimsTable {
  id: Generated<string>;
  tenant_id: string;
  company_id: string;
  submitted_by: string | null;
  submitted_at: CreatedAt;
  /** Identity column: the order of submission. */
  seq: ColumnType<number, never, never>;
  person_key: string;
  employee_name: string;
  role: TrainingRole;
  course_id: string;
  course_start: ColumnType<string, string, string>;
  course_end: ColumnType<string, string, string>;
  training_days: number;
  iban: string;
  bic: string | null;
  account_holder: string;
  status: Generated<TrainingClaimStatus>;
  requested_cents: number;
  granted_cents: number | null;
  cap_cents: number;
  checks: ColumnType<unknown, string | null | undefined, string | null>;
  checked_at: NullableTimestamp;
  sampled: Generated<boolean>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
}

/** Sums kept by the trigger on training_claims (bigint, read as numbers). */
export interface TrainingPersonLedgerTable {
  tenant_id: string;
  person_key: string;
  cap_cents: number;
  committed_cents: ColumnType<number, never, never>;
  paid_cents: ColumnType<number, never, never>;
}

export interface TrainingClaimEventsTable {
  id: Generated<string>;
  tenant_id: string;
  claim_id: string;
  kind: 'approved-by-hand' | 'refused-by-hand' | 'paid';
  reason: string | null;
  passed_by_hand: ColumnType<string[], string[] | undefined, never>;
  actor_id: string | null;
  actor_name: string;
  at: CreatedAt;
}

export interface TrainingPaymentRunsTable {
  id: Generated<string>;
  tenant_id: string;
  month: string;
  status: Generated<PaymentRunStatus>;
  message_id: string;
  execution_date: ColumnType<string, string, never>;
  item_count: number;
  total_cents: number;
  pain_xml: string;
  pain_sha256: string;
  created_by: string | null;
  created_at: CreatedAt;
  confirmed_by: string | null;
  confirmed_at: NullableTimestamp;
}

export interface TrainingPaymentItemsTable {
  id: Generated<string>;
  tenant_id: string;
  run_id: string;
  claim_id: string;
  amount_cents: number;
  end_to_end_id: string;
  confirmed: Generated<boolean>;
}

export interface Database {
  training_courses: TrainingCoursesTable;
  training_bonus_settings: TrainingBonusSettingsTable;
  training_claims: TrainingClaimsTable;
  training_person_ledger: TrainingPersonLedgerTable;
  training_claim_events: TrainingClaimEventsTable;
  training_payment_runs: TrainingPaymentRunsTable;
  training_payment_items: TrainingPaymentItemsTable;
}

// --- Funding procedures on the case layer (migration 20261206T0000_funding_procedures) ---
export type FundingCallMode = 'single' | 'two-stage-competitive';
export type PaymentRequestStatus = 'requested' | 'paid' | 'rejected';

export interface FundingCasesTable {
  procedure_id: string;
  tenant_id: string;
  applicant_org_id: string;
  line_id: string;
  programme_id: string;
  programme_version: string;
  measure_id: string;
  requested_cents: number;
  eligible_cents: number;
  granted_cents: ColumnType<number | null, number | null | undefined, number | null>;
  granted_on: string | null;
  period_start: string | null;
  period_end: string | null;
  recovery_cents: ColumnType<number | null, number | null | undefined, number | null>;
  interest_cents: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface FundingPaymentRequestsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  number: number;
  amount_cents: number;
  needed_by: string;
  purpose: string;
  status: Generated<PaymentRequestStatus>;
  requested_on: string;
  decided_on: string | null;
  decision_reason: string | null;
}

export interface FundingProofsTable {
  id: Generated<string>;
  procedure_id: string;
  tenant_id: string;
  submitted_on: string;
  report: string;
  spent: ColumnType<Record<string, number>, string, string>;
  spent_total_cents: number;
  own_funds_cents: number;
  other_aid_cents: number;
  submitted_by: string | null;
}

export interface FundingReviewsTable {
  procedure_id: string;
  tenant_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  assigned_at: Generated<Date>;
  conflict: boolean | null;
  conflict_note: string | null;
  score: number | null;
  comment: string | null;
  submitted_at: Date | null;
}

export interface Database {
  funding_cases: FundingCasesTable;
  funding_payment_requests: FundingPaymentRequestsTable;
  funding_proofs: FundingProofsTable;
  funding_reviews: FundingReviewsTable;
}

// --- Funding: public award list (migration 20261206T0100_funding_awards) ---
export type AwardRecipientSize = 'small' | 'medium' | 'large';

export interface FundingAwardsTable {
  id: Generated<string>;
  tenant_id: string;
  procedure_id: string | null;
  recipient_org_id: string | null;
  recipient_name: string;
  recipient_natural_person: Generated<boolean>;
  recipient_ags: string | null;
  recipient_size: AwardRecipientSize | null;
  nace_code: string | null;
  programme_id: string;
  programme_title: string;
  aid_basis: string;
  aid_instrument: AidInstrument;
  amount_cents: number;
  granted_on: ColumnType<string, string, never>;
  purpose: string;
  reference: string | null;
  recorded_at: CreatedAt;
  /** Null: recorded, not published (below the threshold of Art. 9 (1) (c) AGVO). */
  published_from: NullableTimestamp;
}

export interface Database {
  funding_awards: FundingAwardsTable;
}

// --- Funding: training bonus on the budget ledger and in the de-minimis record (migration 20261206T0200_bonus_ledger) ---
/** A movement is booked for a procedure or for a training-bonus claim, never both. */
export interface FundingLedgerEntriesTable {
  claim_id: string | null;
}

export interface FundingLedgerPositionsTable {
  claim_id: string | null;
}

export interface DeMinimisAidTable {
  claim_id: string | null;
}

// --- Site register: brownfield and industrial sites (migration 20261207T0100_sites) ---
export type SiteOwnership = 'municipal' | 'private' | 'public-other' | 'mixed';
export type SitePlanningStatus =
  'binding-plan' | 'plan-in-preparation' | 'land-use-plan' | 'section-34' | 'none';
export type SiteZoning = 'GI' | 'GE' | 'SO' | 'MI' | 'other' | 'none';
export type SiteContamination = 'none' | 'remediated' | 'suspected' | 'contaminated' | 'unknown';
export type SiteMiningSupervision = 'never' | 'released' | 'under';
export type SiteGridConnection = 'available' | 'planned' | 'none' | 'unknown';
export type SiteReadiness = 'immediate' | 'short-term' | 'medium-term' | 'long-term';

export interface SitesTable {
  id: Generated<string>;
  tenant_id: string;
  reference: string;
  name: string;
  geometry: ColumnType<GeoJSON.Geometry, string, string>;
  centre_lon: number;
  centre_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  geometry_ha: number | null;
  ags: string | null;
  gemeinde: string | null;
  gross_ha: number;
  net_ha: number | null;
  ownership: SiteOwnership;
  planning_status: SitePlanningStatus;
  zoning: SiteZoning;
  contamination: SiteContamination;
  mining_supervision: SiteMiningSupervision;
  grid_connection: SiteGridConnection;
  hydrogen_distance_km: number | null;
  readiness: SiteReadiness;
  available_from: ColumnType<string | null, string | null | undefined, string | null>;
  contact: string;
  start_date: ColumnType<string, string, string>;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: string | null;
  example: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SiteProblemsTable {
  id: Generated<string>;
  tenant_id: string;
  site_id: string;
  rule: string;
  message: string;
  detected_at: CreatedAt;
}

export interface Database {
  sites: SitesTable;
  site_problems: SiteProblemsTable;
}

// --- Monitoring dashboard: imported statistics with provenance (migration 20261207T0300_dashboard_imports) ---
export interface DashboardImportsTable {
  id: Generated<string>;
  indicator_id: string;
  source: string;
  source_url: string | null;
  licence: string;
  file_sha256: string;
  row_count: number;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DashboardImportValuesTable {
  import_id: string;
  line: number;
  period: ColumnType<string, string, never>;
  category: string;
  /** numeric(20,6), read as text to keep it exact. */
  value: ColumnType<string, string, never>;
}

export interface Database {
  dashboard_imports: DashboardImportsTable;
  dashboard_import_values: DashboardImportValuesTable;
}

// --- Registers: stored geodata layers (migration 20261207T0200_geo_features) ---
/** One feature of a layer loaded from published files; `bbox` is a PostgreSQL box ("(x2,y2),(x1,y1)"). */
export interface GeoFeaturesTable {
  layer: string;
  feature_id: string;
  position: number;
  properties: ColumnType<Record<string, string | number | boolean | null>, string, string>;
  geometry: ColumnType<GeoJSON.Geometry, string, string>;
  bbox: ColumnType<string, never, never>;
}

export interface GeoLayerLoadsTable {
  layer: string;
  content_hash: string;
  feature_count: number;
  /** Set again on every reload. */
  loaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  geo_features: GeoFeaturesTable;
  geo_layer_loads: GeoLayerLoadsTable;
}

// --- Registers: versioned wind-energy areas (migration 20261207T0000_wind_areas) ---
/** One import of the area register: a dated version (Stand). */
export interface AreaImportsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  effective_on: ColumnType<string, string, never>;
  mode: 'add' | 'replace';
  /** Planning regions whose earlier areas this version ended (mode 'replace'). */
  replaced_regions: ColumnType<string[], string[] | undefined, never>;
  source: string;
  note: string | null;
  area_count: number;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  imported_by: string | null;
  imported_at: CreatedAt;
}

/** Hectares of designated area per Gemeinde in one version (overlaps counted once). */
export interface AreaStatisticsTable {
  import_id: string;
  ags: string;
  in_force_ha: number;
  with_drafts_ha: number;
}

export interface AreasTable {
  import_id: string;
  ended_by: ColumnType<string | null, string | null | undefined, string | null>;
  planning_region: ColumnType<string | null, string | null | undefined, never>;
  legal_status: ColumnType<'draft' | 'in-force', 'draft' | 'in-force' | undefined, never>;
  plan_source: ColumnType<string | null, string | null | undefined, never>;
  plan_date: ColumnType<string | null, string | null | undefined, never>;
  rotor_rule: ColumnType<'rotor-out' | 'rotor-in', 'rotor-out' | 'rotor-in' | undefined, never>;
  area_ha: ColumnType<number | null, number | null | undefined, never>;
  counted_ha: ColumnType<number | null, number | null | undefined, never>;
  counted_geometry: ColumnType<unknown, string | null | undefined, never>;
}

export interface Database {
  area_imports: AreaImportsTable;
  area_statistics: AreaStatisticsTable;
}
