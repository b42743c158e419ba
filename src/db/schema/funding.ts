/** Funding: company profiles, finder alerts, budget ledger, de-minimis aid, training bonus, funding procedures, award list. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from './common.ts';

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

export interface FundingTables {
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

export interface FundingTables {
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
export type LedgerTotal = ColumnType<number, never, never>;

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

export interface FundingTables {
  funding_budget_lines: FundingBudgetLinesTable;
  funding_ledger_entries: FundingLedgerEntriesTable;
  funding_ledger_positions: FundingLedgerPositionsTable;
  de_minimis_aid: DeMinimisAidTable;
  de_minimis_links: DeMinimisLinksTable;
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

export interface FundingTables {
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

export interface FundingTables {
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
