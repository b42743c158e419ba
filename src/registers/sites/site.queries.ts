import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SiteReadiness, SitesTable } from '../../db/schema.ts';
import type { SiteGeometry } from './site.geometry.ts';
import type { StoredSite } from './site.types.ts';
import type { OtherSite } from './site.validate.ts';

type SiteRow = Selectable<SitesTable> & { provider: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export function toSite(row: SiteRow): StoredSite {
  return {
    id: row.id,
    providerId: row.tenant_id,
    provider: row.provider,
    reference: row.reference,
    name: row.name,
    geometry: row.geometry as SiteGeometry,
    grossHa: row.gross_ha,
    netHa: row.net_ha,
    ownership: row.ownership,
    planningStatus: row.planning_status,
    zoning: row.zoning,
    contamination: row.contamination,
    miningSupervision: row.mining_supervision,
    gridConnection: row.grid_connection,
    readiness: row.readiness,
    availableFrom: row.available_from,
    contact: row.contact,
    startDate: row.start_date,
    endDate: row.end_date,
    endReason: row.end_reason,
    example: row.example,
    centre: [row.centre_lon, row.centre_lat],
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
    geometryHa: row.geometry_ha,
    ags: row.ags,
    gemeinde: row.gemeinde,
    hydrogenDistanceKm: row.hydrogen_distance_km,
  };
}

function sites(db: Db) {
  return db
    .selectFrom('sites')
    .innerJoin('organisations as o', 'o.id', 'sites.tenant_id')
    .selectAll('sites')
    .select('o.name as provider');
}

export interface SiteSearch {
  text?: string;
  gemeinde?: string;
  minHa?: number;
  readiness?: SiteReadiness;
  bbox?: readonly [number, number, number, number];
  limit: number;
  offset: number;
}

/** Current sites (not ended) matching the public search; ended sites are never listed. */
export async function searchSites(
  db: Db,
  search: SiteSearch,
): Promise<{ sites: StoredSite[]; total: number }> {
  let query = db
    .selectFrom('sites')
    .innerJoin('organisations as o', 'o.id', 'sites.tenant_id')
    .where('sites.end_date', 'is', null);
  if (search.text) {
    const like = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('sites.name', 'ilike', like), eb('sites.reference', 'ilike', like)]),
    );
  }
  if (search.gemeinde) {
    const like = `%${search.gemeinde.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('sites.gemeinde', 'ilike', like);
  }
  if (search.minHa !== undefined)
    query = query.where(sql<number>`coalesce(sites.net_ha, sites.gross_ha)`, '>=', search.minHa);
  if (search.readiness) query = query.where('sites.readiness', '=', search.readiness);
  if (search.bbox) {
    const [minLon, minLat, maxLon, maxLat] = search.bbox;
    query = query
      .where('sites.max_lon', '>=', minLon)
      .where('sites.min_lon', '<=', maxLon)
      .where('sites.max_lat', '>=', minLat)
      .where('sites.min_lat', '<=', maxLat);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('sites')
      .select('o.name as provider')
      .orderBy('sites.name')
      .orderBy('sites.id')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { sites: rows.map(toSite), total: Number(count.n) };
}

export async function findSite(db: Db, id: string): Promise<StoredSite | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await sites(db).where('sites.id', '=', id).executeTakeFirst();
  return row ? toSite(row) : undefined;
}

/** Every site of a provider, ended ones included (the provider's own list and export). */
export async function providerSites(db: Db, providerId: string): Promise<StoredSite[]> {
  const rows = await sites(db)
    .where('sites.tenant_id', '=', providerId)
    .orderBy('sites.reference')
    .execute();
  return rows.map(toSite);
}

/**
 * What a new or changed site is compared with: all current sites (overlaps) and every site of
 * the provider, ended ones too (a reference stays taken).
 */
export async function sitesToCompare(db: Db, providerId: string): Promise<OtherSite[]> {
  const rows = await sites(db)
    .where((eb) =>
      eb.or([eb('sites.end_date', 'is', null), eb('sites.tenant_id', '=', providerId)]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    providerId: r.tenant_id,
    provider: r.provider,
    reference: r.reference,
    name: r.name,
    geometry: r.geometry as SiteGeometry,
    // Ended sites of the provider keep their reference but no longer overlap anything.
    ...(r.end_date === null ? {} : { ended: true }),
  }));
}

export interface SiteProblem {
  id: string;
  siteId: string;
  reference: string;
  name: string;
  rule: string;
  message: string;
  detectedAt: Date;
}

/** Open problems of a provider's sites (of a single site when siteId is given). */
export async function openProblems(
  db: Db,
  providerId: string,
  siteId?: string,
): Promise<SiteProblem[]> {
  let query = db
    .selectFrom('site_problems as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .where('p.tenant_id', '=', providerId)
    .where('s.end_date', 'is', null);
  if (siteId) query = query.where('p.site_id', '=', siteId);
  const rows = await query
    .select(['p.id', 'p.site_id', 's.reference', 's.name', 'p.rule', 'p.message', 'p.detected_at'])
    .orderBy('s.reference')
    .orderBy('p.rule')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    reference: r.reference,
    name: r.name,
    rule: r.rule,
    message: r.message,
    detectedAt: r.detected_at,
  }));
}
