import { sql, type Kysely } from 'kysely';

// Funding procedures on the shared case layer. The procedure itself (step, state, audit chain,
// deadlines, letters) lives in `procedures` like every permit; these tables hold what only a
// funding case has, in integer cents, each row carrying the funding body as tenant_id
// (invariant 7):
//   - funding_cases: one per procedure — programme, call (budget line), requested/granted amount,
//     funding period, recovery with interest after a revocation (§§ 49, 49a VwVfG NRW);
//   - funding_payment_requests: the recipient's payment requests (Mittelabruf) and their outcome;
//   - funding_proofs: the proof of use (Verwendungsnachweis): report and spent amounts by cost
//     category;
//   - funding_reviews: reviewers of competitive calls, with their declaration of a conflict of
//     interest and their score.
// A call is a budget line (funding_budget_lines): it now says whether it is single-stage or
// two-stage and competitive, and until when it accepts applications.
// Migrations never import app code (style.md rule 11).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table memberships drop constraint if exists memberships_role_check`.execute(db);
  await sql`alter table memberships add constraint memberships_role_check
    check (role in ('applicant', 'case_worker', 'supervisor', 'agency_member', 'admin', 'reviewer'))`.execute(
    db,
  );
  await sql`alter table funding_budget_lines
    add column call_mode text not null default 'single'
      check (call_mode in ('single', 'two-stage-competitive')),
    add column call_open_until date`.execute(db);

  await db.schema
    .createTable('funding_cases')
    .addColumn('procedure_id', 'uuid', (c) => c.primaryKey().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('applicant_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('line_id', 'uuid', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addColumn('programme_version', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('requested_cents', 'bigint', (c) =>
      c.notNull().check(sql`requested_cents between 0 and 100000000000`),
    )
    .addColumn('eligible_cents', 'bigint', (c) =>
      c.notNull().check(sql`eligible_cents between 0 and 100000000000`),
    )
    .addColumn('granted_cents', 'bigint', (c) =>
      c.check(sql`granted_cents between 1 and 100000000000`),
    )
    .addColumn('granted_on', 'date')
    .addColumn('period_start', 'date')
    .addColumn('period_end', 'date')
    .addColumn('recovery_cents', 'bigint', (c) => c.check(sql`recovery_cents >= 0`))
    .addColumn('interest_cents', 'bigint', (c) => c.check(sql`interest_cents >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'funding_cases_line',
      ['line_id', 'tenant_id'],
      'funding_budget_lines',
      ['id', 'tenant_id'],
    )
    .execute();
  await sql`alter table funding_cases add constraint funding_cases_period
    check (period_end is null or period_start is null or period_end >= period_start)`.execute(db);
  await db.schema
    .createIndex('funding_cases_applicant')
    .on('funding_cases')
    .columns(['applicant_org_id'])
    .execute();
  await db.schema
    .createIndex('funding_cases_tenant')
    .on('funding_cases')
    .columns(['tenant_id', 'programme_id'])
    .execute();

  await db.schema
    .createTable('funding_payment_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('funding_cases.procedure_id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('amount_cents', 'bigint', (c) =>
      c.notNull().check(sql`amount_cents between 1 and 100000000000`),
    )
    .addColumn('needed_by', 'date', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`length(btrim(purpose)) between 3 and 2000`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('requested')
        .check(sql`status in ('requested', 'paid', 'rejected')`),
    )
    .addColumn('requested_on', 'date', (c) => c.notNull())
    .addColumn('decided_on', 'date')
    .addColumn('decision_reason', 'text')
    .addUniqueConstraint('funding_payment_requests_number', ['procedure_id', 'number'])
    .execute();

  await db.schema
    .createTable('funding_proofs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('funding_cases.procedure_id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .addColumn('report', 'text', (c) =>
      c.notNull().check(sql`length(btrim(report)) between 20 and 20000`),
    )
    // Spent amounts by cost category of the financing plan: {"category": cents}.
    .addColumn('spent', 'jsonb', (c) => c.notNull())
    .addColumn('spent_total_cents', 'bigint', (c) =>
      c.notNull().check(sql`spent_total_cents between 0 and 100000000000`),
    )
    .addColumn('own_funds_cents', 'bigint', (c) => c.notNull().check(sql`own_funds_cents >= 0`))
    .addColumn('other_aid_cents', 'bigint', (c) => c.notNull().check(sql`other_aid_cents >= 0`))
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('funding_reviews')
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('funding_cases.procedure_id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('reviewer_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // null: not yet declared; true: declared a conflict (the review is then not given).
    .addColumn('conflict', 'boolean')
    .addColumn('conflict_note', 'text')
    .addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 100`))
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addPrimaryKeyConstraint('funding_reviews_pk', ['procedure_id', 'reviewer_id'])
    .execute();
  await sql`alter table funding_reviews add constraint funding_reviews_submitted
    check (submitted_at is null or (conflict = false and score is not null and comment is not null))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_reviews').execute();
  await db.schema.dropTable('funding_proofs').execute();
  await db.schema.dropTable('funding_payment_requests').execute();
  await db.schema.dropTable('funding_cases').execute();
  await sql`alter table funding_budget_lines drop column call_mode, drop column call_open_until`.execute(
    db,
  );
}
