import { sql, type Kysely } from 'kysely';

// Imported statistics of the monitoring dashboard (src/dashboard/): one row per import with its
// provenance (source, licence, file hash, who and when), and its values. An import is never
// changed; a newer import of the same indicator replaces the older one from its import time on,
// so a dated link (?stand=) shows the import that was current on that day.
// These are published statistics about the Land, not case data of an authority, so the rows
// carry no tenant (architecture invariant 7 is about case data).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dashboard_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().check(sql`indicator_id ~ '^[a-z0-9][a-z0-9-]{1,79}$'`),
    )
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`length(btrim(source)) between 3 and 300`),
    )
    .addColumn('source_url', 'text', (c) => c.check(sql`source_url ~ '^https?://'`))
    .addColumn('licence', 'text', (c) =>
      c.notNull().check(sql`length(btrim(licence)) between 3 and 200`),
    )
    .addColumn('file_sha256', 'text', (c) => c.notNull().check(sql`file_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('row_count', 'integer', (c) => c.notNull().check(sql`row_count between 1 and 10000`))
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('dashboard_imports_indicator_idx')
    .on('dashboard_imports')
    .columns(['indicator_id', 'imported_at'])
    .execute();
  await db.schema
    .createTable('dashboard_import_values')
    .addColumn('import_id', 'uuid', (c) =>
      c.notNull().references('dashboard_imports.id').onDelete('cascade'),
    )
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('period', 'date', (c) =>
      c.notNull().check(sql`period between '1990-01-01' and '2200-12-31'`),
    )
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`length(btrim(category)) between 1 and 120`),
    )
    // numeric keeps the value exactly as written in the file.
    .addColumn('value', 'numeric(20, 6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_import_values_pk', ['import_id', 'line'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dashboard_import_values').execute();
  await db.schema.dropTable('dashboard_imports').execute();
}
