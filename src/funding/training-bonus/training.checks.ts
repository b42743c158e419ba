import { sql, type Kysely } from 'kysely';
import type { Database, TrainingClaimStatus } from '../../db/schema.ts';
import { CAP_PER_PERSON_CENTS, ELIGIBLE_ROLES } from './training.rules.ts';

/**
 * The automated checks of the training bonus, set-based: ONE statement checks every submitted
 * claim of a funding body, however many, and records a result per check on each claim. The
 * guideline's conditions (progres.nrw Klimaschutztechnik, Bildungsprämie Wärmepumpe; see
 * src/law/funding/programmes/progres-klimaschutztechnik.ts):
 * - seat in North Rhine-Westphalia (AGS 05…) and membership of a chamber of crafts, from the
 *   company profile as it stood when the claim was submitted;
 * - trade SHK or refrigeration / air-conditioning (Anlage A HwO);
 * - role: technical managers and planning staff, not site fitters;
 * - course on the funding body's list (and not more days than the course has);
 * - cap per employee across all claims and employers: reduced to what is left, the computation
 *   recorded; nothing left → refused;
 * - duplicate (same person, course and dates as an earlier claim that was not refused) → refused;
 * - bank details changed since the firm's previous claim (a common fraud pattern) → manual QA.
 * Claims passing everything wait for their funds ('awaiting-funds'; training.funds.ts binds
 * them on the budget line in the same transaction and approves them), except a deterministic
 * sample (by a hash of the claim id) that goes to manual QA. Runs under a per-funding-body advisory lock so two check runs never
 * hand out the same headroom; the ledger's check constraint refuses it anyway.
 */
export type CheckId =
  | 'seat-in-nrw'
  | 'crafts-chamber'
  | 'trade'
  | 'role'
  | 'course'
  | 'cap'
  | 'duplicate'
  | 'bank-details'
  | 'de-minimis';

export type CheckOutcome = 'passed' | 'failed' | 'reduced' | 'passed-by-hand';

export interface CheckResult {
  id: CheckId;
  outcome: CheckOutcome;
  /** Figures or facts the check used (rendered by the views). */
  facts?: Record<string, string | number | boolean | null>;
}

export const CHECK_LABELS: Readonly<Record<CheckId, string>> = {
  'seat-in-nrw': 'Sitz in Nordrhein-Westfalen',
  'crafts-chamber': 'Mitglied einer Handwerkskammer',
  trade: 'Gewerk SHK oder Kälte-/Klimaanlagenbau',
  role: 'Technische Führungskraft oder Planung (keine Montage)',
  course: 'Kurs auf der Kursliste der Förderstelle',
  cap: 'Höchstbetrag je Beschäftigtem (alle Anträge und Arbeitgeber)',
  duplicate: 'Kein doppelter Antrag (Person, Kurs, Daten)',
  'bank-details': 'Bankverbindung unverändert seit dem letzten Antrag',
  'de-minimis': 'De-minimis-Höchstbetrag des Unternehmens (VO (EU) 2023/2831)',
};

export interface CheckRunResult {
  checked: number;
  byStatus: Partial<Record<TrainingClaimStatus, number>>;
}

/** Lock key of a funding body's check and payment work (transaction-scoped advisory lock). */
export async function lockTrainingBonus(trx: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('training-bonus'), hashtext(${tenantId}))`.execute(
    trx,
  );
}

/**
 * Checks every submitted claim of the funding body (or only `claimIds`). The caller owns the
 * transaction; nothing is committed here.
 */
export async function runTrainingChecks(
  trx: Kysely<Database>,
  options: { tenantId: string; now: Date; claimIds?: readonly string[] },
): Promise<CheckRunResult> {
  await lockTrainingBonus(trx, options.tenantId);
  const settings = await trx
    .selectFrom('training_bonus_settings')
    .select('qa_sample_permille')
    .where('tenant_id', '=', options.tenantId)
    .executeTakeFirst();
  const permille = settings?.qa_sample_permille ?? 50;
  const onlyIds = options.claimIds ? sql`and c.id = any(${[...options.claimIds]}::uuid[])` : sql``;
  const rows = await sql<{ status: TrainingClaimStatus; n: number }>`
    with batch as (
      select c.* from training_claims c
      where c.tenant_id = ${options.tenantId} and c.status = 'submitted' ${onlyIds}
    ),
    firms as (select distinct company_id, submitted_at from batch),
    profile as (
      select f.company_id, f.submitted_at, p.seat_ags, p.crafts_chamber_member, p.crafts_trade,
        p.version
      from firms f
      left join lateral (
        select v.seat_ags, v.crafts_chamber_member, v.crafts_trade, v.version
        from company_profile_versions v
        where v.tenant_id = f.company_id and v.recorded_at <= f.submitted_at
          and v.valid_from <= (f.submitted_at at time zone 'Europe/Berlin')::date
        order by v.valid_from desc, v.version desc
        limit 1
      ) p on true
    ),
    history as (
      select h.id, lag(h.iban) over w as prev_iban
      from training_claims h
      where h.company_id in (select company_id from firms)
      window w as (partition by h.company_id order by h.seq)
    ),
    facts as (
      select b.id, b.seq, b.person_key, b.submitted_at, b.requested_cents, b.iban, b.bic, b.role,
        b.training_days, p.seat_ags, p.crafts_chamber_member, p.crafts_trade, p.version,
        co.code as course_code, co.active as course_active, co.days as course_days,
        hi.prev_iban,
        (select o.id from training_claims o
          where o.tenant_id = b.tenant_id and o.person_key = b.person_key
            and o.course_id = b.course_id and o.course_start = b.course_start
            and o.course_end = b.course_end and o.status <> 'refused'
            and o.seq < b.seq
          limit 1) as earlier_claim
      from batch b
      join profile p on p.company_id = b.company_id and p.submitted_at = b.submitted_at
      join training_courses co on co.id = b.course_id
      join history hi on hi.id = b.id
    ),
    capped as (
      select f.*, coalesce(l.committed_cents, 0) as held,
        case when f.earlier_claim is null then
          coalesce(sum(f.requested_cents) filter (where f.earlier_claim is null) over (
            partition by f.person_key order by f.seq
            rows between unbounded preceding and 1 preceding), 0)
        else 0 end as before_in_batch
      from facts f
      left join training_person_ledger l
        on l.tenant_id = ${options.tenantId} and l.person_key = f.person_key
    ),
    outcome as (
      select c.*,
        case when c.earlier_claim is not null then 0
          else greatest(0, least(c.requested_cents,
            ${CAP_PER_PERSON_CENTS}::bigint - c.held - c.before_in_batch))::int
        end as granted,
        coalesce(c.seat_ags like '05%', false) as seat_ok,
        coalesce(c.crafts_chamber_member, false) as chamber_ok,
        coalesce(c.crafts_trade in ('shk', 'kaelte-klima'), false) as trade_ok,
        c.role = any(${[...ELIGIBLE_ROLES]}::text[]) as role_ok,
        c.course_active and c.training_days <= c.course_days as course_ok,
        c.prev_iban is null or c.prev_iban = c.iban as bank_ok,
        (('x' || substr(md5(c.id::text), 1, 8))::bit(32)::bigint % 1000) < ${permille} as sampled
      from capped c
    ),
    decided as (
      select o.*,
        case
          when o.earlier_claim is not null or o.granted = 0 then 'refused'
          when not (o.seat_ok and o.chamber_ok and o.trade_ok and o.role_ok and o.course_ok
            and o.bank_ok) or o.sampled then 'qa'
          else 'awaiting-funds'
        end as new_status
      from outcome o
    ),
    updated as (
      update training_claims t set
        status = d.new_status,
        granted_cents = d.granted,
        sampled = d.sampled,
        checked_at = ${options.now}::timestamptz,
        decided_at = case when d.new_status = 'refused' then ${options.now}::timestamptz end,
        decision_reason = case
          when d.earlier_claim is not null then 'Automatisch abgelehnt: doppelter Antrag (gleiche Person, gleicher Kurs, gleiche Daten).'
          when d.granted = 0 then 'Automatisch abgelehnt: Der Höchstbetrag je Beschäftigtem ist ausgeschöpft.'
          when d.new_status = 'awaiting-funds' then 'Alle Prüfungen bestanden; die Haushaltsmittel werden gebunden.'
        end,
        checks = jsonb_build_array(
          jsonb_build_object('id', 'seat-in-nrw',
            'outcome', case when d.seat_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('seatAgs', d.seat_ags, 'profileVersion', d.version)),
          jsonb_build_object('id', 'crafts-chamber',
            'outcome', case when d.chamber_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('member', d.crafts_chamber_member)),
          jsonb_build_object('id', 'trade',
            'outcome', case when d.trade_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('trade', d.crafts_trade)),
          jsonb_build_object('id', 'role',
            'outcome', case when d.role_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('role', d.role)),
          jsonb_build_object('id', 'course',
            'outcome', case when d.course_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('course', d.course_code, 'active', d.course_active,
              'courseDays', d.course_days, 'claimedDays', d.training_days)),
          jsonb_build_object('id', 'cap',
            'outcome', case when d.earlier_claim is not null then 'passed'
              when d.granted = 0 then 'failed'
              when d.granted < d.requested_cents then 'reduced' else 'passed' end,
            'facts', jsonb_build_object('requestedCents', d.requested_cents,
              'capCents', ${CAP_PER_PERSON_CENTS}::int, 'heldBeforeCents', d.held,
              'earlierInBatchCents', d.before_in_batch, 'grantedCents', d.granted)),
          jsonb_build_object('id', 'duplicate',
            'outcome', case when d.earlier_claim is null then 'passed' else 'failed' end,
            'facts', jsonb_build_object('earlierClaim', d.earlier_claim)),
          jsonb_build_object('id', 'bank-details',
            'outcome', case when d.bank_ok then 'passed' else 'failed' end,
            'facts', jsonb_build_object('firstClaim', d.prev_iban is null,
              'previousIbanEnd', right(d.prev_iban, 4)))
        )
      from decided d
      where t.id = d.id
      returning t.status
    )
    select status, count(*)::int as n from updated group by status
  `.execute(trx);
  const byStatus: Partial<Record<TrainingClaimStatus, number>> = {};
  let checked = 0;
  for (const r of rows.rows) {
    byStatus[r.status] = r.n;
    checked += r.n;
  }
  return { checked, byStatus };
}
