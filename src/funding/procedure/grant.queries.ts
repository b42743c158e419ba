/**
 * Reading a funding case: the case row (shared case layer) with its funding figures, payment
 * requests, proofs and the last recorded proposal and proof assessment (event data).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, FundingCallMode } from '../../db/schema.ts';
import type { GrantProposal, ProofAssessment } from './grant.types.ts';

type Handle = Db | Transaction<Database>;

export interface FundingCaseFigures {
  lineId: string;
  programmeId: string;
  programmeVersion: string;
  measureId: string;
  requestedCents: number;
  eligibleCents: number;
  grantedCents: number | null;
  grantedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  recoveryCents: number | null;
  interestCents: number | null;
  callMode: FundingCallMode;
  budgetLine: string;
  year: number;
}

export async function fundingFigures(
  db: Handle,
  procedureId: string,
): Promise<FundingCaseFigures | undefined> {
  const row = await db
    .selectFrom('funding_cases as f')
    .innerJoin('funding_budget_lines as l', 'l.id', 'f.line_id')
    .select([
      'f.line_id',
      'f.programme_id',
      'f.programme_version',
      'f.measure_id',
      'f.requested_cents',
      'f.eligible_cents',
      'f.granted_cents',
      'f.granted_on',
      'f.period_start',
      'f.period_end',
      'f.recovery_cents',
      'f.interest_cents',
      'l.call_mode',
      'l.budget_line',
      'l.year',
    ])
    .where('f.procedure_id', '=', procedureId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    lineId: row.line_id,
    programmeId: row.programme_id,
    programmeVersion: row.programme_version,
    measureId: row.measure_id,
    requestedCents: Number(row.requested_cents),
    eligibleCents: Number(row.eligible_cents),
    grantedCents: row.granted_cents === null ? null : Number(row.granted_cents),
    grantedOn: row.granted_on,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    recoveryCents: row.recovery_cents === null ? null : Number(row.recovery_cents),
    interestCents: row.interest_cents === null ? null : Number(row.interest_cents),
    callMode: row.call_mode,
    budgetLine: row.budget_line,
    year: row.year,
  };
}

/** The data of the newest audit event of a type, or undefined. */
export async function latestEventData<T>(
  db: Handle,
  procedureId: string,
  type: string,
): Promise<T | undefined> {
  const row = await db
    .selectFrom('procedure_events')
    .select('data')
    .where('procedure_id', '=', procedureId)
    .where('type', '=', type)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.data as T) : undefined;
}

export async function latestProposal(db: Handle, procedureId: string) {
  // The event's data is the proposal itself (GrantProposal).
  return latestEventData<GrantProposal>(db, procedureId, 'assessment-completed');
}

export async function latestProofAssessment(db: Handle, procedureId: string) {
  // The event's data is the assessment itself (ProofAssessment).
  return latestEventData<ProofAssessment>(db, procedureId, 'proof-assessed');
}

export async function paymentRequests(db: Handle, procedureId: string) {
  const rows = await db
    .selectFrom('funding_payment_requests')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, amount_cents: Number(r.amount_cents) }));
}

export type PaymentRequestRow = Awaited<ReturnType<typeof paymentRequests>>[number];

export async function latestProof(db: Handle, procedureId: string) {
  const row = await db
    .selectFrom('funding_proofs')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('submitted_on', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        ...row,
        spent: row.spent,
        spent_total_cents: Number(row.spent_total_cents),
        own_funds_cents: Number(row.own_funds_cents),
        other_aid_cents: Number(row.other_aid_cents),
      }
    : undefined;
}

/** What the ledger shows for the case: committed (gross), released, paid, recovered. */
export async function ledgerPosition(db: Handle, procedureId: string) {
  const row = await db
    .selectFrom('funding_ledger_positions')
    .select(['committed_cents', 'released_cents', 'paid_cents', 'recovered_cents'])
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  return {
    committedCents: Number(row?.committed_cents ?? 0),
    releasedCents: Number(row?.released_cents ?? 0),
    paidCents: Number(row?.paid_cents ?? 0),
    recoveredCents: Number(row?.recovered_cents ?? 0),
  };
}
