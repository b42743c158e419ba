import geodesic from 'geographiclib-geodesic';
import * as polyclip from 'polyclip-ts';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { LIMITS } from './site.types.ts';

/**
 * Geometry of a site: reading a GeoJSON geometry defensively, its area on the WGS84 ellipsoid
 * (GeographicLib, Karney 2013), its centre and box, and the overlap of two sites (polyclip-ts).
 * Coordinates are [lon, lat] (CRS84).
 */
export type SiteGeometry = GeoJSON.Point | GeoJSON.Polygon | GeoJSON.MultiPolygon;

const WGS84 = geodesic.Geodesic.WGS84;
const SQUARE_METRES_PER_HECTARE = 10_000;

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

function readRing(value: unknown, budget: { left: number }): [number, number][] | string {
  if (!Array.isArray(value) || value.length < 4)
    return 'Ein Ring eines Polygons braucht mindestens vier Punkte.';
  budget.left -= value.length;
  if (budget.left < 0) return `Die Geometrie hat mehr als ${LIMITS.vertices} Punkte.`;
  const ring: [number, number][] = [];
  for (const position of value) {
    if (!isPosition(position))
      return 'Ein Punkt der Geometrie ist keine gültige Länge/Breite in Grad.';
    ring.push([position[0], position[1]]);
  }
  const [first, last] = [ring[0]!, ring.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'Ein Ring eines Polygons ist nicht geschlossen (erster und letzter Punkt verschieden).';
  return ring;
}

function readPolygon(value: unknown, budget: { left: number }): [number, number][][] | string {
  if (!Array.isArray(value) || value.length === 0) return 'Ein Polygon hat keine Ringe.';
  const rings: [number, number][][] = [];
  for (const raw of value) {
    const ring = readRing(raw, budget);
    if (typeof ring === 'string') return ring;
    rings.push(ring);
  }
  return rings;
}

/** A Point, Polygon or MultiPolygon with plain numbers only; anything else gets a German reason. */
export function readGeometry(value: unknown): { geometry: SiteGeometry } | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'Die Geometrie fehlt oder ist kein GeoJSON-Objekt.' };
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const budget = { left: LIMITS.vertices };
  if (type === 'Point') {
    if (!isPosition(coordinates))
      return { error: 'Der Punkt hat keine gültige Länge/Breite in Grad.' };
    return { geometry: { type: 'Point', coordinates: [coordinates[0], coordinates[1]] } };
  }
  if (type === 'Polygon') {
    const rings = readPolygon(coordinates, budget);
    return typeof rings === 'string'
      ? { error: rings }
      : { geometry: { type: 'Polygon', coordinates: rings } };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      return { error: 'Das MultiPolygon enthält keine Polygone.' };
    const polygons: [number, number][][][] = [];
    for (const raw of coordinates) {
      const rings = readPolygon(raw, budget);
      if (typeof rings === 'string') return { error: rings };
      polygons.push(rings);
    }
    return { geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  return {
    error: 'Als Geometrie sind nur Point, Polygon und MultiPolygon (GeoJSON) zugelassen.',
  };
}

function polygonsOf(geometry: SiteGeometry): GeoJSON.Position[][][] {
  if (geometry.type === 'Point') return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every vertex (or the point) of the geometry. */
export function verticesOf(geometry: SiteGeometry): [number, number][] {
  if (geometry.type === 'Point')
    return [[geometry.coordinates[0]!, geometry.coordinates[1]!] as [number, number]];
  return polygonsOf(geometry).flatMap((polygon) =>
    polygon.flatMap((ring) => ring.slice(0, -1).map((p) => [p[0]!, p[1]!] as [number, number])),
  );
}

/** Unsigned geodesic area of one ring in square metres. */
function ringArea(ring: GeoJSON.Position[]): number {
  const polygon = WGS84.Polygon(false);
  for (const position of ring.slice(0, -1)) polygon.AddPoint(position[1]!, position[0]!);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Area on the WGS84 ellipsoid in hectares: outer rings minus holes; null for a point. */
export function geodesicAreaHa(geometry: SiteGeometry): number | null {
  if (geometry.type === 'Point') return null;
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    total += ringArea(outer!) - holes.reduce((sum, hole) => sum + ringArea(hole), 0);
  }
  return total / SQUARE_METRES_PER_HECTARE;
}

export function bboxOf(geometry: SiteGeometry): [number, number, number, number] {
  const vertices = verticesOf(geometry);
  const lons = vertices.map((v) => v[0]);
  const lats = vertices.map((v) => v[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * A representative point: the point itself, or the area-weighted centroid of the largest outer
 * ring (planar in degrees — at a site's size the difference to the ellipsoid is centimetres).
 */
export function centreOf(geometry: SiteGeometry): [number, number] {
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!];
  let best: { area: number; x: number; y: number } | undefined;
  for (const [outer] of polygonsOf(geometry)) {
    let area = 0;
    let x = 0;
    let y = 0;
    const ring = outer!;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = [ring[i]![0]!, ring[i]![1]!];
      const [x1, y1] = [ring[i + 1]![0]!, ring[i + 1]![1]!];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    if (area === 0) continue;
    const candidate = { area: Math.abs(area), x: x / (3 * area), y: y / (3 * area) };
    if (!best || candidate.area > best.area) best = candidate;
  }
  if (!best) {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
    return [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  }
  return [best.x, best.y];
}

/** The geometry with longitude and latitude exchanged in every position. */
export function swapAxes(geometry: SiteGeometry): SiteGeometry {
  const swap = (p: GeoJSON.Position): GeoJSON.Position => [p[1]!, p[0]!];
  if (geometry.type === 'Point') return { type: 'Point', coordinates: swap(geometry.coordinates) };
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(swap)) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((poly) => poly.map((r) => r.map(swap))),
  };
}

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

type ClipGeom = Parameters<typeof polyclip.intersection>[0];
const asClip = (geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): ClipGeom =>
  geometry.coordinates as unknown as ClipGeom;

/**
 * How two sites overlap: the geodesic area of the intersection of two areas (polyclip-ts), or
 * whether a point lies in an area or two points lie within 25 m of each other (the same site
 * entered twice). Undefined: they do not meet.
 */
export function overlapOf(
  a: SiteGeometry,
  b: SiteGeometry,
): { kind: 'area'; hectares: number } | { kind: 'point' } | undefined {
  if (!boxesMeet(bboxOf(a), bboxOf(b))) {
    if (a.type !== 'Point' || b.type !== 'Point') return undefined;
  }
  if (a.type === 'Point' && b.type === 'Point') {
    const { s12 } = WGS84.Inverse(
      a.coordinates[1]!,
      a.coordinates[0]!,
      b.coordinates[1]!,
      b.coordinates[0]!,
    );
    return (s12 ?? Infinity) <= 25 ? { kind: 'point' } : undefined;
  }
  if (a.type === 'Point' || b.type === 'Point') {
    const [point, area] = (a.type === 'Point' ? [a, b] : [b, a]) as [
      GeoJSON.Point,
      GeoJSON.Polygon | GeoJSON.MultiPolygon,
    ];
    return booleanPointInPolygon(point.coordinates, area) ? { kind: 'point' } : undefined;
  }
  const parts = polyclip.intersection(asClip(a), asClip(b));
  if (parts.length === 0) return undefined;
  const hectares =
    geodesicAreaHa({
      type: 'MultiPolygon',
      coordinates: parts as unknown as GeoJSON.Position[][][],
    }) ?? 0;
  return hectares > 0 ? { kind: 'area', hectares } : undefined;
}
