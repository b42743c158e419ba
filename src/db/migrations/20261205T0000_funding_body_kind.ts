import { sql, type Kysely } from 'kysely';

// Funding bodies (Bewilligungsstellen such as a Bezirksregierung or NRW.BANK) are organisations
// of their own kind: they run funding procedures, not permit procedures, and must not be offered
// to applicants as a permit authority.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check
    check (kind in ('authority', 'company', 'agency', 'ministry', 'operator', 'funding-body'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check
    check (kind in ('authority', 'company', 'agency', 'ministry', 'operator'))`.execute(db);
}
