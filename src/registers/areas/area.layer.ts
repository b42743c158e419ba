/**
 * The wind-energy areas as a FeatureLayer for the map and the OGC API. Versioned: `asOf` shows the
 * register as it stood on that day (the last version on or before it); without it, the current one.
 */
import type { FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import {
  areasInVersion,
  countAreasInVersion,
  listVersions,
  versionAsOf,
  type RegisterArea,
} from './area.queries.ts';
import { LEGAL_STATUS_LABELS } from './counting-rule.ts';

function toFeature(a: RegisterArea): LayerFeature {
  return {
    id: a.id,
    geometry: a.geometry as GeoJSON.Geometry,
    properties: {
      name: a.name,
      kind: a.kind,
      planningRegion: a.planningRegion,
      legalStatus: LEGAL_STATUS_LABELS[a.legalStatus],
      planSource: a.planSource,
      planDate: a.planDate,
      rotorRule: a.rotorRule,
      areaHa: a.areaHa === null ? null : Math.round(a.areaHa * 100) / 100,
      countedHa: a.countedHa === null ? null : Math.round(a.countedHa * 100) / 100,
      since: a.sinceOn,
      example: a.example,
    },
  };
}

export const windAreasLayer: FeatureLayer = {
  id: 'wind-areas',
  title: 'Windenergiegebiete',
  description:
    'Ausgewiesene Windenergie- und Beschleunigungsgebiete mit Planungsregion, Rechtsstand, Plan und Anrechnung nach § 4 WindBG; versioniert (Stichtag).',
  geometry: 'polygon',
  source: {
    name: 'Regionalplanungsbehörden NRW (Import in das Register)',
    licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: 'Windenergiegebiete: Regionalplanungsbehörden NRW; Beispielgebiete erfunden',
    dataDate: new Date().toISOString().slice(0, 10),
    licenceOpen: true,
  },
  labelProperty: 'name',
  properties: [
    { name: 'name', title: 'Name', type: 'string' },
    { name: 'kind', title: 'Art', type: 'string' },
    { name: 'planningRegion', title: 'Planungsregion', type: 'string' },
    { name: 'legalStatus', title: 'Rechtsstand', type: 'string' },
    { name: 'planSource', title: 'Plan', type: 'string' },
    { name: 'planDate', title: 'Plandatum', type: 'date' },
    { name: 'rotorRule', title: 'Rotorregel', type: 'string' },
    { name: 'areaHa', title: 'Fläche', type: 'number', unit: 'ha' },
    { name: 'countedHa', title: 'Angerechnet', type: 'number', unit: 'ha' },
    { name: 'since', title: 'Im Register seit', type: 'date' },
    { name: 'example', title: 'Beispiel', type: 'boolean' },
  ],
  async extent(db) {
    const row = await db
      .selectFrom('areas')
      .select((eb) => [
        eb.fn.min('min_lon').as('minLon'),
        eb.fn.min('min_lat').as('minLat'),
        eb.fn.max('max_lon').as('maxLon'),
        eb.fn.max('max_lat').as('maxLat'),
      ])
      .where('ended_by', 'is', null)
      .executeTakeFirst();
    if (!row || row.minLon === null) return undefined;
    return [Number(row.minLon), Number(row.minLat), Number(row.maxLon), Number(row.maxLat)];
  },
  async items(db, query) {
    const version = versionAsOf(await listVersions(db), query.asOf);
    if (!version) return { features: [], numberMatched: 0 };
    // The page alone from the database: a table or OGC page of 10 does not read every outline.
    const [areas, numberMatched] = await Promise.all([
      areasInVersion(db, version.seq, {
        bbox: query.bbox,
        withGeometry: true,
        limit: query.limit,
        offset: query.offset,
      }),
      countAreasInVersion(db, version.seq, query.bbox),
    ]);
    return { features: areas.map(toFeature), numberMatched };
  },
  async item(db, id) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const version = versionAsOf(await listVersions(db));
    if (!version) return undefined;
    const area = (await areasInVersion(db, version.seq, { withGeometry: true })).find(
      (a) => a.id === id,
    );
    return area ? toFeature(area) : undefined;
  },
};
