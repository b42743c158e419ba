import { sql, type Kysely } from 'kysely';

// Long work on one procedure (detecting uniform objections, redaction proposals, large exports)
// runs in the background; a row here records each run for its status page: state, progress,
// times, the German reason of a failure and the file an export produced. Generic case layer:
// the kind is a key the feature that registers it owns. Every row carries the tenant (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z0-9-]{0,39}$'`))
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('phase', 'text')
    .addColumn('progress_done', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`progress_done >= 0`),
    )
    // null while the amount of work is not known yet.
    .addColumn('progress_total', 'integer', (c) => c.check(sql`progress_total >= 0`))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    // Written with every progress step: a running row whose heartbeat stopped lost its process.
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('error_message', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('result_sha256', 'text', (c) => c.check(sql`result_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('result_name', 'text')
    .addColumn('result_type', 'text')
    .addColumn('result_size', 'bigint')
    .execute();
  await sql`alter table work_jobs add constraint work_jobs_failure_explained
    check ((state = 'failed') = (error_message is not null))`.execute(db);
  await sql`alter table work_jobs add constraint work_jobs_finished
    check ((state in ('done', 'failed')) = (finished_at is not null))`.execute(db);
  await sql`alter table work_jobs add constraint work_jobs_result_file
    check ((result_sha256 is null) = (result_name is null))`.execute(db);
  // One running (or waiting) job per procedure and kind: a second request finds the first.
  await sql`create unique index work_jobs_one_active on work_jobs (procedure_id, kind)
    where state in ('queued', 'running')`.execute(db);
  await db.schema
    .createIndex('work_jobs_procedure_idx')
    .on('work_jobs')
    .columns(['procedure_id', 'requested_at'])
    .execute();

  // Redaction proposals of the detector, computed for a whole procedure in the background, so
  // that the review of many objections does not wait for the detector objection by objection.
  // A proposal is never a decision: only a confirmed redaction is ever disclosed.
  await db.schema
    .createTable('objection_redaction_proposals')
    .addColumn('objection_id', 'uuid', (c) =>
      c.primaryKey().references('objections.id').onDelete('cascade'),
    )
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('spans', 'jsonb', (c) => c.notNull())
    .addColumn('span_count', 'integer', (c) => c.notNull().check(sql`span_count >= 0`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objection_redaction_proposals_procedure_idx')
    .on('objection_redaction_proposals')
    .column('procedure_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('objection_redaction_proposals').execute();
  await db.schema.dropTable('work_jobs').execute();
}
