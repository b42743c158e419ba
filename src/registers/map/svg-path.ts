/**
 * SVG path data for GeoJSON geometries on a map projection: project every vertex, simplify in
 * map units (so the tolerance is the same visible error everywhere), round to 0.1 units and drop
 * vertices that rounding made identical. d3-geo's own geoPath is not used for this: it reads
 * polygon winding the spherical way (clockwise = outside), so an RFC 7946 polygon (counter-
 * clockwise outline) would be drawn as the whole globe minus the polygon.
 */
import type { AreaGeometry } from '../geo/polygon.ts';
import type { MapProjection, Point } from './projection.ts';
import { simplifyLine, simplifyRing } from './simplify.ts';

/** Douglas–Peucker tolerance in viewBox units: invisible at any sensible display size. */
export const SIMPLIFY_TOLERANCE = 0.5;

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundedPoints(points: readonly Point[]): Point[] {
  const rounded: Point[] = [];
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const q = { x: round(p.x), y: round(p.y) };
    const last = rounded[rounded.length - 1];
    if (!last || last.x !== q.x || last.y !== q.y) rounded.push(q);
  }
  return rounded;
}

/** A closed ring; fewer than three distinct corners (the start repeats) is an invisible sliver. */
export function ringPath(points: readonly Point[]): string {
  const rounded = roundedPoints(points);
  if (rounded.length < 4) return '';
  return `M${rounded.map((p) => `${p.x},${p.y}`).join('L')}Z`;
}

/** An open line; a single remaining point would draw nothing. */
export function linePath(points: readonly Point[]): string {
  const rounded = roundedPoints(points);
  if (rounded.length < 2) return '';
  return `M${rounded.map((p) => `${p.x},${p.y}`).join('L')}`;
}

type Positions = readonly (readonly number[])[];

function projectAll(projection: MapProjection, positions: Positions): Point[] {
  return positions.map(([lon = NaN, lat = NaN]) => projection.project(lon, lat));
}

/**
 * Path data of a line or area geometry (holes included: draw with fill-rule="evenodd").
 * Points and empty geometries give ''; a GeometryCollection joins its members.
 */
export function geometryPath(
  projection: MapProjection,
  geometry: GeoJSON.Geometry | AreaGeometry,
  tolerance = SIMPLIFY_TOLERANCE,
): string {
  const ring = (positions: Positions) =>
    ringPath(simplifyRing(projectAll(projection, positions), tolerance));
  const line = (positions: Positions) =>
    linePath(simplifyLine(projectAll(projection, positions), tolerance));
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return '';
    case 'LineString':
      return line(geometry.coordinates);
    case 'MultiLineString':
      return geometry.coordinates.map(line).join('');
    case 'Polygon':
      return geometry.coordinates.map((rings) => ring(rings)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((rings) => rings.map(ring)).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => geometryPath(projection, g, tolerance)).join('');
  }
}
