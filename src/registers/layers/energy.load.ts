/**
 * Loads the stored layers from data/ into geo_features at start: idempotent and cheap when
 * nothing changed. Each layer's files are hashed (with the loader version); a layer whose hash
 * matches the last load is skipped without parsing. A changed layer is replaced in one
 * transaction, under an advisory lock per layer, so two instances starting together neither
 * load twice nor leave a half-written layer.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BBox, LayerFeature } from '../catalogue/layer.ts';
import { ENERGY_DATA_DIR } from './energy.read.ts';
import {
  ENERGY_LAYER_SPECS,
  ENERGY_LOADER_VERSION,
  type StoredLayerSpec,
} from './energy.layers.ts';

const BATCH = 500;

function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256').update(`loader:${ENERGY_LOADER_VERSION}\n`);
  for (const relative of files) {
    const url = new URL(relative, ENERGY_DATA_DIR);
    const paths = statSync(url).isDirectory()
      ? readdirSync(url)
          .sort()
          .map((name) => new URL(name, url.href.endsWith('/') ? url : new URL(`${url.href}/`)))
      : [url];
    for (const path of paths) hash.update(`${path.pathname}\n`).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** The bounding box of any GeoJSON geometry (all its positions). */
export function geometryBBox(geometry: GeoJSON.Geometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      minX = Math.min(minX, x!);
      minY = Math.min(minY, y!);
      maxX = Math.max(maxX, x!);
      maxY = Math.max(maxY, y!);
      return;
    }
    for (const item of value) visit(item);
  };
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const [x1, y1, x2, y2] = geometryBBox(g);
      visit([
        [x1, y1],
        [x2, y2],
      ]);
    }
  } else visit(geometry.coordinates);
  if (!Number.isFinite(minX)) throw new Error('Geometrie ohne Koordinaten');
  return [minX, minY, maxX, maxY];
}

/** Replaces all features of `layer` (inside the caller's transaction). */
export async function writeLayerFeatures(
  trx: Db,
  layer: string,
  features: readonly LayerFeature[],
): Promise<void> {
  await trx.deleteFrom('geo_features').where('layer', '=', layer).execute();
  for (let start = 0; start < features.length; start += BATCH) {
    const rows = features.slice(start, start + BATCH).map((f, i) => {
      const [x1, y1, x2, y2] = geometryBBox(f.geometry);
      return sql`(${layer}, ${f.id}, ${start + i}, ${JSON.stringify(f.properties)}::jsonb,
        ${JSON.stringify(f.geometry)}::jsonb, box(point(${x1}, ${y1}), point(${x2}, ${y2})))`;
    });
    await sql`insert into geo_features (layer, feature_id, position, properties, geometry, bbox)
      values ${sql.join(rows)}`.execute(trx);
  }
}

export interface LayerLoadResult {
  layer: string;
  features: number;
  /** False when the files were unchanged since the last load. */
  loaded: boolean;
}

async function loadLayer(db: Db, spec: StoredLayerSpec): Promise<LayerLoadResult> {
  const layer = spec.metadata.id;
  const hash = hashFiles(spec.files);
  const current = async (q: Db) =>
    q
      .selectFrom('geo_layer_loads')
      .select(['content_hash', 'feature_count'])
      .where('layer', '=', layer)
      .executeTakeFirst();
  const before = await current(db);
  if (before?.content_hash === hash)
    return { layer, features: before.feature_count, loaded: false };
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`geo_features:${layer}`}))`.execute(trx);
    const locked = await current(trx);
    if (locked?.content_hash === hash)
      return { layer, features: locked.feature_count, loaded: false };
    const features = spec.read();
    await writeLayerFeatures(trx, layer, features);
    await trx
      .insertInto('geo_layer_loads')
      .values({ layer, content_hash: hash, feature_count: features.length })
      .onConflict((oc) =>
        oc.column('layer').doUpdateSet({
          content_hash: hash,
          feature_count: features.length,
          loaded_at: sql`now()`,
        }),
      )
      .execute();
    return { layer, features: features.length, loaded: true };
  });
}

/** Loads every energy and network layer whose files changed; returns what it did per layer. */
export async function loadEnergyLayers(
  db: Db,
  specs: readonly StoredLayerSpec[] = ENERGY_LAYER_SPECS,
): Promise<LayerLoadResult[]> {
  const results: LayerLoadResult[] = [];
  for (const spec of specs) results.push(await loadLayer(db, spec));
  return results;
}
