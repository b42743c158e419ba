import { sql, type Kysely } from 'kysely';

// E-mail alerts of the Förderfinder: a company member saves the finder's answers and filters;
// a daily job runs the finder against the programme catalogue and mails the programme versions
// that match and were not mailed for that alert before. funding_alert_deliveries is the record of
// what was sent: one row per alert and programme version (primary key), so a second run, or two
// workers at once, never send a version twice. The tenant is the company (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().check(sql`length(label) between 1 and 120`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('filters', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_checked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('funding_alerts_tenant_idx')
    .on('funding_alerts')
    .columns(['tenant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('funding_alert_deliveries')
    .addColumn('alert_id', 'uuid', (c) =>
      c.notNull().references('funding_alerts.id').onDelete('cascade'),
    )
    .addColumn('tenant_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) =>
      c.notNull().check(sql`eligibility in ('eligible', 'need-info')`),
    )
    .addColumn('mail_id', 'uuid', (c) => c.references('mail_outbox.id').onDelete('set null'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('funding_alert_deliveries_pkey', ['alert_id', 'version_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_alert_deliveries').execute();
  await db.schema.dropTable('funding_alerts').execute();
}
