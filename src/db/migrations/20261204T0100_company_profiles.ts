import { sql, type Kysely } from 'kysely';

// The company profile ("tell us once"): what a company states about itself once and every
// funding check reads. Each save is a new immutable version with its author, the time it was
// recorded and the date from which it is valid, so the profile as of any date can be read back
// (an application keeps the figures it was assessed on). tenant_id is the company organisation
// (invariant 7). Migrations never import app code (style.md rule 11), so the lists below repeat
// the ones in src/funding/profile/.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('company_profile_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('legal_form', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`legal_form in ('gmbh', 'gmbh-co-kg', 'ag', 'kg', 'ohg', 'ek', 'gbr', 'eg', 'ug', 'einzelunternehmen', 'other')`,
        ),
    )
    .addColumn('legal_form_other', 'text', (c) =>
      c.check(sql`length(legal_form_other) between 1 and 120`),
    )
    .addColumn('register_court', 'text', (c) =>
      c.check(sql`length(register_court) between 2 and 80`),
    )
    // 'HRB 12345', 'HRA 678 B', 'GnR 12', 'PR 1234', 'VR 5678' (Handelsregisterverordnung,
    // GenRegV, PRV, VRV: court-wide running numbers with an optional suffix letter).
    .addColumn('register_number', 'text', (c) =>
      c.check(sql`register_number ~ '^(HRA|HRB|GnR|PR|VR) [1-9][0-9]{0,6}( [A-Z]{1,2})?$'`),
    )
    .addColumn('nace_code', 'text', (c) =>
      c.notNull().check(sql`nace_code ~ '^[0-9]{2}(\\.[0-9]{1,3})?$'`),
    )
    .addColumn('seat_ags', 'text', (c) => c.notNull().check(sql`seat_ags ~ '^[0-9]{8}$'`))
    // Annual work units (Anhang I Art. 5 AGVO), fractional; at least one (the owner counts).
    .addColumn('staff_awu', sql`numeric(12, 2)`, (c) => c.notNull().check(sql`staff_awu > 0`))
    .addColumn('turnover_cents', 'bigint', (c) => c.check(sql`turnover_cents >= 0`))
    .addColumn('balance_sheet_cents', 'bigint', (c) => c.check(sql`balance_sheet_cents >= 0`))
    .addColumn('figures_year', 'integer', (c) =>
      c.notNull().check(sql`figures_year between 1990 and 2200`),
    )
    .addColumn('crafts_chamber_member', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('crafts_trade', 'text', (c) => c.check(sql`crafts_trade ~ '^[a-z-]{2,40}$'`))
    .addColumn('public_bodies_share_ppm', 'integer', (c) =>
      c.check(sql`public_bodies_share_ppm between 0 and 1000000`),
    )
    .addColumn('undertaking_in_difficulty', 'boolean')
    .addUniqueConstraint('company_profile_versions_tenant_version', ['tenant_id', 'version'])
    // Lets the relations name their version together with its tenant (below).
    .addUniqueConstraint('company_profile_versions_id_tenant', ['id', 'tenant_id'])
    .execute();
  await sql`alter table company_profile_versions add constraint company_profile_versions_register
    check ((register_court is null) = (register_number is null))`.execute(db);
  await sql`alter table company_profile_versions add constraint company_profile_versions_other
    check ((legal_form = 'other') = (legal_form_other is not null))`.execute(db);
  await sql`alter table company_profile_versions add constraint company_profile_versions_trade
    check (crafts_trade is null or crafts_chamber_member)`.execute(db);
  await db.schema
    .createIndex('company_profile_versions_as_of_idx')
    .on('company_profile_versions')
    .columns(['tenant_id', 'valid_from', 'version'])
    .execute();

  // Partner (Anhang I Art. 3 Abs. 2 AGVO) and linked enterprises (Art. 3 Abs. 3) of one version.
  await db.schema
    .createTable('company_profile_relations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('version_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('partner', 'linked')`))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('share_ppm', 'integer', (c) =>
      c.notNull().check(sql`share_ppm between 0 and 1000000`),
    )
    .addColumn('staff_awu', sql`numeric(12, 2)`, (c) => c.notNull().check(sql`staff_awu > 0`))
    .addColumn('turnover_cents', 'bigint', (c) => c.check(sql`turnover_cents >= 0`))
    .addColumn('balance_sheet_cents', 'bigint', (c) => c.check(sql`balance_sheet_cents >= 0`))
    .addUniqueConstraint('company_profile_relations_position', ['version_id', 'kind', 'position'])
    // A relation belongs to a version of the same company: the tenant cannot drift.
    .addForeignKeyConstraint(
      'company_profile_relations_version',
      ['version_id', 'tenant_id'],
      'company_profile_versions',
      ['id', 'tenant_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('company_profile_relations_tenant_idx')
    .on('company_profile_relations')
    .column('tenant_id')
    .execute();

  // History is never changed in place: a correction is a new version. Deleting stays possible so
  // that removing the organisation removes its profile; and removing a user account may clear
  // the author (recorded_by → null, the foreign key's "set null"), nothing else.
  await sql`create function company_profile_immutable() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'company_profile_versions' then
        if to_jsonb(new) -> 'recorded_by' = 'null'::jsonb
           and (to_jsonb(new) - 'recorded_by') = (to_jsonb(old) - 'recorded_by') then
          return new;
        end if;
      end if;
      raise exception 'company profile versions are immutable; save a new version instead';
    end $$`.execute(db);
  for (const table of ['company_profile_versions', 'company_profile_relations']) {
    await sql`create trigger ${sql.raw(`${table}_immutable`)} before update on ${sql.table(table)}
      for each row execute function company_profile_immutable()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('company_profile_relations').execute();
  await db.schema.dropTable('company_profile_versions').execute();
  await sql`drop function company_profile_immutable()`.execute(db);
}
