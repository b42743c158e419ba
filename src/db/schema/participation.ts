/** Public participation: notices, objections and their grouping, concerns, release, hearing, delivery of the decision. */
import type { ColumnType, Generated } from 'kysely';
import type {
  NullableTimestamp,
  OptionalText,
  ReceiptHashVersionColumn,
  Timestamp,
} from './common.ts';

export interface ParticipationTables {
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

export interface ParticipationTables {
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

export interface ParticipationTables {
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

export interface ParticipationTables {
  decision_deliveries: DecisionDeliveriesTable;
}
