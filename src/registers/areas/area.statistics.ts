/**
 * Designated hectares per Gemeinde for one version of the register. Overlapping areas count once
 * (union), and each part counts in the Gemeinde it lies in (intersection with the Gemeinde
 * boundaries), so Kreis, planning region and Land are plain sums of Gemeinde values.
 * Gemeinde by Gemeinde: a spatial index (Flatbush, R-tree) over the areas' boxes yields the areas
 * that can touch a Gemeinde, their union is clipped to its boundary; most areas neither overlap
 * another nor come near a Gemeinde border and need no clipping at all. The Gemeinden partition the
 * Land, so this is the union of all areas split by Gemeinde, but each union takes a handful of
 * areas instead of all of them (the sweep line's cost grows faster than the number of edges).
 * Pure: the caller passes the areas and the boundaries (tests pass boundaries of known area).
 */
import Flatbush from 'flatbush';
import { intersection, union, type Geom } from 'polyclip-ts';
import {
  bboxesMeet,
  bboxOf,
  geodesicArea,
  hectares,
  type BBox,
  type MultiPoly,
  type Poly,
} from './area.geometry.ts';

export interface CountableArea {
  /** The counted geometry (after the rotor-in deduction). */
  counted: MultiPoly;
  inForce: boolean;
}

export interface Boundary {
  ags: string;
  geometry: MultiPoly;
  bbox: BBox;
}

export interface GemeindeHectares {
  inForceHa: number;
  withDraftsHa: number;
}

/** Whether the line through a and b passes through (or touches) the box: not all its corners on one side. */
function lineMeetsBox(ax: number, ay: number, bx: number, by: number, box: BBox): boolean {
  const side = (x: number, y: number) => Math.sign((bx - ax) * (y - ay) - (by - ay) * (x - ax));
  const first = side(box[0], box[1]);
  return (
    first === 0 ||
    side(box[2], box[1]) !== first ||
    side(box[0], box[3]) !== first ||
    side(box[2], box[3]) !== first
  );
}

/**
 * Whether a polygon lies wholly inside the boundary, decided cautiously: no edge of the boundary
 * meets the polygon's box (an edge whose box meets it but whose line passes the box by counts as
 * not meeting it), and a corner of the polygon is inside. "No" only
 * means the polygon is clipped like any other.
 */
function wellInside(poly: Poly, box: BBox, boundary: Boundary): boolean {
  let inside = false;
  const [x, y] = poly[0]![0]!;
  for (const part of boundary.geometry)
    for (const ring of part)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[i + 1]!;
        const edge: BBox = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
        if (bboxesMeet(edge, box) && lineMeetsBox(ax, ay, bx, by, box)) return false;
        if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      }
  return inside;
}

/**
 * Hectares of the union of the geometries inside each boundary (boundaries without any omitted).
 * An area whose box meets no other area's box and that lies well inside a Gemeinde counts with
 * its own area; the others are united and clipped to the boundary.
 */
function split(
  geometries: readonly MultiPoly[],
  boundaries: readonly Boundary[],
): Map<string, number> {
  const result = new Map<string, number>();
  const polygons = geometries.flat().filter((poly) => (poly[0]?.length ?? 0) >= 4);
  if (polygons.length === 0) return result;
  const boxes = polygons.map((poly) => bboxOf([poly]));
  const index = new Flatbush(polygons.length);
  for (const [minLon, minLat, maxLon, maxLat] of boxes) index.add(minLon, minLat, maxLon, maxLat);
  index.finish();
  const alone = boxes.map((box) => index.search(...box).length === 1);
  for (const boundary of boundaries) {
    const hits = index.search(...boundary.bbox);
    if (hits.length === 0) continue;
    let squareMetres = 0;
    let found = false;
    const rest: Geom[] = [];
    for (const i of hits) {
      if (alone[i] && wellInside(polygons[i]!, boxes[i]!, boundary)) {
        squareMetres += geodesicArea([polygons[i]!]);
        found = true;
      } else rest.push([polygons[i]!]);
    }
    if (rest.length > 0) {
      const [first, ...others] = rest;
      const merged = others.length > 0 ? union(first!, ...others) : first!;
      const part = intersection(merged, boundary.geometry) as MultiPoly;
      if (part.length > 0) {
        squareMetres += geodesicArea(part);
        found = true;
      }
    }
    if (found) result.set(boundary.ags, hectares(squareMetres));
  }
  return result;
}

export function hectaresByGemeinde(
  areas: readonly CountableArea[],
  boundaries: readonly Boundary[],
): Map<string, GemeindeHectares> {
  const inForce = split(
    areas.filter((a) => a.inForce).map((a) => a.counted),
    boundaries,
  );
  const all = split(
    areas.map((a) => a.counted),
    boundaries,
  );
  const result = new Map<string, GemeindeHectares>();
  for (const [ags, withDraftsHa] of all)
    result.set(ags, { inForceHa: inForce.get(ags) ?? 0, withDraftsHa });
  return result;
}
