/**
 * What the dashboard reads about funding: applications and their decisions from the case tables,
 * money from the budget ledger (funding_ledger_entries: commitments less releases, payments less
 * recoveries), the size class of each grant from the award record, and training bonuses paid from
 * the same ledger. Read-only SQL over the stored rows; amounts stay integer cents.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { cutoffOf } from './stand.ts';

export interface FundingCaseRow {
  id: string;
  reference: string | null;
  programmeId: string;
  /** Kreis key (5 digits) of the applicant's seat as recorded by the stand, or null. */
  kreisKey: string | null;
  submitted: string;
  decided: string | null;
  requestedCents: number;
  committedCents: number;
  paidCents: number;
}

/** Every funding application submitted by the end of the stand day, with its money. */
export async function fundingCases(db: Db, stand: string): Promise<FundingCaseRow[]> {
  const cutoff = cutoffOf(stand);
  const result = await sql<FundingCaseRow>`
    with money as (
      select procedure_id,
        sum(case kind when 'commitment' then amount_cents
                      when 'release' then -amount_cents else 0 end)::bigint as committed,
        sum(case kind when 'payment' then amount_cents
                      when 'recovery' then -amount_cents else 0 end)::bigint as paid
      from funding_ledger_entries
      where procedure_id is not null and recorded_at < ${cutoff}
      group by procedure_id
    ), decided as (
      select procedure_id, min(at) as at
      from procedure_events
      where type = 'grant-decided' and at < ${cutoff}
      group by procedure_id
    ), seat as (
      select distinct on (tenant_id) tenant_id, seat_ags
      from company_profile_versions
      where recorded_at < ${cutoff}
      order by tenant_id, version desc
    )
    select p.id, p.reference, fc.programme_id as "programmeId",
      left(seat.seat_ags, 5) as "kreisKey",
      to_char(p.submitted_at at time zone 'Europe/Berlin', 'YYYY-MM-DD') as submitted,
      to_char(decided.at at time zone 'Europe/Berlin', 'YYYY-MM-DD') as decided,
      fc.requested_cents::bigint as "requestedCents",
      coalesce(money.committed, 0)::bigint as "committedCents",
      coalesce(money.paid, 0)::bigint as "paidCents"
    from procedures p
    join funding_cases fc on fc.procedure_id = p.id
    left join money on money.procedure_id = p.id
    left join decided on decided.procedure_id = p.id
    left join seat on seat.tenant_id = fc.applicant_org_id
    where p.submitted_at < ${cutoff}
    order by p.reference nulls last, p.id`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    requestedCents: Number(r.requestedCents),
    committedCents: Number(r.committedCents),
    paidCents: Number(r.paidCents),
  }));
}

export interface AwardSizeRow {
  reference: string | null;
  programmeId: string;
  size: 'small' | 'medium' | 'large' | null;
  grantedOn: string;
  amountCents: number;
}

/** Grants recorded in the award list by the stand day, with the recipient's size class. */
export async function awardsBySize(db: Db, stand: string): Promise<AwardSizeRow[]> {
  const result = await sql<AwardSizeRow>`
    select a.reference, a.programme_id as "programmeId", a.recipient_size as size,
      to_char(a.granted_on, 'YYYY-MM-DD') as "grantedOn", a.amount_cents::bigint as "amountCents"
    from funding_awards a
    where a.granted_on <= cast(${stand} as date)
    order by a.granted_on, a.id`.execute(db);
  return result.rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}

export interface BonusPaymentRow {
  /** Anonymous running number of the claim (its order of submission), no person. */
  claimSeq: number;
  paidOn: string;
  amountCents: number;
}

/** Training-bonus payments booked on the ledger by the stand day (less recoveries). */
export async function bonusPayments(db: Db, stand: string): Promise<BonusPaymentRow[]> {
  const result = await sql<BonusPaymentRow>`
    select c.seq as "claimSeq",
      to_char(min(e.recorded_at) at time zone 'Europe/Berlin', 'YYYY-MM-DD') as "paidOn",
      sum(case e.kind when 'payment' then e.amount_cents
                      when 'recovery' then -e.amount_cents else 0 end)::bigint as "amountCents"
    from funding_ledger_entries e
    join training_claims c on c.id = e.claim_id
    where e.claim_id is not null and e.kind in ('payment', 'recovery')
      and e.recorded_at < ${cutoffOf(stand)}
    group by c.seq
    having bool_or(e.kind = 'payment')
    order by 2, 1`.execute(db);
  return result.rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}
