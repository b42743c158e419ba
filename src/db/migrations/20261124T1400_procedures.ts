import { sql, type Kysely } from 'kysely';

// Procedures (the case engine) and their append-only, hash-chained audit log.
// Every case table carries tenant_id (the responsible authority) so that it can later be sharded
// by tenant (architecture invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('applicant_org_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type_key', 'text', (c) => c.notNull())
    .addColumn('type_version', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index procedures_reference_key on procedures (tenant_id, reference)`.execute(
    db,
  );
  await db.schema
    .createIndex('procedures_tenant_step_idx')
    .on('procedures')
    .columns(['tenant_id', 'step'])
    .execute();

  await db.schema
    .createTable('procedure_events')
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_events_pkey', ['procedure_id', 'seq'])
    .execute();

  // Append-only: the database itself refuses to change or delete an audit event.
  await sql`
    create function procedure_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'procedure_events ist nur fortschreibbar (append-only): % ist nicht erlaubt', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger procedure_events_no_change before update or delete on procedure_events
    for each row execute function procedure_events_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('procedure_events').execute();
  await sql`drop function procedure_events_append_only()`.execute(db);
  await db.schema.dropTable('procedures').execute();
}
