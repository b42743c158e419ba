import { sql, type Kysely } from 'kysely';

// The public award list (transparency) of a funding body: one row per grant decision, written in
// the same transaction as the signed decision (tenant_id = the funding body, invariant 7).
// Art. 9 (1) (c) and Annex III AGVO (VO (EU) Nr. 651/2014 as amended by VO (EU) 2023/1315)
// require the publication of individual aid above 100,000 EUR; the row keeps what Annex III
// asks for (beneficiary, size, region, sector, amount, instrument, date, objective, authority,
// measure). `published_from` is null for aid that is recorded but not published (below the
// threshold or no state aid); the public pages read only rows whose publication has begun.
// Migrations never import app code (style.md rule 11): the lists below repeat src/funding/.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_awards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // One award per funding procedure: a retried decision cannot publish twice.
    .addColumn('procedure_id', 'uuid', (c) => c.unique().references('procedures.id'))
    .addColumn('recipient_org_id', 'uuid', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('recipient_name', 'text', (c) =>
      c.notNull().check(sql`length(btrim(recipient_name)) between 2 and 200`),
    )
    // A sole trader is a natural person: the public outputs withhold the name ([open]).
    .addColumn('recipient_natural_person', 'boolean', (c) => c.notNull().defaultTo(false))
    // Amtlicher Gemeindeschlüssel of the seat (8 digits); the Kreis is its first five.
    .addColumn('recipient_ags', 'text', (c) => c.check(sql`recipient_ags ~ '^[0-9]{8}$'`))
    .addColumn('recipient_size', 'text', (c) =>
      c.check(sql`recipient_size in ('small', 'medium', 'large')`),
    )
    .addColumn('nace_code', 'text', (c) => c.check(sql`nace_code ~ '^[0-9]{2}(\\.[0-9]{1,3})?$'`))
    .addColumn('programme_id', 'text', (c) =>
      c.notNull().check(sql`programme_id ~ '^[a-z0-9][a-z0-9-]{1,79}$'`),
    )
    .addColumn('programme_title', 'text', (c) =>
      c.notNull().check(sql`length(btrim(programme_title)) between 2 and 300`),
    )
    .addColumn('aid_basis', 'text', (c) =>
      c.notNull().check(sql`length(btrim(aid_basis)) between 2 and 200`),
    )
    .addColumn('aid_instrument', 'text', (c) =>
      c
        .notNull()
        .check(sql`aid_instrument in ('grant', 'loan', 'guarantee', 'tax', 'equity', 'other')`),
    )
    // At most 1 Mrd. € per award (as the ledger); bigint, read as a JS number.
    .addColumn('amount_cents', 'bigint', (c) =>
      c.notNull().check(sql`amount_cents > 0 and amount_cents <= 100000000000`),
    )
    .addColumn('granted_on', 'date', (c) =>
      c.notNull().check(sql`granted_on between '2000-01-01' and '2200-12-31'`),
    )
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`length(btrim(purpose)) between 3 and 500`),
    )
    .addColumn('reference', 'text', (c) => c.check(sql`length(btrim(reference)) between 1 and 80`))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_from', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('funding_awards_public_idx')
    .on('funding_awards')
    .columns(['granted_on desc', 'id desc'])
    .where(sql.ref('published_from'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('funding_awards_tenant_idx')
    .on('funding_awards')
    .columns(['tenant_id', 'granted_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_awards').execute();
}
