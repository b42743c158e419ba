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

/**
 * Designated areas containing the point, in the CURRENT version of the register only (an area a
 * later import replaced no longer decides a procedure): bounding boxes in SQL, then the exact
 * polygon test.
 */
export async function findAreasAt(db: Db, point: LonLat): Promise<AreaHit[]> {
  const candidates = await db
    .selectFrom('areas')
    .select(['id', 'kind', 'name', 'example', 'designation', 'geometry'])
    .where('ended_by', 'is', null)
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

export interface AreaVersion {
  id: string;
  seq: number;
  effectiveOn: string;
  mode: 'add' | 'replace';
  replacedRegions: string[];
  source: string;
  note: string | null;
  areaCount: number;
  example: boolean;
  importedAt: Date;
}

/** All versions, oldest first. */
export async function listVersions(db: Db): Promise<AreaVersion[]> {
  const rows = await db.selectFrom('area_imports').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    effectiveOn: r.effective_on,
    mode: r.mode,
    replacedRegions: r.replaced_regions,
    source: r.source,
    note: r.note,
    areaCount: r.area_count,
    example: r.example,
    importedAt: r.imported_at,
  }));
}

/** The version in force on a day: the last one dated on or before it (the latest without a day). */
export function versionAsOf(
  versions: readonly AreaVersion[],
  asOf?: string,
): AreaVersion | undefined {
  let found: AreaVersion | undefined;
  for (const v of versions) if (asOf === undefined || v.effectiveOn <= asOf) found = v;
  return found;
}

export interface RegisterArea {
  id: string;
  kind: AreaKind;
  name: string;
  example: boolean;
  planningRegion: string | null;
  legalStatus: 'draft' | 'in-force';
  planSource: string | null;
  planDate: string | null;
  rotorRule: 'rotor-out' | 'rotor-in';
  areaHa: number | null;
  countedHa: number | null;
  geometry: unknown;
  sinceSeq: number;
  sinceOn: string;
}

/**
 * The areas of the register as they stood in a version: brought by it or an earlier one, and not
 * ended by it or an earlier one.
 */
export async function areasInVersion(
  db: Db,
  seq: number,
  options: {
    bbox?: readonly [number, number, number, number];
    withGeometry?: boolean;
    /** A page in the register's order (name, id); all areas without. */
    limit?: number;
    offset?: number;
  } = {},
): Promise<RegisterArea[]> {
  let query = inVersion(db, seq, options.bbox).select([
    'a.id',
    'a.kind',
    'a.name',
    'a.example',
    'a.planning_region',
    'a.legal_status',
    'a.plan_source',
    'a.plan_date',
    'a.rotor_rule',
    'a.area_ha',
    'a.counted_ha',
    'i.seq as since_seq',
    'i.effective_on as since_on',
  ]);
  if (options.withGeometry) query = query.select('a.geometry');
  query = query.orderBy('a.name').orderBy('a.id');
  if (options.limit !== undefined) query = query.limit(options.limit);
  if (options.offset) query = query.offset(options.offset);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    example: r.example,
    planningRegion: r.planning_region,
    legalStatus: r.legal_status,
    planSource: r.plan_source,
    planDate: r.plan_date,
    rotorRule: r.rotor_rule,
    areaHa: r.area_ha,
    countedHa: r.counted_ha,
    geometry: (r as { geometry?: unknown }).geometry,
    sinceSeq: r.since_seq,
    sinceOn: r.since_on,
  }));
}

/** The areas of the register as they stood in a version (see areasInVersion), as a query. */
function inVersion(db: Db, seq: number, bbox?: readonly [number, number, number, number]) {
  let query = db
    .selectFrom('areas as a')
    .innerJoin('area_imports as i', 'i.id', 'a.import_id')
    .leftJoin('area_imports as e', 'e.id', 'a.ended_by')
    .where('i.seq', '<=', seq)
    .where((eb) => eb.or([eb('e.seq', 'is', null), eb('e.seq', '>', seq)]));
  if (bbox) {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    query = query
      .where('a.max_lon', '>=', minLon)
      .where('a.min_lon', '<=', maxLon)
      .where('a.max_lat', '>=', minLat)
      .where('a.min_lat', '<=', maxLat);
  }
  return query;
}

/** How many areas the register held in a version (in the box, when one is given). */
export async function countAreasInVersion(
  db: Db,
  seq: number,
  bbox?: readonly [number, number, number, number],
): Promise<number> {
  const row = await inVersion(db, seq, bbox)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Hectares per Gemeinde of several versions at once: version id → AGS → hectares. */
export async function statisticsOf(
  db: Db,
  importIds: readonly string[],
): Promise<Map<string, Map<string, { inForceHa: number; withDraftsHa: number }>>> {
  const result = new Map<string, Map<string, { inForceHa: number; withDraftsHa: number }>>();
  for (const id of importIds) result.set(id, new Map());
  if (importIds.length === 0) return result;
  const rows = await db
    .selectFrom('area_statistics')
    .selectAll()
    .where('import_id', 'in', importIds)
    .execute();
  for (const r of rows)
    result
      .get(r.import_id)!
      .set(r.ags, { inForceHa: r.in_force_ha, withDraftsHa: r.with_drafts_ha });
  return result;
}
