/**
 * Projection for the server-rendered NRW map. NRW spans only ~3° of latitude, so an
 * equirectangular projection scaled by cos(mid-latitude) is visually indistinguishable from a
 * conformal one and needs no projection library. The outline comes from data/geo/nrw_land.geojson
 * (© GeoBasis-DE / BKG 2021, dl-de/by-2-0, see data/SOURCES.md).
 */
import { loadNrwOutline } from '../geo/data-files.ts';
import { boundingBox, type AreaGeometry, type BoundingBox } from '../geo/polygon.ts';
import { simplifyRing, type Point } from './simplify.ts';

export type { Point } from './simplify.ts';

export const MAP_WIDTH = 1000;
/** Room around the outline so markers on the border are not cut off by the viewBox. */
const MAP_MARGIN = 20;
/** Douglas–Peucker tolerance in viewBox units: invisible at any sensible display size. */
const SIMPLIFY_TOLERANCE = 0.5;

export interface MapProjection {
  box: BoundingBox;
  width: number;
  height: number;
  project: (lon: number, lat: number) => Point;
}

export function createProjection(
  box: BoundingBox,
  width = MAP_WIDTH,
  margin = MAP_MARGIN,
): MapProjection {
  const cosLat = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * margin) / ((box.maxLon - box.minLon) * cosLat);
  return {
    box,
    width,
    height: Math.ceil((box.maxLat - box.minLat) * scale + 2 * margin),
    project: (lon, lat) => ({
      x: margin + (lon - box.minLon) * cosLat * scale,
      y: margin + (box.maxLat - lat) * scale,
    }),
  };
}

function unionBox(geometries: readonly AreaGeometry[]): BoundingBox {
  const boxes = geometries.map(boundingBox);
  return {
    minLon: Math.min(...boxes.map((b) => b.minLon)),
    minLat: Math.min(...boxes.map((b) => b.minLat)),
    maxLon: Math.max(...boxes.map((b) => b.maxLon)),
    maxLat: Math.max(...boxes.map((b) => b.maxLat)),
  };
}

let projection: MapProjection | undefined;
let path: string | undefined;

/** Fitted to NRW's bounding box; built once from the outline file. */
export function nrwProjection(): MapProjection {
  projection ??= createProjection(unionBox(loadNrwOutline()));
  return projection;
}

export function project(lon: number, lat: number): Point {
  return nrwProjection().project(lon, lat);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function ringPath(points: readonly Point[]): string {
  const rounded: Point[] = [];
  for (const p of points) {
    const q = { x: round(p.x), y: round(p.y) };
    const last = rounded[rounded.length - 1];
    if (!last || last.x !== q.x || last.y !== q.y) rounded.push(q);
  }
  // Fewer than three distinct corners (a closed ring repeats its start) is an invisible sliver.
  if (rounded.length < 4) return '';
  return `M${rounded.map((p) => `${p.x},${p.y}`).join('L')}Z`;
}

/** SVG path data of the NRW outline, holes included (draw with fill-rule="evenodd"). */
export function boundaryPath(): string {
  if (path !== undefined) return path;
  const { project: toMap } = nrwProjection();
  const parts: string[] = [];
  for (const geometry of loadNrwOutline()) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        const points = ring.map(([lon, lat]) => toMap(lon, lat));
        parts.push(ringPath(simplifyRing(points, SIMPLIFY_TOLERANCE)));
      }
    }
  }
  path = parts.join('');
  return path;
}
