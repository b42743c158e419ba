import { sql, type Kysely } from 'kysely';

// The heat-pump training bonus on the budget ledger and in the de-minimis record.
//
// A bonus claim is not a procedure, yet its money must obey the same limits: an approved claim
// binds funds on the budget line of the programme (commitment), a confirmed payment run pays it
// (payment). The ledger therefore books a movement either for a procedure or for a claim, never
// both; the position (running totals, CHECK limits) is kept per procedure or per claim by the
// same trigger, so "never over-commit" (line) and "never pay more than committed" (position)
// hold for bonuses unchanged (the line's totals take a claim's movements once per statement,
// see below). On top, a claim has at most one commitment and one payment
// (unique index), so a retried run can post nothing twice, and one position, i.e. one line.
//
// A claim that passed every check but found no money on the line waits in the new status
// 'awaiting-funds' (still held against the employee's cap). Claims that were approved before
// this migration have no commitment yet; they wait as well and are bound by the next binding.
// De-minimis aid granted by a claim names the claim (at most one record per claim).
// Migrations never import app code (style.md rule 11).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table training_claims drop constraint training_claims_status_check,
    add constraint training_claims_status_check
      check (status in ('submitted', 'qa', 'awaiting-funds', 'approved', 'refused', 'paid')),
    drop constraint training_claims_amount_when_held,
    add constraint training_claims_amount_when_held
      check (status not in ('qa', 'awaiting-funds', 'approved', 'paid') or granted_cents > 0)`.execute(
    db,
  );
  await trainingLedgerFunction(db, `('qa', 'awaiting-funds', 'approved', 'paid')`);
  await sql`update training_claims set status = 'awaiting-funds' where status = 'approved'`.execute(
    db,
  );

  await sql`alter table funding_ledger_entries
    add column claim_id uuid references training_claims (id),
    drop constraint funding_ledger_entries_procedure,
    add constraint funding_ledger_entries_procedure check (
      (kind = 'appropriation') = (procedure_id is null and claim_id is null)
      and (procedure_id is null or claim_id is null))`.execute(db);
  // One commitment and one payment per claim: the bonus is a fixed amount bound and paid once.
  await sql`create unique index funding_ledger_entries_claim_once
    on funding_ledger_entries (claim_id, kind) where claim_id is not null`.execute(db);

  await sql`alter table funding_ledger_positions
    drop constraint funding_ledger_positions_pkey,
    alter column procedure_id drop not null,
    add column claim_id uuid references training_claims (id),
    add constraint funding_ledger_positions_holder check (num_nonnulls(procedure_id, claim_id) = 1),
    add constraint funding_ledger_positions_procedure unique (line_id, procedure_id),
    add constraint funding_ledger_positions_claim unique (claim_id)`.execute(db);

  await sql`alter table de_minimis_aid
    add column claim_id uuid references training_claims (id),
    add constraint de_minimis_aid_claim check (
      claim_id is null or (source = 'granted' and procedure_id is null)),
    add constraint de_minimis_aid_claim_once unique (claim_id)`.execute(db);

  await ledgerFunction(db, true);
  // Claims are bound and paid in sets of thousands. Updating the line once per entry would
  // update one row thousands of times in one transaction, and every update walks the row's
  // growing chain of versions (quadratic). So a claim's movements are applied once per
  // statement, summed from the transition table: tenant check, position per claim (one line),
  // line totals, position totals. The CHECKs on the line and the position refuse the same as for
  // a procedure, and the line's update still takes its row lock (a concurrent posting waits and
  // is re-checked).
  await sql`create function funding_ledger_apply_claims() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from new_rows where claim_id is not null) then
        return null;
      end if;
      if exists (select 1 from new_rows n join training_claims c on c.id = n.claim_id
                  where c.tenant_id <> n.tenant_id) then
        raise exception 'the claim belongs to another funding body'
          using errcode = 'check_violation', constraint = 'funding_ledger_entries_claim_tenant';
      end if;
      insert into funding_ledger_positions (line_id, tenant_id, claim_id)
        select distinct line_id, tenant_id, claim_id from new_rows where claim_id is not null
        on conflict do nothing;
      -- One position per claim, so one line: a movement on another line is refused.
      if exists (select 1 from new_rows n join funding_ledger_positions p on p.claim_id = n.claim_id
                  where p.line_id <> n.line_id) then
        raise exception 'the claim is booked on another budget line'
          using errcode = 'check_violation', constraint = 'funding_ledger_positions_claim_line';
      end if;
      -- The line first: its row lock serialises every movement on the line.
      update funding_budget_lines l set
        committed_cents = l.committed_cents + d.committed,
        paid_cents = l.paid_cents + d.paid,
        recovered_cents = l.recovered_cents + d.recovered
      from (
        select line_id,
          sum(case kind when 'commitment' then amount_cents
                        when 'release' then -amount_cents else 0 end) as committed,
          sum(case when kind = 'payment' then amount_cents else 0 end) as paid,
          sum(case when kind = 'recovery' then amount_cents else 0 end) as recovered
        from new_rows where claim_id is not null
        group by line_id
      ) d
      where l.id = d.line_id;
      update funding_ledger_positions p set
        committed_cents = p.committed_cents + d.committed,
        released_cents = p.released_cents + d.released,
        paid_cents = p.paid_cents + d.paid,
        recovered_cents = p.recovered_cents + d.recovered
      from (
        select claim_id,
          sum(case when kind = 'commitment' then amount_cents else 0 end) as committed,
          sum(case when kind = 'release' then amount_cents else 0 end) as released,
          sum(case when kind = 'payment' then amount_cents else 0 end) as paid,
          sum(case when kind = 'recovery' then amount_cents else 0 end) as recovered
        from new_rows where claim_id is not null
        group by claim_id
      ) d
      where p.claim_id = d.claim_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger funding_ledger_entries_apply_claims after insert on funding_ledger_entries
    referencing new table as new_rows
    for each statement execute function funding_ledger_apply_claims()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger funding_ledger_entries_apply_claims on funding_ledger_entries`.execute(db);
  await sql`drop function funding_ledger_apply_claims()`.execute(db);
  await ledgerFunction(db, false);
  await sql`alter table de_minimis_aid drop column claim_id`.execute(db);
  await sql`alter table funding_ledger_positions drop column claim_id,
    drop constraint funding_ledger_positions_procedure,
    alter column procedure_id set not null,
    add constraint funding_ledger_positions_pkey primary key (line_id, procedure_id)`.execute(db);
  await sql`alter table funding_ledger_entries drop column claim_id,
    add constraint funding_ledger_entries_procedure
      check ((kind = 'appropriation') = (procedure_id is null))`.execute(db);
  await sql`update training_claims set status = 'approved' where status = 'awaiting-funds'`.execute(
    db,
  );
  await trainingLedgerFunction(db, `('qa', 'approved', 'paid')`);
  await sql`alter table training_claims drop constraint training_claims_status_check,
    add constraint training_claims_status_check
      check (status in ('submitted', 'qa', 'approved', 'refused', 'paid')),
    drop constraint training_claims_amount_when_held,
    add constraint training_claims_amount_when_held
      check (status not in ('qa', 'approved', 'paid') or granted_cents > 0)`.execute(db);
}

/** The per-person ledger of the bonus (migration 20261205T0200) with the statuses that hold. */
async function trainingLedgerFunction(db: Kysely<unknown>, held: string): Promise<void> {
  await sql`create or replace function training_ledger_apply() returns trigger language plpgsql as $$
    begin
      insert into training_person_ledger (tenant_id, person_key, cap_cents)
      select distinct tenant_id, person_key, cap_cents from new_rows
      on conflict (tenant_id, person_key) do nothing;
      update training_person_ledger l
      set committed_cents = l.committed_cents + d.held, paid_cents = l.paid_cents + d.paid
      from (
        select tenant_id, person_key, sum(held) as held, sum(paid) as paid
        from (
          select tenant_id, person_key,
            case when status in ${sql.raw(held)} then granted_cents else 0 end as held,
            case when status = 'paid' then granted_cents else 0 end as paid
          from new_rows
          union all
          select tenant_id, person_key,
            -case when status in ${sql.raw(held)} then granted_cents else 0 end,
            -case when status = 'paid' then granted_cents else 0 end
          from old_rows
        ) changes
        group by tenant_id, person_key
        having sum(held) <> 0 or sum(paid) <> 0
      ) d
      where l.tenant_id = d.tenant_id and l.person_key = d.person_key;
      return null;
    end $$`.execute(db);
}

/** The entry trigger of migration 20261205T0100, with (withClaims) or without the claim holder. */
async function ledgerFunction(db: Kysely<unknown>, withClaims: boolean): Promise<void> {
  // A claim's movement is applied by the statement trigger (funding_ledger_apply_claims).
  const skipClaims = withClaims
    ? sql`
      if new.claim_id is not null then
        return new;
      end if;`
    : sql``;
  await sql`create or replace function funding_ledger_apply() returns trigger language plpgsql as $$
    declare
      holder_tenant uuid;
    begin${skipClaims}
      if new.procedure_id is not null then
        select tenant_id into holder_tenant from procedures where id = new.procedure_id;
        if holder_tenant is distinct from new.tenant_id then
          raise exception 'the procedure belongs to another funding body'
            using errcode = 'check_violation', constraint = 'funding_ledger_entries_procedure_tenant';
        end if;
        insert into funding_ledger_positions (line_id, tenant_id, procedure_id)
          values (new.line_id, new.tenant_id, new.procedure_id) on conflict do nothing;
      end if;
      -- The line first: its row lock serialises every movement on the line.
      update funding_budget_lines set
        appropriated_cents = appropriated_cents
          + case when new.kind = 'appropriation' then new.amount_cents else 0 end,
        committed_cents = committed_cents
          + case new.kind when 'commitment' then new.amount_cents
                          when 'release' then -new.amount_cents else 0 end,
        paid_cents = paid_cents + case when new.kind = 'payment' then new.amount_cents else 0 end,
        recovered_cents = recovered_cents
          + case when new.kind = 'recovery' then new.amount_cents else 0 end
        where id = new.line_id;
      if new.procedure_id is not null then
        update funding_ledger_positions set
          committed_cents = committed_cents
            + case when new.kind = 'commitment' then new.amount_cents else 0 end,
          released_cents = released_cents
            + case when new.kind = 'release' then new.amount_cents else 0 end,
          paid_cents = paid_cents + case when new.kind = 'payment' then new.amount_cents else 0 end,
          recovered_cents = recovered_cents
            + case when new.kind = 'recovery' then new.amount_cents else 0 end
          where line_id = new.line_id and procedure_id = new.procedure_id;
      end if;
      return new;
    end $$`.execute(db);
}
