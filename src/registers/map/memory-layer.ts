/**
 * A FeatureLayer over features held in memory: the map's tests and benchmark draw layers of
 * every geometry kind with it, without depending on any register's tables.
 */
import type {
  BBox,
  FeatureLayer,
  LayerFeature,
  LayerGeometryKind,
  LayerProperty,
  LayerSource,
} from '../catalogue/layer.ts';

function positions(geometry: GeoJSON.Geometry): GeoJSON.Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

export function featureBox(geometry: GeoJSON.Geometry): BBox | undefined {
  const all = positions(geometry);
  if (all.length === 0) return undefined;
  const lons = all.map((p) => p[0] ?? NaN);
  const lats = all.map((p) => p[1] ?? NaN);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function intersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export interface MemoryLayerSpec {
  id: string;
  title: string;
  geometry: LayerGeometryKind;
  features: LayerFeature[];
  properties?: readonly LayerProperty[];
  labelProperty?: string;
  source?: Partial<LayerSource>;
}

export function memoryLayer(spec: MemoryLayerSpec): FeatureLayer {
  const boxes = spec.features.map((f) => featureBox(f.geometry));
  const matching = (bbox?: BBox) =>
    spec.features.filter((_, i) => {
      const box = boxes[i];
      return bbox === undefined || (box !== undefined && intersects(box, bbox));
    });
  return {
    id: spec.id,
    title: spec.title,
    description: `Testebene ${spec.title}`,
    geometry: spec.geometry,
    labelProperty: spec.labelProperty ?? 'name',
    properties: spec.properties ?? [{ name: 'name', title: 'Name', type: 'string' }],
    source: {
      name: 'Testdaten',
      licence: 'Datenlizenz Deutschland – Zero – Version 2.0',
      attribution: 'Testdaten',
      dataDate: '2026-01-01',
      ...spec.source,
    },
    extent: () => {
      const defined = boxes.filter((b) => b !== undefined);
      if (defined.length === 0) return Promise.resolve(undefined);
      return Promise.resolve([
        Math.min(...defined.map((b) => b[0])),
        Math.min(...defined.map((b) => b[1])),
        Math.max(...defined.map((b) => b[2])),
        Math.max(...defined.map((b) => b[3])),
      ] as BBox);
    },
    items: (_db, query) => {
      const found = matching(query.bbox);
      return Promise.resolve({
        features: found.slice(query.offset, query.offset + query.limit),
        numberMatched: found.length,
      });
    },
    item: (_db, id) => Promise.resolve(spec.features.find((f) => f.id === id)),
  };
}
