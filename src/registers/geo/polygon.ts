/**
 * Planar point-in-polygon for GeoJSON-like geometries in lon/lat (WGS84). At NRW scale the
 * distortion of treating degrees as a plane is far below the accuracy of the source polygons,
 * so no projection is needed.
 */

export interface LonLat {
  lon: number;
  lat: number;
}

/** A GeoJSON position; a third value (altitude) is allowed and ignored. */
export type Position = readonly [number, number, ...number[]];
export type LinearRing = readonly Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly LinearRing[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Even-odd ray casting towards +lon; works for open and closed rings alike. */
function ringContains(ring: LinearRing, lon: number, lat: number): boolean {
  let inside = false;
  const count = ring.length;
  if (count < 3) return false;
  let previous = ring[count - 1];
  for (const current of ring) {
    if (previous === undefined) break;
    const [x1, y1] = current;
    const [x2, y2] = previous;
    // The half-open test (y1 > lat) !== (y2 > lat) counts a vertex exactly on the ray once.
    if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) {
      inside = !inside;
    }
    previous = current;
  }
  return inside;
}

/** The first ring is the outline, every further ring a hole (GeoJSON convention). */
function polygonContains(rings: readonly LinearRing[], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  if (outer === undefined || !ringContains(outer, lon, lat)) return false;
  return !holes.some((hole) => ringContains(hole, lon, lat));
}

export function pointInPolygon(point: LonLat, geometry: AreaGeometry): boolean {
  const { lon, lat } = point;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
  switch (geometry.type) {
    case 'Polygon':
      return polygonContains(geometry.coordinates, lon, lat);
    case 'MultiPolygon':
      return geometry.coordinates.some((rings) => polygonContains(rings, lon, lat));
  }
}

export function boundingBox(geometry: AreaGeometry): BoundingBox {
  const box: BoundingBox = {
    minLon: Infinity,
    minLat: Infinity,
    maxLon: -Infinity,
    maxLat: -Infinity,
  };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    // Holes lie inside the outline, so the outline alone determines the box.
    for (const [lon, lat] of rings[0] ?? []) {
      if (lon < box.minLon) box.minLon = lon;
      if (lon > box.maxLon) box.maxLon = lon;
      if (lat < box.minLat) box.minLat = lat;
      if (lat > box.maxLat) box.maxLat = lat;
    }
  }
  return box;
}

export function boxContains(box: BoundingBox, point: LonLat): boolean {
  return (
    point.lon >= box.minLon &&
    point.lon <= box.maxLon &&
    point.lat >= box.minLat &&
    point.lat <= box.maxLat
  );
}

/** Runtime check for geometries read from files, so loaders need no unchecked casts. */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const isPosition = (p: unknown) =>
    Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
  const isRing = (r: unknown) => Array.isArray(r) && r.every(isPosition);
  const isRings = (rs: unknown) => Array.isArray(rs) && rs.length > 0 && rs.every(isRing);
  if (type === 'Polygon') return isRings(coordinates);
  if (type === 'MultiPolygon') return Array.isArray(coordinates) && coordinates.every(isRings);
  return false;
}
