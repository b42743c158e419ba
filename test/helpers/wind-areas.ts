/** Wind areas for tests: rectangles, features as the import reads them, and many small squares through the real import. */
import type { Db } from '../../src/db/database.ts';
import { parseAreaCollection } from '../../src/registers/areas/area.import.ts';
import type { MultiPoly } from '../../src/registers/areas/area.geometry.ts';
import { berlinToday, importAreaVersion } from '../../src/registers/areas/area.version.ts';

/**
 * Adds a version of `count` squares of about 140 m near Bad Wünnenberg (Kreis Paderborn), 25 to
 * a row from `latStart`, named „prefix 001“ and on, in force from `effectiveOn`.
 */
export async function addSquareAreas(
  db: Db,
  options: { prefix: string; count: number; latStart: number; effectiveOn: string; now: Date },
): Promise<void> {
  const features = Array.from({ length: options.count }, (_, i) => {
    const lon = 8.7 + (i % 25) * 0.004;
    const lat = options.latStart + Math.floor(i / 25) * 0.004;
    const d = 0.002;
    return {
      type: 'Feature',
      properties: {
        name: `${options.prefix} ${String(i + 1).padStart(3, '0')}`,
        kind: 'wind-energy',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + d, lat],
            [lon + d, lat + d],
            [lon, lat + d],
            [lon, lat],
          ],
        ],
      },
    };
  });
  const parsed = parseAreaCollection({ type: 'FeatureCollection', features }, { example: false });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  await importAreaVersion({
    db,
    areas: parsed.areas,
    source: `${options.prefix}.geojson`,
    effectiveOn: options.effectiveOn,
    mode: 'add',
    today: berlinToday(options.now),
  });
}

/** Lon/lat rectangle as a polygon. */
export const rect = (lon: number, lat: number, dLon: number, dLat: number): MultiPoly => [
  [
    [
      [lon, lat],
      [lon + dLon, lat],
      [lon + dLon, lat + dLat],
      [lon, lat + dLat],
      [lon, lat],
    ],
  ],
];

/** A GeoJSON wind-area feature as the register's import reads it. */
export const areaFeature = (
  name: string,
  coordinates: unknown,
  extra: Record<string, unknown> = {},
) => ({
  type: 'Feature',
  properties: { name, kind: 'wind-energy', ...extra },
  geometry: { type: 'Polygon', coordinates },
});
