import type { Db } from '../../db/database.ts';
import { pointInPolygon, type LonLat } from '../geo/index.ts';
import type { AreaKind } from './area.import.ts';

export interface AreaHit {
  id: string;
  kind: AreaKind;
  name: string;
  example: boolean;
  designation: Record<string, unknown>;
}

/** Designated areas containing the point: bounding boxes in SQL, then exact polygon test. */
export async function findAreasAt(db: Db, point: LonLat): Promise<AreaHit[]> {
  const candidates = await db
    .selectFrom('areas')
    .select(['id', 'kind', 'name', 'example', 'designation', 'geometry'])
    .where('min_lon', '<=', point.lon)
    .where('max_lon', '>=', point.lon)
    .where('min_lat', '<=', point.lat)
    .where('max_lat', '>=', point.lat)
    .execute();
  return candidates
    .filter((c) => pointInPolygon(point, c.geometry as Parameters<typeof pointInPolygon>[1]))
    .map(({ geometry: _geometry, ...hit }) => hit);
}

/** Where every turbine of a project lies: inside an acceleration area only if all of them are. */
export async function locateProject(
  db: Db,
  turbines: LonLat[],
): Promise<{ inAccelerationArea: boolean; inWindEnergyArea: boolean; areas: AreaHit[] }> {
  const hits = await Promise.all(turbines.map((t) => findAreasAt(db, t)));
  const all = (kind: AreaKind) =>
    hits.length > 0 && hits.every((h) => h.some((a) => a.kind === kind));
  const areas = [...new Map(hits.flat().map((a) => [a.id, a])).values()];
  return {
    inAccelerationArea: all('acceleration'),
    inWindEnergyArea: all('wind-energy') || all('acceleration'),
    areas,
  };
}

export async function listAreas(db: Db) {
  return db
    .selectFrom('areas')
    .select(['id', 'kind', 'name', 'example', 'designation', 'source', 'imported_at'])
    .orderBy('name')
    .execute();
}
