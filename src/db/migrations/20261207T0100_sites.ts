import { sql, type Kysely } from 'kysely';

// The brownfield and industrial site register (docs/site-register.md):
//   - a new organisation kind 'municipality' (a municipality's economic-development office) and a
//     new membership role 'site_provider': the people who keep their organisation's sites;
//   - sites: one row per site, the provider organisation as tenant_id (invariant 7). Sites are
//     ended (end_date), never deleted, so that a published reference stays resolvable;
//   - site_problems: what the validator flagged on a site (stored, shown to the provider until
//     the site is saved again without that flag).
// Other parts of the platform may add roles or kinds in their own migrations. So the check
// constraints are extended by reading the values they allow now, not by restating a fixed list
// that would silently drop another migration's value.
// Migrations never import app code (style.md rule 11).

async function allowedValues(db: Kysely<unknown>, constraint: string): Promise<string[]> {
  const row = await sql<{ def: string }>`
    select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${constraint}`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) return [];
  return [...row.def.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

async function setCheck(
  db: Kysely<unknown>,
  table: string,
  column: string,
  constraint: string,
  values: readonly string[],
): Promise<void> {
  const list = sql.join(values.map((v) => sql.lit(v)));
  await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(constraint)}`.execute(
    db,
  );
  await sql`alter table ${sql.table(table)} add constraint ${sql.id(constraint)}
    check (${sql.ref(column)} in (${list}))`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const roles = await allowedValues(db, 'memberships_role_check');
  await setCheck(db, 'memberships', 'role', 'memberships_role_check', [
    ...new Set([...roles, 'site_provider']),
  ]);
  const kinds = await allowedValues(db, 'organisations_kind_check');
  await setCheck(db, 'organisations', 'kind', 'organisations_kind_check', [
    ...new Set([...kinds, 'municipality']),
  ]);

  await db.schema
    .createTable('sites')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // GeoJSON Point, Polygon or MultiPolygon in CRS84; the bounding box and the centre beside it
    // for search and the map.
    .addColumn('geometry', 'jsonb', (c) => c.notNull())
    .addColumn('centre_lon', 'float8', (c) => c.notNull())
    .addColumn('centre_lat', 'float8', (c) => c.notNull())
    .addColumn('min_lon', 'float8', (c) => c.notNull())
    .addColumn('min_lat', 'float8', (c) => c.notNull())
    .addColumn('max_lon', 'float8', (c) => c.notNull())
    .addColumn('max_lat', 'float8', (c) => c.notNull())
    .addColumn('geometry_ha', 'float8')
    .addColumn('ags', 'text')
    .addColumn('gemeinde', 'text')
    .addColumn('gross_ha', 'float8', (c) => c.notNull().check(sql`gross_ha > 0`))
    .addColumn('net_ha', 'float8', (c) => c.check(sql`net_ha > 0`))
    .addColumn('ownership', 'text', (c) =>
      c.notNull().check(sql`ownership in ('municipal', 'private', 'public-other', 'mixed')`),
    )
    .addColumn('planning_status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`planning_status in ('binding-plan', 'plan-in-preparation', 'land-use-plan', 'section-34', 'none')`,
        ),
    )
    .addColumn('zoning', 'text', (c) =>
      c.notNull().check(sql`zoning in ('GI', 'GE', 'SO', 'MI', 'other', 'none')`),
    )
    .addColumn('contamination', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`contamination in ('none', 'remediated', 'suspected', 'contaminated', 'unknown')`,
        ),
    )
    .addColumn('mining_supervision', 'text', (c) =>
      c.notNull().check(sql`mining_supervision in ('never', 'released', 'under')`),
    )
    .addColumn('grid_connection', 'text', (c) =>
      c.notNull().check(sql`grid_connection in ('available', 'planned', 'none', 'unknown')`),
    )
    .addColumn('hydrogen_distance_km', 'float8')
    .addColumn('readiness', 'text', (c) =>
      c.notNull().check(sql`readiness in ('immediate', 'short-term', 'medium-term', 'long-term')`),
    )
    .addColumn('available_from', 'date')
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('end_reason', 'text')
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A provider's reference names one site for good, also after the site has ended.
    .addUniqueConstraint('sites_provider_reference', ['tenant_id', 'reference'])
    .addCheckConstraint('sites_end_after_start', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex('sites_current_bbox')
    .on('sites')
    .columns(['min_lon', 'max_lon', 'min_lat', 'max_lat'])
    .where(sql.ref('end_date'), 'is', null)
    .execute();

  await db.schema
    .createTable('site_problems')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('site_id', 'uuid', (c) => c.notNull().references('sites.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('site_problems_tenant')
    .on('site_problems')
    .columns(['tenant_id', 'site_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_problems').execute();
  await db.schema.dropTable('sites').execute();
  const roles = await allowedValues(db, 'memberships_role_check');
  await setCheck(
    db,
    'memberships',
    'role',
    'memberships_role_check',
    roles.filter((r) => r !== 'site_provider'),
  );
  const kinds = await allowedValues(db, 'organisations_kind_check');
  await setCheck(
    db,
    'organisations',
    'kind',
    'organisations_kind_check',
    kinds.filter((k) => k !== 'municipality'),
  );
}
