import { sql, type Kysely } from 'kysely';

// Delivery of the decision (§ 10 Abs. 7 and 8 BImSchG), one row per recipient: the applicant,
// each objector or, for uniform submissions, their representative (§ 17 VwVfG), with the way it
// went out (portal, e-mail, letter) or that the public notice replaced it and the day on which it
// counts as delivered. The rows are the proof of delivery; every row carries the tenant
// (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decision_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('recipient_kind', 'text', (c) =>
      c.notNull().check(sql`recipient_kind in ('applicant', 'objector', 'representative')`),
    )
    .addColumn('objection_id', 'uuid', (c) => c.references('objections.id'))
    // Objections (signers) the delivery stands for: 1, or a whole list or group (§ 17 VwVfG).
    .addColumn('represents', 'integer', (c) => c.notNull().check(sql`represents >= 1`))
    .addColumn('name', 'text')
    .addColumn('address', 'text')
    .addColumn('email', 'text')
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('portal', 'mail', 'letter', 'public-notice')`),
    )
    .addColumn('mail_id', 'uuid', (c) => c.references('mail_outbox.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    // The day the decision counts as delivered: for the public notice the end of the display.
    .addColumn('delivered_on', 'date', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_deliveries_procedure_idx')
    .on('decision_deliveries')
    .columns(['procedure_id', 'recipient_kind', 'channel'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('decision_deliveries').execute();
}
