/**
 * Designated hectares per Gemeinde for one version of the register. Overlapping areas count once
 * (union), and each part counts in the Gemeinde it lies in (intersection with the Gemeinde
 * boundaries), so Kreis, planning region and Land are plain sums of Gemeinde values.
 * Gemeinde by Gemeinde: a spatial index (Flatbush, R-tree) over the areas' boxes yields the areas
 * that can touch a Gemeinde, their union is clipped to its boundary. The Gemeinden partition the
 * Land, so this is the union of all areas split by Gemeinde, but each union takes a handful of
 * areas instead of all of them (the sweep line's cost grows faster than the number of edges).
 * Pure: the caller passes the areas and the boundaries (tests pass boundaries of known area).
 */
import Flatbush from 'flatbush';
import { intersection, union, type Geom } from 'polyclip-ts';
import { bboxOf, geodesicArea, hectares, type BBox, type MultiPoly } from './area.geometry.ts';

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

/** Hectares of the union of the geometries inside each boundary (boundaries without any omitted). */
function split(
  geometries: readonly MultiPoly[],
  boundaries: readonly Boundary[],
): Map<string, number> {
  const result = new Map<string, number>();
  const polygons = geometries.flat().filter((poly) => (poly[0]?.length ?? 0) >= 4);
  if (polygons.length === 0) return result;
  const index = new Flatbush(polygons.length);
  for (const poly of polygons) {
    const [minLon, minLat, maxLon, maxLat] = bboxOf([poly]);
    index.add(minLon, minLat, maxLon, maxLat);
  }
  index.finish();
  for (const boundary of boundaries) {
    const [minLon, minLat, maxLon, maxLat] = boundary.bbox;
    const hits = index.search(minLon, minLat, maxLon, maxLat);
    if (hits.length === 0) continue;
    const [first, ...rest] = hits.map((i) => [polygons[i]!] as Geom);
    const merged = rest.length > 0 ? union(first!, ...rest) : first!;
    const part = intersection(merged, boundary.geometry) as MultiPoly;
    if (part.length === 0) continue;
    result.set(boundary.ags, hectares(geodesicArea(part)));
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
