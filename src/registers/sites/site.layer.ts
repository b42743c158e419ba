import type { Db } from '../../db/database.ts';
import type { BBox, FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import { siteProperties } from './site.files.ts';
import { findSite, searchSites } from './site.queries.ts';
import type { StoredSite } from './site.types.ts';

function feature(site: StoredSite): LayerFeature {
  return {
    id: site.id,
    geometry: site.geometry,
    properties: { ...siteProperties(site), example: site.example },
  };
}

/**
 * The site register as a geodata layer: current sites only. An ended site is no longer offered,
 * so it is neither listed nor served as a single item here (its page says it has ended).
 */
export const SITES_LAYER: FeatureLayer = {
  id: 'sites',
  title: 'Gewerbe- und Industrieflächen',
  description:
    'Flächen für Industrie und Gewerbe, vorrangig Brachflächen, gepflegt von den Wirtschaftsförderungen der Kommunen; mit Entfernung zum Wasserstoff-Kernnetz.',
  geometry: 'polygon',
  source: {
    name: 'Wirtschaftsförderungen der Kommunen in NRW (Flächenregister der Plattform)',
    url: '/gewerbeflaechen',
    licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: 'Flächenregister NRW, Angaben der jeweiligen Anbieter',
    dataDate: new Date().toISOString().slice(0, 10),
    // Which licence the providers grant is still to be agreed with them.
    licenceOpen: true,
  },
  labelProperty: 'name',
  properties: [
    { name: 'reference', title: 'Kennung', type: 'string' },
    { name: 'name', title: 'Bezeichnung', type: 'string' },
    { name: 'provider', title: 'Anbieter', type: 'string' },
    { name: 'gemeinde', title: 'Gemeinde', type: 'string' },
    { name: 'grossHa', title: 'Fläche brutto', type: 'number', unit: 'ha' },
    { name: 'netHa', title: 'Fläche netto', type: 'number', unit: 'ha' },
    { name: 'planningStatus', title: 'Planungsstand', type: 'string' },
    { name: 'zoning', title: 'Gebietsart', type: 'string' },
    { name: 'contamination', title: 'Altlasten', type: 'string' },
    { name: 'miningSupervision', title: 'Bergaufsicht', type: 'string' },
    { name: 'gridConnection', title: 'Netzanschluss', type: 'string' },
    { name: 'readiness', title: 'Verfügbarkeit', type: 'string' },
    { name: 'availableFrom', title: 'Verfügbar ab', type: 'date' },
    {
      name: 'hydrogenDistanceKm',
      title: 'Entfernung zum Wasserstoff-Kernnetz',
      type: 'number',
      unit: 'km',
    },
    { name: 'example', title: 'Beispieldaten', type: 'boolean' },
  ],
  async extent(db: Db): Promise<BBox | undefined> {
    const row = await db
      .selectFrom('sites')
      .where('end_date', 'is', null)
      .select((eb) => [
        eb.fn.min('min_lon').as('minLon'),
        eb.fn.min('min_lat').as('minLat'),
        eb.fn.max('max_lon').as('maxLon'),
        eb.fn.max('max_lat').as('maxLat'),
      ])
      .executeTakeFirst();
    if (!row || row.minLon === null) return undefined;
    return [row.minLon, row.minLat, row.maxLon, row.maxLat] as BBox;
  },
  async items(db, query) {
    const { sites, total } = await searchSites(db, {
      ...(query.bbox ? { bbox: query.bbox } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return { features: sites.map(feature), numberMatched: total };
  },
  async item(db, id) {
    const site = await findSite(db, id);
    return site && site.endDate === null ? feature(site) : undefined;
  },
};
