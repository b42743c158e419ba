import { sql, type Kysely } from 'kysely';

// The budget ledger of a funding body and the de-minimis aid of companies.
//
// Budget: a budget line (Haushaltsstelle) of one programme and year belongs to one funding body
// (tenant_id, invariant 7). Every movement is an append-only entry in integer cents: the
// appropriation (Haushaltsansatz / Mittelzuweisung), a commitment (Bindung by a grant decision,
// § 38 LHO NRW), its release, a payment and a recovery (§ 49a VwVfG NRW). The database itself
// guarantees the limits, not only the code:
//   - the running totals sit on the budget line and per procedure ("position"); an entry's
//     trigger adds to them, and CHECK constraints on those rows hold the limits;
//   - the trigger's UPDATE of the budget line takes its row lock, so concurrent commitments on one
//     line run one after the other and each sees the totals of the one before (READ COMMITTED
//     re-checks the updated row; REPEATABLE READ/SERIALIZABLE abort the later one instead);
//   - entries can be neither changed nor deleted; the totals only by the entry trigger.
// Migrations never import app code (style.md rule 11): the lists below repeat src/funding/.
const MAX_SAFE = '9007199254740991';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_budget_lines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) =>
      c.notNull().check(sql`programme_id ~ '^[a-z0-9][a-z0-9-]{1,79}$'`),
    )
    // e.g. '0710/686 10' (Kapitel/Titel); digits, letters, dots, slashes, spaces and hyphens.
    .addColumn('budget_line', 'text', (c) =>
      c.notNull().check(sql`budget_line ~ '^[0-9A-Za-z][0-9A-Za-z./ -]{1,38}[0-9A-Za-z]$'`),
    )
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2200`))
    .addColumn('label', 'text', (c) => c.check(sql`length(label) between 1 and 200`))
    .addColumn('appropriated_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    // Commitments net of releases.
    .addColumn('committed_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('recovered_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('funding_budget_lines_key', [
      'tenant_id',
      'programme_id',
      'budget_line',
      'year',
    ])
    .addUniqueConstraint('funding_budget_lines_id_tenant', ['id', 'tenant_id'])
    .execute();
  await sql`alter table funding_budget_lines
    add constraint funding_budget_lines_totals_range check (
      appropriated_cents between 0 and ${sql.raw(MAX_SAFE)} and committed_cents >= 0
      and paid_cents >= 0 and recovered_cents >= 0),
    add constraint funding_budget_lines_commitments_covered
      check (committed_cents <= appropriated_cents)`.execute(db);

  await db.schema
    .createTable('funding_ledger_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('line_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('appropriation', 'commitment', 'release', 'payment', 'recovery')`),
    )
    // At most 1 Mrd. € per entry; sums stay far below 2^53 (bigint, read as a JS number).
    .addColumn('amount_cents', 'bigint', (c) =>
      c.notNull().check(sql`amount_cents between 1 and 100000000000`),
    )
    .addColumn('procedure_id', 'uuid', (c) => c.references('procedures.id'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`length(btrim(reason)) between 3 and 500`),
    )
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'funding_ledger_entries_line',
      ['line_id', 'tenant_id'],
      'funding_budget_lines',
      ['id', 'tenant_id'],
    )
    .execute();
  // Appropriations belong to the line; every other movement to the procedure it is booked for.
  await sql`alter table funding_ledger_entries add constraint funding_ledger_entries_procedure
    check ((kind = 'appropriation') = (procedure_id is null))`.execute(db);
  await db.schema
    .createIndex('funding_ledger_entries_line_idx')
    .on('funding_ledger_entries')
    .columns(['line_id', 'recorded_at'])
    .execute();
  await db.schema
    .createIndex('funding_ledger_entries_procedure_idx')
    .on('funding_ledger_entries')
    .column('procedure_id')
    .execute();

  // The running totals of one procedure on one line.
  await db.schema
    .createTable('funding_ledger_positions')
    .addColumn('line_id', 'uuid', (c) => c.notNull())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('committed_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('released_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('recovered_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('funding_ledger_positions_pkey', ['line_id', 'procedure_id'])
    .addForeignKeyConstraint(
      'funding_ledger_positions_line',
      ['line_id', 'tenant_id'],
      'funding_budget_lines',
      ['id', 'tenant_id'],
    )
    .execute();
  // Payments and releases together never exceed the commitment; recoveries never the payments.
  await sql`alter table funding_ledger_positions
    add constraint funding_ledger_positions_commitment_covers
      check (paid_cents + released_cents <= committed_cents),
    add constraint funding_ledger_positions_recovery_covered
      check (recovered_cents between 0 and paid_cents)`.execute(db);

  await sql`create function funding_ledger_apply() returns trigger language plpgsql as $$
    declare
      procedure_tenant uuid;
    begin
      if new.procedure_id is not null then
        select tenant_id into procedure_tenant from procedures where id = new.procedure_id;
        if procedure_tenant is distinct from new.tenant_id then
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
  await sql`create trigger funding_ledger_entries_apply before insert on funding_ledger_entries
    for each row execute function funding_ledger_apply()`.execute(db);

  // Append-only: a wrong entry is corrected by a counter-entry (release, recovery), never by
  // changing history. Removing a user account may clear the author, nothing else.
  await sql`create function funding_ledger_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and to_jsonb(new) -> 'recorded_by' = 'null'::jsonb
         and (to_jsonb(new) - 'recorded_by') = (to_jsonb(old) - 'recorded_by') then
        return new;
      end if;
      raise exception 'ledger entries are append-only; post a counter-entry instead'
        using errcode = 'restrict_violation';
    end $$`.execute(db);
  await sql`create trigger funding_ledger_entries_append_only
    before update or delete on funding_ledger_entries
    for each row execute function funding_ledger_append_only()`.execute(db);
  await sql`create function funding_ledger_no_truncate() returns trigger language plpgsql as $$
    begin
      raise exception 'ledger tables cannot be truncated' using errcode = 'restrict_violation';
    end $$`.execute(db);
  for (const table of ['funding_ledger_entries', 'funding_ledger_positions']) {
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function funding_ledger_no_truncate()`.execute(db);
  }

  // Totals change only through the entry trigger (nested: pg_trigger_depth() > 1). On the line,
  // only the label may be edited directly; positions are never deleted.
  await sql`create function funding_ledger_totals_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if tg_table_name = 'funding_ledger_positions' then
          raise exception 'ledger positions cannot be deleted' using errcode = 'restrict_violation';
        end if;
        return old;
      end if;
      if pg_trigger_depth() > 1 then
        return new;
      end if;
      if tg_table_name = 'funding_budget_lines'
         and (to_jsonb(new) - 'label' - 'created_by') = (to_jsonb(old) - 'label' - 'created_by') then
        return new;
      end if;
      raise exception 'ledger totals change only through ledger entries'
        using errcode = 'restrict_violation';
    end $$`.execute(db);
  for (const table of ['funding_budget_lines', 'funding_ledger_positions']) {
    await sql`create trigger ${sql.raw(`${table}_guard`)} before update or delete on ${sql.table(table)}
      for each row execute function funding_ledger_totals_guard()`.execute(db);
  }

  // De-minimis aid per company (tenant_id = the company, invariant 7): granted here (with the
  // funding body and procedure) or declared by the company for aid from other bodies. An aid of
  // a linked enterprise that is not on the platform is declared with its name (recipient_name).
  await db.schema
    .createTable('de_minimis_aid')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('granted', 'declared')`))
    .addColumn('recipient_name', 'text', (c) =>
      c.check(sql`length(btrim(recipient_name)) between 2 and 200`),
    )
    .addColumn('granting_body', 'text', (c) =>
      c.notNull().check(sql`length(btrim(granting_body)) between 2 and 200`),
    )
    .addColumn('funding_body_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('procedure_id', 'uuid', (c) => c.references('procedures.id'))
    .addColumn('granted_on', 'date', (c) =>
      c.notNull().check(sql`granted_on between '2000-01-01' and '2200-12-31'`),
    )
    .addColumn('amount_cents', 'bigint', (c) =>
      c.notNull().check(sql`amount_cents between 1 and 100000000000`),
    )
    .addColumn('regulation', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`regulation in ('2023/2831', '1407/2013', '2023/2832', '360/2012', '1408/2013', '717/2014')`,
        ),
    )
    .addColumn('aid_instrument', 'text', (c) =>
      c
        .notNull()
        .check(sql`aid_instrument in ('grant', 'loan', 'guarantee', 'tax', 'equity', 'other')`),
    )
    .addColumn('nace_code', 'text', (c) => c.check(sql`nace_code ~ '^[0-9]{2}(\\.[0-9]{1,3})?$'`))
    .addColumn('reference', 'text', (c) => c.check(sql`length(btrim(reference)) between 1 and 80`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table de_minimis_aid add constraint de_minimis_aid_granted_here
    check ((source = 'granted') = (funding_body_id is not null)
      and (source = 'granted' or procedure_id is null))`.execute(db);
  await db.schema
    .createIndex('de_minimis_aid_tenant_idx')
    .on('de_minimis_aid')
    .columns(['tenant_id', 'granted_on'])
    .execute();
  await db.schema
    .createIndex('de_minimis_aid_funding_body_idx')
    .on('de_minimis_aid')
    .columns(['funding_body_id', 'granted_on'])
    .execute();
  // Aid granted here is the record the register entry is made from: never changed or deleted.
  await sql`create function de_minimis_granted_immutable() returns trigger language plpgsql as $$
    begin
      if old.source = 'granted' then
        if tg_op = 'UPDATE' and to_jsonb(new) -> 'recorded_by' = 'null'::jsonb
           and (to_jsonb(new) - 'recorded_by') = (to_jsonb(old) - 'recorded_by') then
          return new;
        end if;
        raise exception 'de-minimis aid granted here cannot be changed'
          using errcode = 'restrict_violation';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger de_minimis_aid_granted_immutable before update or delete on de_minimis_aid
    for each row execute function de_minimis_granted_immutable()`.execute(db);

  // Enterprises on the platform that form one single undertaking with the company (Art. 2 (2)
  // VO (EU) 2023/2831). A link counts both ways; chains are followed.
  await db.schema
    .createTable('de_minimis_links')
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('linked_organisation_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('de_minimis_links_pkey', ['tenant_id', 'linked_organisation_id'])
    .addCheckConstraint('de_minimis_links_other', sql`tenant_id <> linked_organisation_id`)
    .execute();
  await db.schema
    .createIndex('de_minimis_links_linked_idx')
    .on('de_minimis_links')
    .column('linked_organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('de_minimis_links').execute();
  await db.schema.dropTable('de_minimis_aid').execute();
  await sql`drop function de_minimis_granted_immutable()`.execute(db);
  await db.schema.dropTable('funding_ledger_positions').execute();
  await db.schema.dropTable('funding_ledger_entries').execute();
  await db.schema.dropTable('funding_budget_lines').execute();
  for (const fn of [
    'funding_ledger_apply',
    'funding_ledger_append_only',
    'funding_ledger_no_truncate',
    'funding_ledger_totals_guard',
  ]) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
}
