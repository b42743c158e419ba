import { sql, type Kysely } from 'kysely';

/**
 * One generic store for the features of every geodata layer loaded from published files (wind
 * turbines, power plants, industrial sites, capacity per Gemeinde, the hydrogen core network,
 * pipelines). These are public reference data, not case data of an authority, so the rows carry
 * no tenant (architecture invariant 7 covers case data).
 *
 * `bbox` is the feature's bounding box as a PostgreSQL `box` with a GiST index: an OGC items
 * request with `bbox` is an index scan for `&&` (overlap) instead of reading every geometry.
 * `position` keeps the order of the source file, so paging with offset is stable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table geo_features (
      layer text not null,
      feature_id text not null,
      position integer not null,
      properties jsonb not null,
      geometry jsonb not null,
      bbox box not null,
      primary key (layer, feature_id),
      unique (layer, position)
    )`.execute(db);
  await sql`create index geo_features_bbox_idx on geo_features using gist (bbox)`.execute(db);
  // What was loaded last for each layer: a start with unchanged files skips the reload.
  await sql`
    create table geo_layer_loads (
      layer text primary key,
      content_hash text not null,
      feature_count integer not null,
      loaded_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table geo_layer_loads`.execute(db);
  await sql`drop table geo_features`.execute(db);
}
