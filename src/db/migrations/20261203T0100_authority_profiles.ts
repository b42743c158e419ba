import { sql, type Kysely } from 'kysely';

// Authority master data (Stammdaten): what notices, letters, mails and PDFs state about the
// authority; its signatories; and the running numbers of the Aktenzeichen per authority and year.
// A procedure gets its Aktenzeichen at submission, so drafts have none (reference is nullable);
// the unique index (tenant_id, reference) stays and keeps numbers unique per authority (NULLs do
// not collide).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authority_profiles')
    .addColumn('organisation_id', 'uuid', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('department', 'text')
    .addColumn('postal_street', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('postal_city', 'text')
    .addColumn('visiting_street', 'text')
    .addColumn('visiting_code', 'text')
    .addColumn('visiting_city', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('logo_sha256', 'text', (c) => c.check(sql`logo_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('logo_media_type', 'text', (c) =>
      c.check(sql`logo_media_type in ('image/png', 'image/svg+xml')`),
    )
    .addColumn('bank_holder', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('bank_iban', 'text')
    .addColumn('bank_bic', 'text')
    .addColumn('reference_pattern', 'text', (c) => c.notNull().defaultTo('BImSchG-{JJJJ}-{NR}'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // A logo is its hash and its type together, or neither.
  await sql`alter table authority_profiles add constraint authority_profiles_logo
    check ((logo_sha256 is null) = (logo_media_type is null))`.execute(db);
  // The running number needs a place in the pattern, and so does the year: it restarts yearly.
  await sql`alter table authority_profiles add constraint authority_profiles_reference_pattern
    check (position('{NR}' in reference_pattern) > 0
      and (position('{JJJJ}' in reference_pattern) > 0 or position('{JJ}' in reference_pattern) > 0)
      and length(reference_pattern) <= 60)`.execute(db);

  await db.schema
    .createTable('authority_signatories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('function', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('authority_signatories_organisation_idx')
    .on('authority_signatories')
    .columns(['organisation_id', 'position'])
    .execute();

  // One row per authority and year; the submission increments it with an upsert … returning, so
  // concurrent submissions serialise on this row only, not on the authority.
  await db.schema
    .createTable('reference_counters')
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull().check(sql`last_number > 0`))
    .addPrimaryKeyConstraint('reference_counters_pkey', ['tenant_id', 'year'])
    .execute();

  await sql`alter table procedures alter column reference drop not null`.execute(db);
  // Drafts lose the number they were given at creation; numbers already given to submitted cases
  // stay, and the counters continue after the highest one of the old 'BImSchG-YYYY-NNNN' form,
  // which is also the default pattern, so no number is given twice.
  await sql`update procedures set reference = null where step = 'draft'`.execute(db);
  await sql`insert into reference_counters (tenant_id, year, last_number)
    select tenant_id, substring(reference from 9 for 4)::integer,
           max(substring(reference from 14)::integer)
      from procedures
     where reference ~ '^BImSchG-[0-9]{4}-[0-9]{1,9}$'
     group by tenant_id, substring(reference from 9 for 4)::integer`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update procedures set reference = 'ENTWURF-' || id where reference is null`.execute(db);
  await sql`alter table procedures alter column reference set not null`.execute(db);
  await db.schema.dropTable('reference_counters').execute();
  await db.schema.dropTable('authority_signatories').execute();
  await db.schema.dropTable('authority_profiles').execute();
}
