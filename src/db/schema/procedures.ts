/** The case layer: procedures, their events, documents, deadlines, agencies, conditions, authority master data, letters, casework and background work. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './common.ts';

export interface ProcedureTables {
  procedures: ProceduresTable;
  procedure_events: ProcedureEventsTable;
  documents: DocumentsTable;
  procedure_deadlines: ProcedureDeadlinesTable;
  procedure_agencies: ProcedureAgenciesTable;
  deadline_effects: DeadlineEffectsTable;
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

export interface ProcedureTables {
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

export interface ProcedureTables {
  agency_directory: AgencyDirectoryTable;
}

// --- Authority master data (Stammdaten), signatories and Aktenzeichen counters ---
export type OptionalColumn = ColumnType<string | null, string | null | undefined, string | null>;

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

export interface ProcedureTables {
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

export interface ProcedureTables {
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

export interface ProcedureTables {
  procedure_assignments: ProcedureAssignmentsTable;
  procedure_notes: ProcedureNotesTable;
  procedure_follow_ups: ProcedureFollowUpsTable;
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

export interface ProcedureTables {
  work_jobs: WorkJobsTable;
  objection_redaction_proposals: ObjectionRedactionProposalsTable;
}
