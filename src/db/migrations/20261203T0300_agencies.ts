import { sql, type Kysely } from 'kysely';

// Agencies (Träger öffentlicher Belange): each authority keeps a directory of the agencies it
// involves, with their role and whether they are asked by default for a kind of project; a
// statement records its verdict; the consents of the municipality (§ 36 BauGB) and of the
// aviation authority (§ 14 LuftVG) are tracked next to the agency's involvement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_directory')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('agency_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('municipality', 'nature', 'water', 'monuments', 'aviation', 'military', 'weather', 'roads', 'other')`,
        ),
    )
    // Kinds of project for which the agency is preselected, e.g. '{wind}'.
    .addColumn('default_for', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agency_directory_pkey', ['tenant_id', 'agency_org_id'])
    .execute();

  await db.schema
    .alterTable('procedure_agencies')
    .addColumn('verdict', 'text', (c) =>
      c.check(
        sql`verdict in ('no-objection', 'no-objection-with-conditions', 'objection', 'no-comment')`,
      ),
    )
    .addColumn('consent', 'text', (c) => c.check(sql`consent in ('municipality', 'aviation')`))
    .addColumn('consent_status', 'text', (c) =>
      c.check(sql`consent_status in ('requested', 'given', 'refused', 'deemed-given', 'replaced')`),
    )
    .addColumn('consent_due', 'date')
    .addColumn('consent_reasons', 'text')
    .execute();
  await sql`alter table procedure_agencies add constraint procedure_agencies_consent
    check ((consent is null) = (consent_status is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table procedure_agencies drop constraint procedure_agencies_consent`.execute(db);
  await db.schema
    .alterTable('procedure_agencies')
    .dropColumn('verdict')
    .dropColumn('consent')
    .dropColumn('consent_status')
    .dropColumn('consent_due')
    .dropColumn('consent_reasons')
    .execute();
  await db.schema.dropTable('agency_directory').execute();
}
