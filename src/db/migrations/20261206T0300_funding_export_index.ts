import { sql, type Kysely } from 'kysely';

// The funding body's application export pages through its cases in procedure_id order (keyset
// paging, src/funding/procedure/grant.export.ts). With this index each page is a range scan of
// the body's own cases starting after the last key; without it every page walked the primary key
// of all funding cases from the start and filtered by body.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index funding_cases_export_idx on funding_cases (tenant_id, procedure_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index funding_cases_export_idx`.execute(db);
}
