/** Heat-pump training bonus: courses, claims, the per-person ledger, payment runs. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from './common.ts';

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

export interface TrainingBonusTables {
  training_courses: TrainingCoursesTable;
  training_bonus_settings: TrainingBonusSettingsTable;
  training_claims: TrainingClaimsTable;
  training_person_ledger: TrainingPersonLedgerTable;
  training_claim_events: TrainingClaimEventsTable;
  training_payment_runs: TrainingPaymentRunsTable;
  training_payment_items: TrainingPaymentItemsTable;
}
