/**
 * Small planar helpers for building the demo data: distances, single-linkage grouping of
 * turbines and buffered convex hulls for example areas. Equirectangular metres are accurate to
 * well under 1 % over the few kilometres involved.
 */
import type { LonLat, PolygonGeometry } from './polygon.ts';

const METRES_PER_DEGREE_LAT = 110_540;
const METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

export function distanceM(a: LonLat, b: LonLat): number {
  const meanLat = ((a.lat + b.lat) / 2) * (Math.PI / 180);
  const dx = (a.lon - b.lon) * METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(meanLat);
  const dy = (a.lat - b.lat) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

export function centroid(points: readonly LonLat[]): LonLat {
  const sum = points.reduce((s, p) => ({ lon: s.lon + p.lon, lat: s.lat + p.lat }), {
    lon: 0,
    lat: 0,
  });
  return { lon: sum.lon / points.length, lat: sum.lat / points.length };
}

/** Single-linkage groups: two points share a group if a chain of hops ≤ maxGapM connects them. */
export function groupByDistance<T extends LonLat>(points: readonly T[], maxGapM: number): T[][] {
  const groups: T[][] = [];
  const assigned = new Set<number>();
  points.forEach((_, start) => {
    if (assigned.has(start)) return;
    const members = [start];
    assigned.add(start);
    for (let i = 0; i < members.length; i++) {
      const current = points[members[i] ?? start];
      points.forEach((candidate, index) => {
        if (!current || assigned.has(index) || distanceM(current, candidate) > maxGapM) return;
        assigned.add(index);
        members.push(index);
      });
    }
    groups.push(members.sort((a, b) => a - b).flatMap((i) => points[i] ?? []));
  });
  return groups;
}

function cross(o: LonLat, a: LonLat, b: LonLat): number {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

/** Andrew's monotone chain; returns the hull counter-clockwise, as RFC 7946 wants outer rings. */
export function convexHull(points: readonly LonLat[]): LonLat[] {
  const sorted = [...points].sort((a, b) => a.lon - b.lon || a.lat - b.lat);
  const half = (input: LonLat[]) => {
    const chain: LonLat[] = [];
    for (const p of input) {
      while (chain.length >= 2) {
        const [o, a] = chain.slice(-2) as [LonLat, LonLat];
        if (cross(o, a, p) > 0) break;
        chain.pop();
      }
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Hull of circles around every point: a simple, deterministic stand-in for a real buffer. */
export function bufferedHull(points: readonly LonLat[], radiusM: number, steps = 16): LonLat[] {
  const circlePoints = points.flatMap((p) =>
    Array.from({ length: steps }, (_, i) => {
      const angle = (2 * Math.PI * i) / steps;
      return {
        lon:
          p.lon +
          (radiusM * Math.cos(angle)) /
            (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos((p.lat * Math.PI) / 180)),
        lat: p.lat + (radiusM * Math.sin(angle)) / METRES_PER_DEGREE_LAT,
      };
    }),
  );
  return convexHull(circlePoints);
}

/** Closed GeoJSON polygon around the points, rounded to 6 decimals (≈ 0.1 m). */
export function bufferedArea(points: readonly LonLat[], radiusM: number): PolygonGeometry {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const ring = bufferedHull(points, radiusM).map((p) => [round(p.lon), round(p.lat)] as const);
  const first = ring[0];
  return { type: 'Polygon', coordinates: first ? [[...ring, first]] : [] };
}

const DIRECTIONS = ['Ost', 'Nordost', 'Nord', 'Nordwest', 'West', 'Südwest', 'Süd', 'Südost'];

/** Compass word for the direction from `from` to `to`, e.g. 'Nordost'. */
export function compassDirection(from: LonLat, to: LonLat): string {
  const dx = (to.lon - from.lon) * Math.cos((from.lat * Math.PI) / 180);
  const dy = to.lat - from.lat;
  const sector = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
  return DIRECTIONS[(sector + 8) % 8] ?? 'Mitte';
}
