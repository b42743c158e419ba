import { sql, type Kysely } from 'kysely';

// The heat-pump training bonus (progres.nrw – Bildungsprämie Wärmepumpe) as mass claims: the
// funding body's course list, the firms' claims with the result of every automated check, a
// per-person ledger that holds the cap per employee across all claims and employers, and the
// monthly SEPA payment runs. tenant_id is the funding body (invariant 7); the claiming firm is
// company_id. Migrations never import app code (style.md rule 11).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Courses the funding body accepts (VDI 4645 or an equivalent heat-pump course).
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 3 and 200`))
    .addColumn('provider', 'text', (c) =>
      c.notNull().check(sql`length(provider) between 2 and 200`),
    )
    .addColumn('standard', 'text', (c) =>
      c.notNull().check(sql`standard in ('vdi-4645', 'equivalent')`),
    )
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days between 1 and 30`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('training_courses_code', ['tenant_id', 'code'])
    .addUniqueConstraint('training_courses_id_tenant', ['id', 'tenant_id'])
    .execute();

  // Per funding body: the share of passing claims sampled for manual QA (per mille) and the
  // account the transfers are paid from.
  await db.schema
    .createTable('training_bonus_settings')
    .addColumn('tenant_id', 'uuid', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('qa_sample_permille', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(50)
        .check(sql`qa_sample_permille between 0 and 1000`),
    )
    .addColumn('debtor_name', 'text', (c) =>
      c.notNull().check(sql`length(debtor_name) between 2 and 70`),
    )
    .addColumn('debtor_iban', 'text', (c) =>
      c.notNull().check(sql`debtor_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`),
    )
    .addColumn('debtor_bic', 'text', (c) =>
      c.notNull().check(sql`debtor_bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'`),
    )
    .execute();

  await db.schema
    .createTable('training_claims')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('company_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Order of submission (also within one file): the first of two duplicates is the one kept.
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    // Pseudonymous key of the employee (hash of normalised name and date of birth): the same
    // person has the same key at every employer, so the cap per employee holds across firms.
    .addColumn('person_key', 'text', (c) => c.notNull().check(sql`person_key ~ '^[0-9a-f]{64}$'`))
    .addColumn('employee_name', 'text', (c) =>
      c.notNull().check(sql`length(employee_name) between 3 and 140`),
    )
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('technical-manager', 'planner', 'fitter', 'other')`),
    )
    .addColumn('course_id', 'uuid', (c) => c.notNull())
    .addColumn('course_start', 'date', (c) => c.notNull())
    .addColumn('course_end', 'date', (c) => c.notNull())
    .addColumn('training_days', 'integer', (c) =>
      c.notNull().check(sql`training_days between 1 and 30`),
    )
    .addColumn('iban', 'text', (c) =>
      c.notNull().check(sql`iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`),
    )
    .addColumn('bic', 'text', (c) => c.check(sql`bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'`))
    .addColumn('account_holder', 'text', (c) =>
      c.notNull().check(sql`length(account_holder) between 2 and 70`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('submitted')
        .check(sql`status in ('submitted', 'qa', 'approved', 'refused', 'paid')`),
    )
    // Fixed amount asked for (days × rate, at most the cap) and the amount the checks left.
    .addColumn('requested_cents', 'integer', (c) => c.notNull().check(sql`requested_cents > 0`))
    .addColumn('granted_cents', 'integer', (c) => c.check(sql`granted_cents >= 0`))
    .addColumn('cap_cents', 'integer', (c) => c.notNull().check(sql`cap_cents > 0`))
    .addColumn('checks', 'jsonb')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('sampled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text', (c) =>
      c.check(sql`length(decision_reason) between 1 and 2000`),
    )
    .addForeignKeyConstraint(
      'training_claims_course',
      ['course_id', 'tenant_id'],
      'training_courses',
      ['id', 'tenant_id'],
    )
    .execute();
  await sql`alter table training_claims add constraint training_claims_dates
    check (course_end >= course_start)`.execute(db);
  await sql`alter table training_claims add constraint training_claims_granted
    check (granted_cents is null or granted_cents <= requested_cents)`.execute(db);
  // Held or paid claims carry the amount the checks granted.
  await sql`alter table training_claims add constraint training_claims_amount_when_held
    check (status not in ('qa', 'approved', 'paid') or granted_cents > 0)`.execute(db);
  await db.schema
    .createIndex('training_claims_tenant_status_idx')
    .on('training_claims')
    .columns(['tenant_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('training_claims_company_idx')
    .on('training_claims')
    .columns(['company_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('training_claims_person_idx')
    .on('training_claims')
    .columns(['tenant_id', 'person_key', 'course_id', 'course_start', 'course_end'])
    .execute();

  // The cap per employee held by the database: committed_cents counts every claim under review,
  // approved or paid; a check constraint refuses anything beyond the cap, whatever the code does.
  await db.schema
    .createTable('training_person_ledger')
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('cap_cents', 'integer', (c) => c.notNull().check(sql`cap_cents > 0`))
    .addColumn('committed_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('training_person_ledger_pk', ['tenant_id', 'person_key'])
    .execute();
  await sql`alter table training_person_ledger add constraint training_person_ledger_cap
    check (committed_cents >= 0 and committed_cents <= cap_cents
      and paid_cents >= 0 and paid_cents <= committed_cents)`.execute(db);

  // Set-based upkeep of the ledger: one statement-level trigger per statement folds the changed
  // claims (transition tables) into the per-person sums, so a check run over 100,000 claims is one
  // aggregate, not 100,000 row triggers.
  await sql`create function training_ledger_apply() returns trigger language plpgsql as $$
    begin
      -- New people get a row first (zero sums), so the update below meets the check constraint
      -- with the final sums only.
      insert into training_person_ledger (tenant_id, person_key, cap_cents)
      select distinct tenant_id, person_key, cap_cents from new_rows
      on conflict (tenant_id, person_key) do nothing;
      update training_person_ledger l
      set committed_cents = l.committed_cents + d.held, paid_cents = l.paid_cents + d.paid
      from (
        select tenant_id, person_key, sum(held) as held, sum(paid) as paid
        from (
          select tenant_id, person_key,
            case when status in ('qa', 'approved', 'paid') then granted_cents else 0 end as held,
            case when status = 'paid' then granted_cents else 0 end as paid
          from new_rows
          union all
          select tenant_id, person_key,
            -case when status in ('qa', 'approved', 'paid') then granted_cents else 0 end,
            -case when status = 'paid' then granted_cents else 0 end
          from old_rows
        ) changes
        group by tenant_id, person_key
        having sum(held) <> 0 or sum(paid) <> 0
      ) d
      where l.tenant_id = d.tenant_id and l.person_key = d.person_key;
      return null;
    end $$`.execute(db);
  await sql`create trigger training_claims_ledger_update after update on training_claims
    referencing old table as old_rows new table as new_rows
    for each statement execute function training_ledger_apply()`.execute(db);
  await sql`create function training_ledger_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows where status <> 'submitted') then
        raise exception 'training claims start as submitted';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger training_claims_ledger_insert after insert on training_claims
    referencing new table as new_rows
    for each statement execute function training_ledger_insert()`.execute(db);
  await sql`create function training_claims_no_delete() returns trigger language plpgsql as $$
    begin
      if old.status <> 'submitted' then
        raise exception 'checked training claims are kept';
      end if;
      return old;
    end $$`.execute(db);
  await sql`create trigger training_claims_no_delete before delete on training_claims
    for each row execute function training_claims_no_delete()`.execute(db);

  // What happened to a claim by hand (QA decisions with their reason); append-only.
  await db.schema
    .createTable('training_claim_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('claim_id', 'uuid', (c) =>
      c.notNull().references('training_claims.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('approved-by-hand', 'refused-by-hand', 'paid')`),
    )
    .addColumn('reason', 'text', (c) => c.check(sql`length(reason) between 1 and 2000`))
    .addColumn('passed_by_hand', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('training_claim_events_claim_idx')
    .on('training_claim_events')
    .column('claim_id')
    .execute();
  await sql`create function training_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and to_jsonb(new) - 'actor_id' = to_jsonb(old) - 'actor_id'
         and new.actor_id is null then
        return new;
      end if;
      raise exception 'training claim events are append-only';
    end $$`.execute(db);
  await sql`create trigger training_claim_events_append_only before update on training_claim_events
    for each row execute function training_events_append_only()`.execute(db);

  await db.schema
    .createTable('training_payment_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('created')
        .check(sql`status in ('created', 'confirmed', 'cancelled')`),
    )
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('execution_date', 'date', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull().check(sql`item_count > 0`))
    .addColumn('total_cents', 'bigint', (c) => c.notNull().check(sql`total_cents > 0`))
    .addColumn('pain_xml', 'text', (c) => c.notNull())
    .addColumn('pain_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirmed_at', 'timestamptz')
    .addUniqueConstraint('training_payment_runs_id_tenant', ['id', 'tenant_id'])
    .execute();

  // One item per claim and run. `confirmed` mirrors the run's confirmation: the partial unique
  // index lets a claim stand in several drafted or cancelled runs, but in one confirmed run only,
  // so a retried or re-created run can never pay a claim twice.
  await db.schema
    .createTable('training_payment_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('run_id', 'uuid', (c) => c.notNull())
    .addColumn('claim_id', 'uuid', (c) => c.notNull().references('training_claims.id'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('end_to_end_id', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('training_payment_items_run_claim', ['run_id', 'claim_id'])
    .addForeignKeyConstraint(
      'training_payment_items_run',
      ['run_id', 'tenant_id'],
      'training_payment_runs',
      ['id', 'tenant_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create unique index training_payment_items_paid_once
    on training_payment_items (claim_id) where confirmed`.execute(db);
  await db.schema
    .createIndex('training_payment_items_claim_idx')
    .on('training_payment_items')
    .column('claim_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_payment_items').execute();
  await db.schema.dropTable('training_payment_runs').execute();
  await db.schema.dropTable('training_claim_events').execute();
  await db.schema.dropTable('training_person_ledger').execute();
  await db.schema.dropTable('training_claims').execute();
  await db.schema.dropTable('training_bonus_settings').execute();
  await db.schema.dropTable('training_courses').execute();
  for (const fn of [
    'training_ledger_apply',
    'training_ledger_insert',
    'training_claims_no_delete',
    'training_events_append_only',
  ]) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
}
