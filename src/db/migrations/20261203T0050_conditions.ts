import { sql, type Kysely } from 'kysely';

// Conditions (Nebenbestimmungen, § 12 BImSchG; § 36 VwVfG) of a decision: a catalogue per
// authority, and per case the conditions proposed from the catalogue, by an agency in its
// statement, or written by the case worker; each is adopted or rejected with a reason.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('condition_catalogue')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('citation', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('condition_catalogue_key', ['tenant_id', 'key'])
    .execute();

  await db.schema
    .createTable('procedure_conditions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('catalogue', 'agency', 'case-worker')`),
    )
    .addColumn('catalogue_id', 'uuid', (c) => c.references('condition_catalogue.id'))
    .addColumn('agency_org_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('proposed', 'adopted', 'rejected')`),
    )
    .addColumn('reason', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  // An agency's proposal names the agency; a rejection states its reason (the decision's reasons
  // must deal with what an agency proposed and was not adopted).
  await sql`alter table procedure_conditions add constraint procedure_conditions_agency
    check ((source = 'agency') = (agency_org_id is not null))`.execute(db);
  await sql`alter table procedure_conditions add constraint procedure_conditions_rejection_reason
    check (status <> 'rejected' or length(btrim(coalesce(reason, ''))) > 0)`.execute(db);
  await db.schema
    .createIndex('procedure_conditions_procedure_idx')
    .on('procedure_conditions')
    .columns(['procedure_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('procedure_conditions').execute();
  await db.schema.dropTable('condition_catalogue').execute();
}
