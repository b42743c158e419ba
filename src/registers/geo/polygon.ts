/**
 * Geometry types and planar point-in-polygon for GeoJSON-like geometries in lon/lat (WGS84).
 * At NRW scale the distortion of treating degrees as a plane is far below the accuracy of the
 * source polygons, so no projection is needed. The containment test itself is the maintained
 * @turf/boolean-point-in-polygon; this module adapts our geometry types and open rings to it.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

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

/**
 * GeoJSON allows no open rings, but hand-written and imported data has them; the library
 * refuses them, so they are closed here. Rings with fewer than three distinct corners enclose
 * nothing and are dropped (the library would count points on such a line as "on the boundary").
 */
function closedRing(ring: LinearRing): LinearRing | undefined {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  const corners = new Set(closed.map(([lon, lat]) => `${lon} ${lat}`));
  return corners.size >= 3 ? closed : undefined;
}

/** Whether the point lies within the ring's bounding box (edges included). */
function withinRingBox(ring: LinearRing, [lon, lat]: [number, number]): boolean {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [x, y] of ring) {
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

/** The first ring is the outline, every further ring a hole (GeoJSON convention). */
function polygonContains(rings: readonly LinearRing[], point: [number, number]): boolean {
  const [outer, ...holes] = rings;
  const outline = outer === undefined ? undefined : closedRing(outer);
  // Outside the outline's box a point is never inside; the library's predicates can disagree on
  // degenerate, near-zero-area rings, and the box test is cheaper anyway.
  if (outline === undefined || !withinRingBox(outline, point)) return false;
  const closedHoles = holes.map(closedRing).filter((ring) => ring !== undefined);
  // The library's types want mutable GeoJSON positions; it only reads them.
  const coordinates = [outline, ...closedHoles] as unknown as GeoJSON.Position[][];
  return booleanPointInPolygon(point, { type: 'Polygon', coordinates });
}

/**
 * Point-in-polygon by @turf/boolean-point-in-polygon (robust orientation predicates). A point
 * exactly on an edge counts as inside: for "is this site in NRW / in this Gemeinde" a border
 * point belongs to the area rather than to nowhere.
 */
export function pointInPolygon(point: LonLat, geometry: AreaGeometry): boolean {
  const { lon, lat } = point;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
  switch (geometry.type) {
    case 'Polygon':
      return polygonContains(geometry.coordinates, [lon, lat]);
    case 'MultiPolygon':
      return geometry.coordinates.some((rings) => polygonContains(rings, [lon, lat]));
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
