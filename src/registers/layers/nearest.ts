/**
 * Distances on the WGS84 ellipsoid (GeographicLib) from a site to the nearest element of a
 * network: a point (a core-network location) or a polyline (a pipeline route).
 *
 * The distance to a polyline segment is the distance to the nearest point ON the geodesic between
 * its two vertices, not to its vertices: pipeline routes have vertices tens of kilometres apart.
 * That point is found by golden-section search along the geodesic; the distance from a point to
 * the points of a geodesic segment shorter than a few thousand kilometres has a single minimum, so
 * the search converges to it (to below a millimetre here, see SEARCH_TOLERANCE_M).
 *
 * To keep this fast over thousands of segments, a cheap planar distance (equirectangular at the
 * site's latitude) ranks the candidates first; only those that could still be the nearest within
 * the planar error bound are measured on the ellipsoid. For distances below 500 km in Germany the
 * planar distance is within 2 % of the ellipsoidal one (checked in nearest.test.ts), so a
 * candidate is skipped only if its planar distance exceeds the best ellipsoidal one by more than
 * 5 % + 1 km: the result is the ellipsoidal minimum, not an approximation.
 */
import geodesic from 'geographiclib-geodesic';

const WGS84 = geodesic.Geodesic.WGS84;
const SEARCH_TOLERANCE_M = 0.0005;
const GOLDEN = (Math.sqrt(5) - 1) / 2;
/** Mean radius for the planar pre-ranking only. */
const MEAN_RADIUS_M = 6371008.8;

export type LonLat = readonly [number, number];

/** Geodesic distance in metres between two lon/lat points. */
export function geodesicDistance(a: LonLat, b: LonLat): number {
  return WGS84.Inverse(a[1], a[0], b[1], b[0], geodesic.Geodesic.DISTANCE).s12 ?? Number.NaN;
}

export interface NearestPoint {
  distanceM: number;
  point: LonLat;
}

/** The nearest point to `p` on the geodesic segment from `a` to `b`, with its distance. */
export function nearestOnSegment(p: LonLat, a: LonLat, b: LonLat): NearestPoint {
  const line = WGS84.InverseLine(a[1], a[0], b[1], b[0]);
  const length = line.s13;
  const at = (s: number): NearestPoint => {
    const pos = line.Position(s, geodesic.Geodesic.LATITUDE | geodesic.Geodesic.LONGITUDE);
    const point: LonLat = [pos.lon2 ?? a[0], pos.lat2 ?? a[1]];
    return { distanceM: geodesicDistance(p, point), point };
  };
  if (!(length > SEARCH_TOLERANCE_M)) return at(0);
  let lo = 0;
  let hi = length;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = at(x1).distanceM;
  let f2 = at(x2).distanceM;
  while (hi - lo > SEARCH_TOLERANCE_M) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - GOLDEN * (hi - lo);
      f1 = at(x1).distanceM;
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + GOLDEN * (hi - lo);
      f2 = at(x2).distanceM;
    }
  }
  // The ends are candidates too: the search brackets an interior minimum or converges to an end.
  return [at(0), at((lo + hi) / 2), at(length)].reduce((best, c) =>
    c.distanceM < best.distanceM ? c : best,
  );
}

/** One element of a network the distance is measured to. */
export interface NetworkTarget {
  id: string;
  label: string;
  kind: 'point' | 'line';
  /** A point has one position; a line its vertices (one part of a route). */
  positions: readonly LonLat[];
  /** Planned commissioning as published (year or date), or null where the data has none. */
  commissioning: string | null;
}

export interface NearestTarget extends NearestPoint {
  target: NetworkTarget;
}

/** Planar distance (metres) from p to segment ab, equirectangular around p: for ranking only. */
function planarDistance(p: LonLat, a: LonLat, b: LonLat): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const scale = (MEAN_RADIUS_M * Math.PI) / 180;
  const ax = (a[0] - p[0]) * k * scale;
  const ay = (a[1] - p[1]) * scale;
  const bx = (b[0] - p[0]) * k * scale;
  const by = (b[1] - p[1]) * scale;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

interface Candidate {
  target: NetworkTarget;
  a: LonLat;
  b: LonLat;
  planar: number;
}

/** The nearest network element to `site` on the ellipsoid, or undefined for an empty network. */
export function nearestTarget(
  site: LonLat,
  targets: readonly NetworkTarget[],
): NearestTarget | undefined {
  const candidates: Candidate[] = [];
  for (const target of targets) {
    const positions = target.positions;
    if (positions.length === 1 || target.kind === 'point') {
      for (const position of positions)
        candidates.push({
          target,
          a: position,
          b: position,
          planar: planarDistance(site, position, position),
        });
      continue;
    }
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1]!;
      const b = positions[i]!;
      candidates.push({ target, a, b, planar: planarDistance(site, a, b) });
    }
  }
  candidates.sort((x, y) => x.planar - y.planar);
  let best: NearestTarget | undefined;
  for (const candidate of candidates) {
    if (best && candidate.planar > best.distanceM * 1.05 + 1000) break;
    const found =
      candidate.a === candidate.b
        ? { distanceM: geodesicDistance(site, candidate.a), point: candidate.a }
        : nearestOnSegment(site, candidate.a, candidate.b);
    if (!best || found.distanceM < best.distanceM) best = { ...found, target: candidate.target };
  }
  return best;
}
