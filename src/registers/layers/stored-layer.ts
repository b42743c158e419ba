/**
 * A FeatureLayer whose features live in the generic table geo_features (loaded from the
 * published files in data/, see energy.load.ts). Items with a bbox are an index scan of the GiST
 * index on the features' bounding boxes; the order is the source file's, so offset paging is
 * stable between requests.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  BBox,
  FeatureLayer,
  LayerFeature,
  LayerPage,
  LayerQuery,
} from '../catalogue/layer.ts';

/** Everything of a FeatureLayer except how it reads: that is the same for every stored layer. */
export type StoredLayerMetadata = Omit<FeatureLayer, 'extent' | 'items' | 'item'>;

function boxOf(bbox: BBox) {
  return sql`box(point(${bbox[0]}, ${bbox[1]}), point(${bbox[2]}, ${bbox[3]}))`;
}

function toFeature(row: {
  feature_id: string;
  properties: LayerFeature['properties'];
  geometry: GeoJSON.Geometry;
}): LayerFeature {
  return { id: row.feature_id, properties: row.properties, geometry: row.geometry };
}

export async function storedItems(db: Db, layer: string, query: LayerQuery): Promise<LayerPage> {
  let filtered = db.selectFrom('geo_features').where('layer', '=', layer);
  if (query.bbox) filtered = filtered.where(sql<boolean>`bbox && ${boxOf(query.bbox)}`);
  const [count, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    filtered
      .select(['feature_id', 'properties', 'geometry'])
      .orderBy('position')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return { numberMatched: Number(count.n), features: rows.map(toFeature) };
}

export async function storedItem(
  db: Db,
  layer: string,
  id: string,
): Promise<LayerFeature | undefined> {
  const row = await db
    .selectFrom('geo_features')
    .select(['feature_id', 'properties', 'geometry'])
    .where('layer', '=', layer)
    .where('feature_id', '=', id)
    .executeTakeFirst();
  return row ? toFeature(row) : undefined;
}

export async function storedExtent(db: Db, layer: string): Promise<BBox | undefined> {
  // A box's corners come back as upper-right [0] and lower-left [1] (PostgreSQL normalises them).
  const row = await sql<{ x1: number | null; y1: number | null; x2: number; y2: number }>`
    select min((bbox[1])[0]) as x1, min((bbox[1])[1]) as y1,
           max((bbox[0])[0]) as x2, max((bbox[0])[1]) as y2
    from geo_features where layer = ${layer}`.execute(db);
  const r = row.rows[0];
  if (!r || r.x1 === null || r.y1 === null) return undefined;
  return [r.x1, r.y1, r.x2, r.y2];
}

/** The FeatureLayer of a stored layer: its metadata, reading from geo_features. */
export function storedLayer(metadata: StoredLayerMetadata): FeatureLayer {
  return {
    ...metadata,
    extent: (db) => storedExtent(db, metadata.id),
    items: (db, query) => storedItems(db, metadata.id, query),
    item: (db, id) => storedItem(db, metadata.id, id),
  };
}
