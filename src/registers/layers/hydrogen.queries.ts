/**
 * The "last-mile gap" list: industrial sites by emissions, each with its distance to the hydrogen
 * network, read from the stored industrial-sites layer (distances computed at load time on the
 * ellipsoid, see hydrogen.ts).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';

export const LAST_MILE_PATH = '/wasserstoff/letzte-meile';
export const MAX_GAP_KM = 1000;

export interface LastMileRow {
  id: string;
  name: string;
  company: string | null;
  city: string | null;
  subsector: string | null;
  emissionsT: number | null;
  emissionsSource: string | null;
  distanceKm: number | null;
  nearest: string | null;
  nearestKind: string | null;
  commissioning: string | null;
  lon: number;
  lat: number;
}

/** "Mindestabstand" as typed: empty for all sites, else 0 to 1,000 km with comma or point. */
export function parseMinDistance(value: unknown): { minKm: number | undefined; raw: string } {
  if (value === undefined || value === '') return { minKm: undefined, raw: '' };
  const message = `Der Mindestabstand muss eine Zahl von 0 bis ${MAX_GAP_KM.toLocaleString('de-DE')} km sein, z. B. 5 oder 2,5.`;
  if (typeof value !== 'string')
    throw new AppError('validation', message, [{ field: 'ab_km', message }]);
  const raw = value.trim();
  const n = /^\d{1,4}([.,]\d{1,3})?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
  if (!(n >= 0 && n <= MAX_GAP_KM))
    throw new AppError('validation', message, [{ field: 'ab_km', message }]);
  return { minKm: n, raw };
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Sites at least `minKm` from the network (all when undefined), most emissions first. */
export async function lastMileGaps(db: Db, minKm: number | undefined): Promise<LastMileRow[]> {
  let query = db
    .selectFrom('geo_features')
    .select(['feature_id', 'properties', 'geometry'])
    .where('layer', '=', 'industrial-sites');
  if (minKm !== undefined)
    query = query.where(sql<boolean>`(properties->>'h2_distance_km')::numeric >= ${minKm}`);
  const rows = await query
    .orderBy(sql`(properties->>'emissions_t')::numeric desc nulls last`)
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const p = row.properties;
    const [lon, lat] = (row.geometry as GeoJSON.Point).coordinates as [number, number];
    return {
      id: row.feature_id,
      name: text(p.name) ?? row.feature_id,
      company: text(p.company),
      city: text(p.city),
      subsector: text(p.subsector),
      emissionsT: num(p.emissions_t),
      emissionsSource: text(p.emissions_source),
      distanceKm: num(p.h2_distance_km),
      nearest: text(p.h2_nearest),
      nearestKind: text(p.h2_nearest_kind),
      commissioning: text(p.h2_commissioning),
      lon,
      lat,
    };
  });
}
