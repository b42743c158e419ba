/**
 * Projection for the server-rendered NRW maps: a transverse Mercator (d3-geo) centred on the
 * map's middle meridian — the same family as ETRS89 / UTM zone 32N, the official reference
 * system of NRW's surveying, so shapes look as on the Land's own maps. Conformal: small shapes
 * keep their form everywhere on the map. d3-geo works on the sphere; the difference to the
 * ellipsoid is far below a pixel at this scale. The outline comes from data/geo/nrw_land.geojson
 * (© GeoBasis-DE / BKG 2021, dl-de/by-2-0, see data/SOURCES.md).
 */
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { loadNrwOutline } from '../geo/data-files.ts';
import { boundingBox, type AreaGeometry, type BoundingBox } from '../geo/polygon.ts';
import { geometryPath } from './svg-path.ts';

export type { Point } from './simplify.ts';
import type { Point } from './simplify.ts';

export const MAP_WIDTH = 1000;
/** Room around the outline so markers on the border are not cut off by the viewBox. */
const MAP_MARGIN = 20;
/** Samples per edge when a bounding box is fitted: its edges are curves on the map. */
const BOX_EDGE_SAMPLES = 16;

export interface MapProjection {
  /** The lon/lat extent the map was fitted to; markers outside it are not drawn. */
  box: BoundingBox;
  width: number;
  height: number;
  project: (lon: number, lat: number) => Point;
}

/**
 * Fits the given lon/lat positions to the width (less the margin on both sides) and derives the
 * height from them. Fitting positions (a MultiPoint) rather than polygons avoids d3-geo's
 * spherical reading of polygon winding.
 */
function fitPositions(
  box: BoundingBox,
  positions: [number, number][],
  width: number,
  margin: number,
): MapProjection {
  const sample: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: positions };
  const projection = geoTransverseMercator()
    .rotate([-(box.minLon + box.maxLon) / 2, 0])
    .fitWidth(width - 2 * margin, sample);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(sample);
  const [tx, ty] = projection.translate();
  projection.translate([tx + margin - x0, ty + margin - y0]);
  return {
    box,
    width,
    height: Math.ceil(y1 - y0 + 2 * margin),
    project: (lon, lat) => {
      const xy = projection([lon, lat]);
      return xy ? { x: xy[0], y: xy[1] } : { x: NaN, y: NaN };
    },
  };
}

function boxEdges(box: BoundingBox): [number, number][] {
  const positions: [number, number][] = [];
  for (let i = 0; i <= BOX_EDGE_SAMPLES; i++) {
    const t = i / BOX_EDGE_SAMPLES;
    const lon = box.minLon + t * (box.maxLon - box.minLon);
    const lat = box.minLat + t * (box.maxLat - box.minLat);
    positions.push([lon, box.minLat], [lon, box.maxLat], [box.minLon, lat], [box.maxLon, lat]);
  }
  return positions;
}

/** The whole lon/lat box fits into the width; its curved edges touch the margin. */
export function createProjection(
  box: BoundingBox,
  width = MAP_WIDTH,
  margin = MAP_MARGIN,
): MapProjection {
  return fitPositions(box, boxEdges(box), width, margin);
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

function outlinePositions(geometries: readonly AreaGeometry[]): [number, number][] {
  const positions: [number, number][] = [];
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const [lon, lat] of rings[0] ?? []) positions.push([lon, lat]);
    }
  }
  return positions;
}

let projection: MapProjection | undefined;
let path: string | undefined;

/** Fitted to the NRW outline itself (not its box), so the outline spans the width. */
export function nrwProjection(): MapProjection {
  if (projection) return projection;
  const outline = loadNrwOutline();
  projection = fitPositions(unionBox(outline), outlinePositions(outline), MAP_WIDTH, MAP_MARGIN);
  return projection;
}

export function project(lon: number, lat: number): Point {
  return nrwProjection().project(lon, lat);
}

/** SVG path data of the NRW outline, holes included (draw with fill-rule="evenodd"). */
export function boundaryPath(): string {
  path ??= loadNrwOutline()
    .map((geometry) => geometryPath(nrwProjection(), geometry))
    .join('');
  return path;
}
