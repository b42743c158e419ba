/**
 * Designated hectares per Gemeinde for one version of the register. Overlapping areas count once
 * (union first), and each part counts in the Gemeinde it lies in (intersection with the Gemeinde
 * boundaries), so Kreis, planning region and Land are plain sums of Gemeinde values.
 * Pure: the caller passes the areas and the boundaries (tests pass boundaries of known area).
 */
import { intersection, union, type Geom } from 'polyclip-ts';
import {
  bboxesMeet,
  bboxOf,
  geodesicArea,
  hectares,
  type BBox,
  type MultiPoly,
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

function unionOf(geometries: MultiPoly[]): MultiPoly {
  if (geometries.length === 0) return [];
  const [first, ...rest] = geometries;
  return union(first as Geom, ...(rest as Geom[]));
}

function split(multi: MultiPoly, boundaries: readonly Boundary[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const poly of multi) {
    const box = bboxOf([poly]);
    for (const boundary of boundaries) {
      if (!bboxesMeet(box, boundary.bbox)) continue;
      const part = intersection([poly] as Geom, boundary.geometry) as MultiPoly;
      if (part.length === 0) continue;
      result.set(boundary.ags, (result.get(boundary.ags) ?? 0) + hectares(geodesicArea(part)));
    }
  }
  return result;
}

export function hectaresByGemeinde(
  areas: readonly CountableArea[],
  boundaries: readonly Boundary[],
): Map<string, GemeindeHectares> {
  const inForce = split(unionOf(areas.filter((a) => a.inForce).map((a) => a.counted)), boundaries);
  const all = split(unionOf(areas.map((a) => a.counted)), boundaries);
  const result = new Map<string, GemeindeHectares>();
  for (const [ags, withDraftsHa] of all)
    result.set(ags, { inForceHa: inForce.get(ags) ?? 0, withDraftsHa });
  return result;
}
