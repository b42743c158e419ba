import { readFileSync } from 'node:fs';
import geodesic from 'geographiclib-geodesic';

/**
 * The distance of a site to the hydrogen core network: to the nearest geocoded core-network
 * location (FNB measure lists, via PyPSA-DE) or the nearest point of a hydrogen pipeline route
 * (Global Energy Monitor), on the WGS84 ellipsoid (GeographicLib). Data: data/sites/
 * hydrogen-network.json (built by build-hydrogen-data.ts; sources in data/SOURCES.md).
 *
 * Nearest point on a pipeline segment: found in a local equirectangular plane around the site,
 * then measured geodesically. The measured point lies on the segment, so the result is never
 * shorter than the true distance; for segments of a few kilometres within 100 km the plane's
 * distortion moves the chosen point by well under 0.5 % of the distance (documented in
 * docs/site-register.md). Pipeline vertices are also measured exactly.
 */
export interface HydrogenNetwork {
  locations: { name: string; state: string; lon: number; lat: number }[];
  pipelines: { id: string; lines: [number, number][][] }[];
}

export interface HydrogenDistance {
  km: number;
  /** What is nearest: a core-network location (its name) or a pipeline (its GEM project id). */
  nearest: { kind: 'location'; name: string } | { kind: 'pipeline'; id: string };
}

const WGS84 = geodesic.Geodesic.WGS84;
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2).s12 ?? Infinity;
}

/** The point of segment a–b nearest to the origin of the local plane, as lon/lat. */
function nearestOnSegment(
  site: [number, number],
  a: [number, number],
  b: [number, number],
): [number, number] {
  const k = Math.cos(site[1] * RAD);
  const ax = (a[0] - site[0]) * k;
  const ay = a[1] - site[1];
  const bx = (b[0] - site[0]) * k;
  const by = b[1] - site[1];
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length));
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** A cheap lower bound of the distance (spherical small-angle, 1 % below), to skip far segments. */
function roughMetres(site: [number, number], p: [number, number]): number {
  const k = Math.cos(site[1] * RAD);
  const dx = (p[0] - site[0]) * k * RAD * EARTH_RADIUS_M;
  const dy = (p[1] - site[1]) * RAD * EARTH_RADIUS_M;
  return Math.hypot(dx, dy) * 0.99;
}

export function hydrogenDistance(
  site: [number, number],
  network: HydrogenNetwork,
): HydrogenDistance | null {
  let best: { m: number; nearest: HydrogenDistance['nearest'] } | undefined;
  for (const location of network.locations) {
    const m = metres(site[0], site[1], location.lon, location.lat);
    if (!best || m < best.m) best = { m, nearest: { kind: 'location', name: location.name } };
  }
  for (const pipeline of network.pipelines) {
    for (const line of pipeline.lines) {
      for (let i = 0; i + 1 < line.length; i++) {
        const a = line[i]!;
        const b = line[i + 1]!;
        // Skip a segment whose both ends are far beyond the best so far and which is short.
        if (best) {
          const span = roughMetres(a, b) / 0.99;
          if (roughMetres(site, a) - span > best.m && roughMetres(site, b) - span > best.m)
            continue;
        }
        const p = nearestOnSegment(site, a, b);
        const m = metres(site[0], site[1], p[0], p[1]);
        if (!best || m < best.m) best = { m, nearest: { kind: 'pipeline', id: pipeline.id } };
      }
    }
  }
  return best ? { km: best.m / 1000, nearest: best.nearest } : null;
}

let cached: HydrogenNetwork | undefined;

/** The shipped network, loaded on first use. */
export function hydrogenNetwork(): HydrogenNetwork {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../data/sites/hydrogen-network.json', import.meta.url), 'utf8'),
  ) as HydrogenNetwork;
  return cached;
}
