/**
 * Storing checked areas as a dated version of the register (one transaction): the version row,
 * the ending of replaced areas, the new areas and the statistics of the resulting register.
 * Versions follow each other in time: a version may not be dated before the latest one, so the
 * register "as of" a day is always the state after the last version of or before that day.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { toMultiPoly, type MultiPoly } from './area.geometry.ts';
import type { AreaInput } from './area.import.ts';
import { hectaresByGemeinde, type Boundary } from './area.statistics.ts';
import { gemeindeBoundaries } from './boundaries.ts';

export type ImportMode = 'add' | 'replace';

export interface AreaVersionInput {
  db: Db;
  areas: AreaInput[];
  source: string;
  /** The day the version describes (Stand), ISO date. */
  effectiveOn: string;
  /** 'replace': the areas of the planning regions in the file replace the earlier ones there. */
  mode: ImportMode;
  actorId?: string | null;
  note?: string | null;
  /** Boundaries to split by; the Gemeinden of NRW unless a test passes its own. */
  boundaries?: readonly Boundary[];
  /** Today (Berlin), to refuse versions dated in the future. */
  today: string;
}

export interface AreaVersionResult {
  importId: string;
  seq: number;
  count: number;
  ended: number;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export async function importAreaVersion(input: AreaVersionInput): Promise<AreaVersionResult> {
  if (input.effectiveOn > input.today) {
    const message = 'Stand: Der Stand darf nicht in der Zukunft liegen.';
    throw new AppError('validation', message, [{ field: 'stand', message }]);
  }
  return input.db.transaction().execute(async (trx) => {
    // One version at a time: the order of versions is the order of their dates.
    await sql`lock table area_imports in exclusive mode`.execute(trx);
    const latest = await trx
      .selectFrom('area_imports')
      .select('effective_on')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest && input.effectiveOn < latest.effective_on) {
      const message = `Stand: Der Stand darf nicht vor dem Stand des letzten Imports (${formatDate(latest.effective_on)}) liegen.`;
      throw new AppError('validation', message, [{ field: 'stand', message }]);
    }
    const regions = [...new Set(input.areas.map((a) => a.planningRegion))].sort();
    const version = await trx
      .insertInto('area_imports')
      .values({
        effective_on: input.effectiveOn,
        mode: input.mode,
        replaced_regions: input.mode === 'replace' ? regions : [],
        source: input.source.slice(0, 300),
        note: input.note ?? null,
        area_count: input.areas.length,
        example: input.areas.length > 0 && input.areas.every((a) => a.example),
        imported_by: input.actorId ?? null,
      })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow();
    let ended = 0;
    if (input.mode === 'replace' && regions.length > 0) {
      const result = await trx
        .updateTable('areas')
        .set({ ended_by: version.id })
        .where('ended_by', 'is', null)
        .where('planning_region', 'in', regions)
        .executeTakeFirst();
      ended = Number(result.numUpdatedRows);
    }
    for (let i = 0; i < input.areas.length; i += 500) {
      await trx
        .insertInto('areas')
        .values(
          input.areas.slice(i, i + 500).map((area) => ({
            kind: area.kind,
            name: area.name,
            designation: JSON.stringify(area.designation),
            geometry: JSON.stringify(area.geometry),
            min_lon: area.bbox.minLon,
            min_lat: area.bbox.minLat,
            max_lon: area.bbox.maxLon,
            max_lat: area.bbox.maxLat,
            example: area.example,
            source: input.source.slice(0, 300),
            import_id: version.id,
            planning_region: area.planningRegion,
            legal_status: area.legalStatus,
            plan_source: area.planSource,
            plan_date: area.planDate,
            rotor_rule: area.rotorRule,
            area_ha: area.areaHa,
            counted_ha: area.countedHa,
            counted_geometry: area.counted ? JSON.stringify(area.counted) : null,
          })),
        )
        .execute();
    }
    await storeStatistics(trx, version.id, input.boundaries ?? gemeindeBoundaries());
    return { importId: version.id, seq: version.seq, count: input.areas.length, ended };
  });
}

/** Hectares per Gemeinde of the register as it stands after the version (only non-zero rows). */
export async function storeStatistics(
  db: Db,
  importId: string,
  boundaries: readonly Boundary[],
): Promise<number> {
  const current = await db
    .selectFrom('areas')
    .select(['geometry', 'counted_geometry', 'legal_status'])
    .where('ended_by', 'is', null)
    .execute();
  const hectaresPerGemeinde = hectaresByGemeinde(
    current.map((a) => ({
      counted:
        (a.counted_geometry as MultiPoly | null) ??
        toMultiPoly(a.geometry as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }),
      inForce: a.legal_status === 'in-force',
    })),
    boundaries,
  );
  const rows = [...hectaresPerGemeinde].map(([ags, h]) => ({
    import_id: importId,
    ags,
    in_force_ha: h.inForceHa,
    with_drafts_ha: h.withDraftsHa,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('area_statistics')
      .values(rows.slice(i, i + 1000))
      .execute();
  return rows.length;
}

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Berlin as YYYY-MM-DD (versions are dated by Berlin days). */
export function berlinToday(now: Date): string {
  return BERLIN_DAY.format(now);
}
