import { sql, type Kysely } from 'kysely';

// The area an authority is competent for under the ZustVU NRW: the Kreis key (first five digits
// of the AGS, e.g. 05774 for Kreis Paderborn, a kreisfreie Stadt likewise) or the Regierungsbezirk
// key (three digits, e.g. 055 for Münster) of a Bezirksregierung. Optional: an organisation
// without it (agencies, ministries, authorities not yet described) is matched to no area.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations
      add column competence_area text
        check (competence_area ~ '^05[0-9]([0-9]{2})?$')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column competence_area`.execute(db);
}
