/**
 * The register of wind-energy areas as a dated statistic (catalogue/statistics.ts): the share of
 * the Land area designated in force on every version date, per planning region, and the areas it
 * is counted from. The numbers are the tracker's (buildTracker over the same versions and
 * per-Gemeinde hectares), so the dashboard and the tracker page cannot disagree.
 */
import type { Db } from '../../db/database.ts';
import type { DrillDownRow, RegisterStatistic, StatisticStand } from '../catalogue/statistics.ts';
import { KIND_LABELS, LEGAL_STATUS_LABELS } from './counting-rule.ts';
import {
  areasInVersion,
  listVersions,
  statisticsOf,
  versionAsOf,
  type AreaVersion,
  type RegisterArea,
} from './area.queries.ts';
import { buildTracker } from './area.tracker.ts';
import { TRACKER_PATH } from './area.views.tsx';
import { gemeindeInfos, nrwLandHa } from './boundaries.ts';
import { PLANNING_REGIONS, planningRegion, type PlanningRegionKey } from './planning-regions.ts';

const SHARE = { key: 'share', title: 'Anteil an der Landesfläche', unit: '%', decimals: 4 };
const HECTARES = { key: 'inForceHa', title: 'Wirksam ausgewiesen', unit: 'ha', decimals: 2 };

function regionName(key: string | null): string {
  return key && PLANNING_REGIONS.some((r) => r.key === key)
    ? planningRegion(key as PlanningRegionKey).name
    : '';
}

function drillDownRow(area: RegisterArea, dates: string[]): DrillDownRow {
  return {
    dates,
    values: {
      name: area.name,
      kind: KIND_LABELS[area.kind],
      planningRegion: regionName(area.planningRegion),
      legalStatus: LEGAL_STATUS_LABELS[area.legalStatus],
      planSource: area.planSource,
      planDate: area.planDate,
      countedHa: area.countedHa === null ? null : Math.round(area.countedHa * 100) / 100,
      since: area.sinceOn,
    },
  };
}

export const windAreaShareStatistic: RegisterStatistic = {
  layerId: 'wind-areas',
  title: 'Anteil der Landesfläche in wirksam ausgewiesenen Windenergiegebieten',
  async at(db: Db, asOf: string) {
    const versions = (await listVersions(db)).filter((v) => v.effectiveOn <= asOf);
    // One stand per date: the last version of that day (several may share a date).
    const stands: AreaVersion[] = [...new Set(versions.map((v) => v.effectiveOn))].map((date) =>
      versionAsOf(versions, date)!,
    );
    const stats = await statisticsOf(
      db,
      versions.map((v) => v.id),
    );
    const infos = gemeindeInfos();
    const landHa = nrwLandHa();
    const values: StatisticStand[] = stands.map((stand) => {
      const tracker = buildTracker({
        versions: versions
          .filter((v) => v.seq <= stand.seq)
          .map((v) => ({ effectiveOn: v.effectiveOn, inForce: stats.get(v.id)! })),
        infos,
        landHa,
        asOf: stand.effectiveOn,
      });
      const land = tracker.land[0]!;
      return {
        date: stand.effectiveOn,
        values: { share: land.sharePercent, inForceHa: land.inForceHa },
        breakdown: Object.fromEntries(tracker.regions.map((r) => [r.key, r.sharePercent])),
      };
    });
    // Every area that was in the register on one of the stands, with the stands it was in.
    const byId = new Map<string, { area: RegisterArea; dates: string[] }>();
    for (const stand of stands)
      for (const area of await areasInVersion(db, stand.seq)) {
        const entry = byId.get(area.id) ?? { area, dates: [] };
        entry.dates.push(stand.effectiveOn);
        byId.set(area.id, entry);
      }
    return {
      asOf,
      dataDate: stands.at(-1)?.effectiveOn,
      measures: [SHARE, HECTARES],
      stands: values,
      breakdown: {
        title: 'Planungsregion',
        entries: PLANNING_REGIONS.map((r) => ({ key: r.key, name: r.name })),
        measure: { ...SHARE, title: 'Anteil an der Fläche der Planungsregion' },
      },
      drillDown: {
        title: 'Windenergiegebiete im Register',
        columns: [
          { key: 'name', title: 'Gebiet', type: 'string' },
          { key: 'kind', title: 'Art', type: 'string' },
          { key: 'planningRegion', title: 'Planungsregion', type: 'string' },
          { key: 'legalStatus', title: 'Rechtsstand', type: 'string' },
          { key: 'planSource', title: 'Plan', type: 'string' },
          { key: 'planDate', title: 'Plandatum', type: 'string' },
          { key: 'countedHa', title: 'Angerechnet', type: 'number', unit: 'ha', decimals: 2 },
          { key: 'since', title: 'Im Register seit', type: 'string' },
        ],
        rows: [...byId.values()].map((e) => drillDownRow(e.area, e.dates)),
      },
      source: {
        name: 'Register der Windenergiegebiete der Plattform (Regionalpläne der Planungsregionen)',
        licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
        licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
        path: TRACKER_PATH,
      },
    };
  },
};
