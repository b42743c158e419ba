import { sql, type Kysely } from 'kysely';

// Working on a case: who is responsible (case worker and deputy), internal notes (Aktenvermerke)
// and follow-ups (Wiedervorlagen). Generic case layer; every row carries the tenant (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('procedure_assignments')
    .addColumn('procedure_id', 'uuid', (c) => c.primaryKey().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_worker_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('deputy_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  // A deputy stands in for someone else: never the case worker themself, never without one.
  await sql`alter table procedure_assignments add constraint procedure_assignments_deputy
    check (deputy_id is null or (case_worker_id is not null and deputy_id <> case_worker_id))`.execute(
    db,
  );
  // The work queue's filters "mine" (as case worker or deputy) within the own authority.
  await db.schema
    .createIndex('procedure_assignments_worker_idx')
    .on('procedure_assignments')
    .columns(['case_worker_id', 'tenant_id'])
    .execute();
  await db.schema
    .createIndex('procedure_assignments_deputy_idx')
    .on('procedure_assignments')
    .columns(['deputy_id', 'tenant_id'])
    .execute();

  await db.schema
    .createTable('procedure_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(btrim(body)) > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_notes_procedure_idx')
    .on('procedure_notes')
    .columns(['procedure_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('procedure_follow_ups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(btrim(text)) > 0`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', (c) => c.references('users.id'))
    // Set once when the reminder mail was queued: a follow-up mails once, even with several workers.
    .addColumn('notified_at', 'timestamptz')
    .execute();
  await sql`create index procedure_follow_ups_open_idx on procedure_follow_ups
    (tenant_id, due_date) where done_at is null`.execute(db);
  await db.schema
    .createIndex('procedure_follow_ups_procedure_idx')
    .on('procedure_follow_ups')
    .columns(['procedure_id', 'due_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('procedure_follow_ups').execute();
  await db.schema.dropTable('procedure_notes').execute();
  await db.schema.dropTable('procedure_assignments').execute();
}
