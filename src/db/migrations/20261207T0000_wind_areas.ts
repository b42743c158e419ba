import { sql, type Kysely } from 'kysely';

// Wind-energy areas become a versioned register: every import is a dated version
// (area_imports), an area belongs to the version that brought it and ends with the version that
// replaced it, so the register "as of" any past day is the set of areas alive in the last version
// of or before that day. The statistics of each version (hectares per Gemeinde) are stored with it:
// an earlier view is reproduced exactly, not recomputed from boundaries that may change later.
// The register is public planning data, not case data of an authority, so it carries no tenant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('area_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'integer', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('effective_on', 'date', (c) =>
      c.notNull().check(sql`effective_on between '2000-01-01' and '2200-12-31'`),
    )
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('add', 'replace')`))
    .addColumn('replaced_regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('area_count', 'integer', (c) => c.notNull())
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('areas')
    .addColumn('import_id', 'uuid', (c) => c.references('area_imports.id'))
    .addColumn('ended_by', 'uuid', (c) => c.references('area_imports.id'))
    .addColumn('planning_region', 'text')
    .addColumn('legal_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('in-force')
        .check(sql`legal_status in ('draft', 'in-force')`),
    )
    .addColumn('plan_source', 'text')
    .addColumn('plan_date', 'date')
    .addColumn('rotor_rule', 'text', (c) =>
      c
        .notNull()
        .defaultTo('rotor-out')
        .check(sql`rotor_rule in ('rotor-out', 'rotor-in')`),
    )
    .addColumn('area_ha', 'double precision')
    .addColumn('counted_ha', 'double precision')
    // The part that counts towards the targets where it differs from the geometry (rotor-in).
    .addColumn('counted_geometry', 'jsonb')
    .execute();

  // Areas imported before versioning become one first version, dated by their first import.
  await sql`
    insert into area_imports (effective_on, mode, source, area_count, example, imported_at)
    select min(imported_at)::date, 'add', 'Bestand vor der Versionierung', count(*),
           bool_and(example), min(imported_at)
    from areas having count(*) > 0`.execute(db);
  await sql`update areas set import_id = (select id from area_imports order by seq limit 1)`.execute(
    db,
  );
  await sql`alter table areas alter column import_id set not null`.execute(db);
  await db.schema.createIndex('areas_import_idx').on('areas').column('import_id').execute();
  await db.schema
    .createIndex('areas_current_idx')
    .on('areas')
    .columns(['min_lon', 'max_lon', 'min_lat', 'max_lat'])
    .where(sql.ref('ended_by'), 'is', null)
    .execute();

  await db.schema
    .createTable('area_statistics')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('area_imports.id'))
    .addColumn('ags', 'text', (c) => c.notNull())
    .addColumn('in_force_ha', 'double precision', (c) => c.notNull())
    .addColumn('with_drafts_ha', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_statistics_pkey', ['import_id', 'ags'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('area_statistics').execute();
  await db.schema.dropIndex('areas_current_idx').execute();
  await db.schema.dropIndex('areas_import_idx').execute();
  await db.schema
    .alterTable('areas')
    .dropColumn('import_id')
    .dropColumn('ended_by')
    .dropColumn('planning_region')
    .dropColumn('legal_status')
    .dropColumn('plan_source')
    .dropColumn('plan_date')
    .dropColumn('rotor_rule')
    .dropColumn('area_ha')
    .dropColumn('counted_ha')
    .dropColumn('counted_geometry')
    .execute();
  await db.schema.dropTable('area_imports').execute();
}
