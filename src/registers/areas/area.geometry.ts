/**
 * Geometry of designated areas: areas on the WGS84 ellipsoid (GeographicLib's polygon area, the
 * reference algorithm of Karney 2013), overlaps and Gemeinde splits with polyclip-ts (Martinez–
 * Rueda–Feito sweep line), and the inward offset of rotor-in areas (§ 4 Abs. 3 WindBG).
 */
import geographiclib from 'geographiclib-geodesic';
import { difference, type Geom } from 'polyclip-ts';

export type Ring = [number, number][];
export type Poly = Ring[];
export type MultiPoly = Poly[];

const WGS84 = geographiclib.Geodesic.WGS84;

/** GeoJSON Polygon or MultiPolygon coordinates as a list of polygons (validated by the caller). */
export function toMultiPoly(geometry: {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}): MultiPoly {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates as Poly]
    : (geometry.coordinates as MultiPoly);
}

export function fromMultiPoly(multi: MultiPoly): {
  type: 'MultiPolygon';
  coordinates: MultiPoly;
} {
  return { type: 'MultiPolygon', coordinates: multi };
}

/** Unsigned geodesic area of one ring in m² (closing point ignored). */
function ringArea(ring: Ring): number {
  const polygon = WGS84.Polygon(false);
  const last = ring.length - 1;
  const closed = ring[0]![0] === ring[last]![0] && ring[0]![1] === ring[last]![1];
  for (let i = 0; i < (closed ? last : ring.length); i++)
    polygon.AddPoint(ring[i]![1], ring[i]![0]);
  // sign = true: a clockwise ring (GeoJSON holes, files from GIS that wind outer rings
  // clockwise) gives the negative of its own area, not the rest of the earth; the magnitude is
  // the area inside the ring whichever way it winds.
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Area in m² on the ellipsoid: each polygon's outer ring minus its holes. */
export function geodesicArea(multi: MultiPoly): number {
  let total = 0;
  for (const [outer, ...holes] of multi) {
    if (!outer || outer.length < 4) continue;
    total += ringArea(outer) - holes.reduce((sum, h) => sum + (h.length < 4 ? 0 : ringArea(h)), 0);
  }
  return total;
}

export const hectares = (squareMetres: number): number => squareMetres / 10_000;

export type BBox = [number, number, number, number];

export function bboxOf(multi: MultiPoly): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const poly of multi)
    for (const [lon, lat] of poly[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  return [minLon, minLat, maxLon, maxLat];
}

export function bboxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

const DISC_SEGMENTS = 24;

/** Metres per degree of longitude and latitude at a latitude, from the ellipsoid's radii. */
function metresPerDegree(lat: number): { kx: number; ky: number } {
  const { a, f } = geographiclib.Constants.WGS84;
  const e2 = f * (2 - f);
  const phi = (lat * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const meridian = (a * (1 - e2)) / w ** 1.5;
  const normal = a / Math.sqrt(w);
  return {
    kx: (Math.PI / 180) * normal * Math.cos(phi),
    ky: (Math.PI / 180) * meridian,
  };
}

/**
 * The part of an area at least `radius` metres inside its boundary: the area minus a capsule
 * (rectangle plus end discs) around every edge. Computed in a local equirectangular plane around
 * the area's centre with the ellipsoid's radii there; over a few kilometres its scale error is far
 * below a metre of strip width.
 */
export function insetArea(multi: MultiPoly, radius: number): MultiPoly {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(multi);
  const lon0 = (minLon + maxLon) / 2;
  const lat0 = (minLat + maxLat) / 2;
  const { kx, ky } = metresPerDegree(lat0);
  const toPlane = ([lon, lat]: [number, number]): [number, number] => [
    (lon - lon0) * kx,
    (lat - lat0) * ky,
  ];
  const toLonLat = ([x, y]: [number, number]): [number, number] => [x / kx + lon0, y / ky + lat0];
  const plane: MultiPoly = multi.map((poly) => poly.map((ring) => ring.map(toPlane)));
  const capsules: Geom[] = [];
  for (const poly of plane)
    poly.forEach((ring, r) => {
      // Which way the area's inside turns: the outer ring's own turn, the opposite for a hole.
      const inside = Math.sign(signedArea(ring)) * (r === 0 ? 1 : -1);
      const corners = ring.length - 1;
      for (let i = 0; i < corners; i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[i + 1]!;
        const length = Math.hypot(bx - ax, by - ay);
        if (length > 0) {
          const nx = (-(by - ay) / length) * radius;
          const ny = ((bx - ax) / length) * radius;
          capsules.push([
            [
              [ax + nx, ay + ny],
              [bx + nx, by + ny],
              [bx - nx, by - ny],
              [ax - nx, ay - ny],
              [ax + nx, ay + ny],
            ],
          ]);
        }
        // At a corner that turns towards the inside (convex), the strips of its two edges already
        // cover every inside point within the radius of it; only the other corners need a disc.
        const [px, py] = ring[(i + corners - 1) % corners]!;
        const turn = (ax - px) * (by - ay) - (ay - py) * (bx - ax);
        if (turn * inside > 0) continue;
        const disc: Ring = [];
        for (let k = 0; k <= DISC_SEGMENTS; k++) {
          const angle = (2 * Math.PI * (k % DISC_SEGMENTS)) / DISC_SEGMENTS;
          disc.push([ax + radius * Math.cos(angle), ay + radius * Math.sin(angle)]);
        }
        capsules.push([disc]);
      }
    });
  try {
    // One capsule at a time: the sweep over all capsules at once mis-assembles the result for
    // many overlapping operands (whole strips kept or lost); two operands at a time it does not.
    let inner: MultiPoly = plane;
    for (const capsule of capsules) {
      if (inner.length === 0) break;
      if (!bboxesMeet(bboxOf(inner), bboxOf([capsule as Poly]))) continue;
      inner = subtract(inner, capsule);
    }
    return inner.map((poly) => poly.map((ring) => ring.map(toLonLat)));
  } catch {
    // The clipper fails to assemble rings for some shapes. Then the area is shrunk about its
    // centre to the size of the inner parallel body of a convex shape (area − perimeter × r
    // + π r²), which is exact for circles and close for compact areas. [open] Whether this
    // approximation is acceptable for the reporting under § 4 Abs. 3 WindBG needs sign-off.
    return shrunk(plane, radius).map((poly) => poly.map((ring) => ring.map(toLonLat)));
  }
}

/** Shifts of a capsule, in metres, when the clipper cannot assemble a difference with it. */
const NUDGES: readonly [number, number][] = [
  [1e-6, 0],
  [0, 1e-6],
  [-1e-5, 1e-5],
  [1e-4, -1e-4],
];

/**
 * `minuend` minus one capsule. The clipper (polyclip-ts) sometimes fails to close its output
 * rings ("Unable to complete output ring") when segments nearly coincide; the capsule shifted by
 * a micrometre or a tenth of a millimetre, far below any strip width that matters, then passes.
 */
function subtract(minuend: MultiPoly, capsule: Geom): MultiPoly {
  try {
    return difference(minuend, capsule);
  } catch (error) {
    for (const [dx, dy] of NUDGES) {
      const shifted = (capsule as Poly).map((ring) =>
        ring.map(([x, y]): [number, number] => [x + dx, y + dy]),
      );
      try {
        return difference(minuend, shifted);
      } catch {
        // next shift
      }
    }
    throw error;
  }
}

/** Twice the signed area of a closed ring in the plane (positive when counter-clockwise). */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

function shrunk(plane: MultiPoly, radius: number): MultiPoly {
  return plane
    .map((poly) => {
      const outer = poly[0]!;
      let area = 0;
      let perimeter = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i + 1 < outer.length; i++) {
        const [x1, y1] = outer[i]!;
        const [x2, y2] = outer[i + 1]!;
        const cross = x1 * y2 - x2 * y1;
        area += cross / 2;
        cx += ((x1 + x2) * cross) / 6;
        cy += ((y1 + y2) * cross) / 6;
        perimeter += Math.hypot(x2 - x1, y2 - y1);
      }
      const size = Math.abs(area);
      if (size === 0) return [];
      cx /= area;
      cy /= area;
      const innerSize = size - perimeter * radius + Math.PI * radius * radius;
      if (innerSize <= 0) return [];
      const scale = Math.sqrt(innerSize / size);
      return [
        outer.map(([x, y]): [number, number] => [cx + (x - cx) * scale, cy + (y - cy) * scale]),
      ];
    })
    .filter((poly) => poly.length > 0);
}
