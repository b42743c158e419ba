import { sql, type Kysely } from 'kysely';

// Release of objections to the applicant in batches (§ 12 Abs. 2 9. BImSchV). A batch keeps the
// exact redacted version passed on, so that what the applicant received stays provable even when
// a redaction is corrected later. Every row carries the tenant (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('objection_releases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('released_at', 'timestamptz', (c) => c.notNull())
    .addColumn('released_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('objection_count', 'integer', (c) => c.notNull().check(sql`objection_count >= 1`))
    .addUniqueConstraint('objection_releases_number_unique', ['procedure_id', 'number'])
    .execute();

  await db.schema
    .createTable('objection_release_items')
    .addColumn('release_id', 'uuid', (c) => c.notNull().references('objection_releases.id'))
    // An objection is passed on once; a second batch never repeats it.
    .addColumn('objection_id', 'uuid', (c) => c.primaryKey().references('objections.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    // null where the objector asked for name and address to be made unrecognisable.
    .addColumn('name', 'text')
    .addColumn('address', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objection_release_items_release_idx')
    .on('objection_release_items')
    .columns(['release_id', 'received_at', 'objection_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('objection_release_items').execute();
  await db.schema.dropTable('objection_releases').execute();
}
