/**
 * Synthetic wind-energy areas for the benchmarks, as a GeoJSON FeatureCollection in the format the
 * import reads (src/registers/areas/area.import.ts). Seeded, so two runs import the same areas.
 * Centres lie inside NRW's Gemeinden (the rural ones five times as often as the kreisfreie
 * Städte, where hardly any areas are designated); outlines are irregular polygons of 12–48
 * corners with a mean radius of 120–450 m (about 5–65 ha). A share of the areas is placed half
 * over an earlier one (overlap, counted once), some are drafts and some rotor-in areas.
 */
import { findMunicipality } from '../../src/registers/geo/index.ts';
import { seededRandom } from './random.ts';

/** NRW's bounding box. */
const NRW = [5.86, 50.32, 9.47, 52.53] as const;
const METRES_PER_DEGREE_LAT = 111_200;

export interface WindAreaOptions {
  count: number;
  seed?: number;
  /** Share of areas placed over an earlier one. */
  overlap?: number;
  draft?: number;
  rotorIn?: number;
}

type Position = [number, number];

/** Kreisfreie Städte: their Gemeinde number (the AGS's last three digits) is 000. */
const isCity = (ags: string) => ags.endsWith('000');

export function windAreaCollection(options: WindAreaOptions): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  const random = seededRandom(options.seed ?? 20261214);
  const centres: { lon: number; lat: number; radius: number }[] = [];
  const features: unknown[] = [];
  while (features.length < options.count) {
    let lon: number;
    let lat: number;
    let radius = 120 + random.next() * 330;
    const earlier = centres.length > 0 && random.chance(options.overlap ?? 0.1);
    if (earlier) {
      const base = random.pick(centres);
      const angle = random.next() * 2 * Math.PI;
      const distance = base.radius * (0.5 + random.next() * 0.7);
      lat = base.lat + (Math.sin(angle) * distance) / METRES_PER_DEGREE_LAT;
      lon =
        base.lon +
        (Math.cos(angle) * distance) /
          (METRES_PER_DEGREE_LAT * Math.cos((base.lat * Math.PI) / 180));
      radius = base.radius * (0.6 + random.next() * 0.6);
    } else {
      lon = NRW[0] + random.next() * (NRW[2] - NRW[0]);
      lat = NRW[1] + random.next() * (NRW[3] - NRW[1]);
    }
    const gemeinde = findMunicipality({ lon, lat });
    if (!gemeinde) continue;
    if (!earlier && isCity(gemeinde.ags) && !random.chance(0.2)) continue;
    const ring = outline(random, lon, lat, radius);
    // The import locates an area by its corners' mean point; keep areas wholly at home in NRW.
    if (!ring.every(([x, y]) => findMunicipality({ lon: x, lat: y }))) continue;
    centres.push({ lon, lat, radius });
    const n = features.length + 1;
    const year = 2023 + (n % 3);
    features.push({
      type: 'Feature',
      properties: {
        name: `Benchmark-Gebiet ${n} (${gemeinde.name})`,
        kind: random.chance(0.15) ? 'acceleration' : 'wind-energy',
        legalStatus: random.chance(options.draft ?? 0.25) ? 'draft' : 'in-force',
        rotorRule: random.chance(options.rotorIn ?? 0.2) ? 'rotor-in' : 'rotor-out',
        planSource: `Regionalplan, Sachlicher Teilplan Energie (Benchmark ${year})`,
        planDate: `${year}-0${1 + (n % 9)}-15`,
        example: true,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A closed, star-shaped ring (no self-intersection): corners at increasing angles. */
function outline(
  random: ReturnType<typeof seededRandom>,
  lon: number,
  lat: number,
  radius: number,
): Position[] {
  const corners = random.int(12, 48);
  const kx = METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i < corners; i++) {
    const angle = ((i + random.next() * 0.6) / corners) * 2 * Math.PI;
    const r = radius * (0.7 + random.next() * 0.6);
    ring.push([
      Number((lon + (Math.cos(angle) * r) / kx).toFixed(6)),
      Number((lat + (Math.sin(angle) * r) / METRES_PER_DEGREE_LAT).toFixed(6)),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
