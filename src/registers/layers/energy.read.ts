/**
 * Reads the published energy and network files in data/energy/ (see data/SOURCES.md) into layer
 * features. Pure apart from reading the files; what the sources do not say stays null and the
 * layer descriptions say so, nothing is guessed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadGemeinden } from '../geo/data-files.ts';
import type { LayerFeature } from '../catalogue/layer.ts';
import { csvRecords } from './csv-read.ts';

export const ENERGY_DATA_DIR = new URL('../../../data/energy/', import.meta.url);

export const ENERGY_FILES = {
  wind: 'wind/nrw_windpower_until2015_wgs84.csv',
  plants: 'plants/opsd_conventional_power_plants_NRW_2020-10-01.csv',
  capacity2021: 'plants/localzero_mastr_capacity_by_ags_2021_NRW.csv',
  capacity2024: 'plants/localzero_mastr_capacity_by_ags_2024_NRW.csv',
  industry: 'industry/hotmaps_industrial_sites_NRW.csv',
  coreNetwork: 'hydrogen_gas/pypsa-de_locations_wasserstoff_kernnetz.csv',
  pipelines: 'hydrogen_gas/gem_pipeline_routes_touching_NRW/',
} as const;

export function readEnergyFile(relative: string): string {
  return readFileSync(new URL(relative, ENERGY_DATA_DIR), 'utf8');
}

/** A number from the files, or null for an empty cell; anything else is a broken file. */
function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`Keine Zahl: ${value}`);
  return n;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function point(lon: number | null, lat: number | null): GeoJSON.Point {
  if (lon === null || lat === null) throw new Error('Koordinate fehlt');
  return { type: 'Point', coordinates: [lon, lat] };
}

export function readWindTurbines(): LayerFeature[] {
  return csvRecords(readEnergyFile(ENERGY_FILES.wind), ',').map((r) => ({
    id: r.row_in_source!,
    geometry: point(num(r.lon_wgs84), num(r.lat_wgs84)),
    properties: {
      name: `WEA ${r.gemeinde || 'NRW'} (Quellzeile ${r.row_in_source})`,
      commissioning_year: num(r.year),
      power_kw: num(r.power_kw),
      hub_height_m: round(num(r.hub_m), 1),
      rotor_diameter_m: round(num(r.rotor_diameter_m), 1),
      ags: r.ags || null,
      gemeinde: r.gemeinde || null,
    },
  }));
}

const ENERGY_SOURCE_DE: Record<string, string> = {
  'Natural gas': 'Erdgas',
  Lignite: 'Braunkohle',
  'Hard coal': 'Steinkohle',
  Waste: 'Abfall',
  'Other fuels': 'Sonstige Energieträger',
  Oil: 'Mineralöl',
  'Biomass and biogas': 'Biomasse und Biogas',
  Hydro: 'Wasserkraft',
  'Other fossil fuels': 'Sonstige fossile Energieträger',
};

const STATUS_DE: Record<string, string> = {
  operating: 'in Betrieb',
  shutdown: 'stillgelegt',
  reserve: 'Reserve',
  special_case: 'Sonderfall',
  shutdown_temporary: 'vorläufig stillgelegt',
  seasonal_conservation: 'saisonale Konservierung',
};

/**
 * The coal exit as far as the data shows it. Coal-fired generation ends by 2038 at the latest
 * (§ 2 Abs. 2 Nr. 3 KVBG), lignite in the Rhenish district by 2030 (KVBG as amended in 2022);
 * the per-unit dates of KVBG Anlage 2 are not in the data and are not filled in here
 * [open: legal sign-off before per-unit dates are added].
 */
export function coalExitNote(
  isCoal: boolean,
  status: string,
  shutdownYear: number | null,
): string | null {
  if (!isCoal) return null;
  if (shutdownYear !== null) return `stillgelegt ${shutdownYear}`;
  if (status === 'shutdown') return 'stillgelegt (Jahr nicht in den Daten)';
  return `${STATUS_DE[status] ?? status}; Stilllegungsdatum nicht in den Daten (Stand 01.10.2020)`;
}

export function readPowerPlants(): LayerFeature[] {
  return csvRecords(readEnergyFile(ENERGY_FILES.plants), ',').map((r) => {
    const source = r.energy_source ?? '';
    const isCoal = source === 'Lignite' || source === 'Hard coal';
    const shutdown = num(r.shutdown);
    const status = r.status ?? '';
    const name = [r.name_bnetza?.trim(), r.block_bnetza?.trim()].filter(Boolean).join(' – ');
    return {
      id: r.id!,
      geometry: point(num(r.lon), num(r.lat)),
      properties: {
        name: name || r.id!,
        company: r.company?.trim() || null,
        city: r.city?.trim() || null,
        energy_source: ENERGY_SOURCE_DE[source] ?? source,
        capacity_net_mw: num(r.capacity_net_bnetza),
        commissioned_year: num(r.commissioned),
        status: STATUS_DE[status] ?? status,
        shutdown_year: shutdown,
        coal: isCoal,
        coal_exit: coalExitNote(isCoal, status, shutdown),
        // The power plant list of 2020 has no field for hydrogen readiness.
        h2_ready: 'keine Angabe in den Daten',
      },
    };
  });
}

function capacityByAgs(relative: string): Map<string, Record<string, number>> {
  const map = new Map<string, Record<string, number>>();
  for (const r of csvRecords(readEnergyFile(relative), ',')) {
    const mw = (key: string) => round((num(r[key]) ?? 0) / 1000, 3) ?? 0;
    map.set(r.ags!, {
      pv: mw('pv'),
      wind: mw('wind_on'),
      biomass: mw('biomass'),
      water: mw('water'),
    });
  }
  return map;
}

export function readCapacityPerGemeinde(): LayerFeature[] {
  const earlier = capacityByAgs(ENERGY_FILES.capacity2021);
  const later = capacityByAgs(ENERGY_FILES.capacity2024);
  return loadGemeinden().map((g) => {
    const a = earlier.get(g.ags);
    const b = later.get(g.ags);
    const total = (c: Record<string, number> | undefined) =>
      c ? round(c.pv! + c.wind! + c.biomass! + c.water!, 3) : null;
    return {
      id: g.ags,
      geometry: g.geometry as unknown as GeoJSON.Geometry,
      properties: {
        name: g.name,
        ags: g.ags,
        kreis: g.kreis,
        pv_mw_2021: a?.pv ?? null,
        wind_mw_2021: a?.wind ?? null,
        biomass_mw_2021: a?.biomass ?? null,
        water_mw_2021: a?.water ?? null,
        total_mw_2021: total(a),
        pv_mw_2024: b?.pv ?? null,
        wind_mw_2024: b?.wind ?? null,
        biomass_mw_2024: b?.biomass ?? null,
        water_mw_2024: b?.water ?? null,
        total_mw_2024: total(b),
      },
    };
  });
}

/** "SRID=4326;POINT(lon lat)" or "POINT (lon lat)" → [lon, lat]. */
export function parseWktPoint(wkt: string): [number, number] {
  const match = /POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)/.exec(wkt);
  if (!match) throw new Error(`Kein WKT-Punkt: ${wkt}`);
  return [Number(match[1]), Number(match[2])];
}

export interface IndustrialSiteRecord {
  id: string;
  position: [number, number];
  name: string;
  company: string | null;
  city: string | null;
  subsector: string | null;
  /** t CO₂ in 2014: ETS where reported, else E-PRTR; null where neither is. */
  emissionsT: number | null;
  emissionsSource: 'EU-ETS 2014' | 'E-PRTR 2014' | null;
}

const SUBSECTOR_DE: Record<string, string> = {
  'Chemical industry': 'Chemie',
  'Iron and steel': 'Eisen und Stahl',
  'Paper and printing': 'Papier und Druck',
  'Non-metallic mineral products': 'Nichtmetallische Mineralien (Zement, Kalk, Glas, Keramik)',
  Refineries: 'Raffinerien',
  'Non-ferrous metals': 'Nichteisenmetalle',
  'Food, beverages and tobacco': 'Nahrungsmittel, Getränke, Tabak',
  'Non-metallic minerals': 'Nichtmetallische Mineralien',
  Cement: 'Zement',
  Glass: 'Glas',
  'Other non-classified': 'Sonstige',
};

export function readIndustrialSites(): IndustrialSiteRecord[] {
  return csvRecords(readEnergyFile(ENERGY_FILES.industry), ';').map((r) => {
    const ets = num(r.Emissions_ETS_2014);
    const eprtr = num(r.Emissions_EPRTR_2014);
    const subsector = r.Subsector?.trim() || null;
    return {
      id: r.SiteID!,
      position: parseWktPoint(r.geom!),
      name: r.SiteName?.trim() || r.CompanyName?.trim() || `Standort ${r.SiteID}`,
      company: r.CompanyName?.trim() || null,
      city: r.City?.trim() || null,
      subsector: subsector ? (SUBSECTOR_DE[subsector] ?? subsector) : null,
      emissionsT: ets ?? eprtr,
      emissionsSource: ets !== null ? 'EU-ETS 2014' : eprtr !== null ? 'E-PRTR 2014' : null,
    };
  });
}

export interface CoreNetworkLocation {
  id: string;
  name: string;
  state: string;
  position: [number, number];
}

export function readCoreNetworkLocations(): CoreNetworkLocation[] {
  const rows = csvRecords(readEnergyFile(ENERGY_FILES.coreNetwork), ',');
  return rows.map((r) => ({
    id: r['']!,
    name: r.location!,
    state: r.state!,
    position: parseWktPoint(r.point!),
  }));
}

export interface PipelineRoute {
  id: string;
  projectId: string;
  name: string | null;
  geometry: GeoJSON.LineString | GeoJSON.MultiLineString;
}

/** The GEM route files of one category ('hydrogen' or 'gas'), one feature per route part. */
export function readPipelineRoutes(category: 'hydrogen' | 'gas'): PipelineRoute[] {
  const dir = `${ENERGY_FILES.pipelines}${category}/`;
  const files = readdirSync(new URL(dir, ENERGY_DATA_DIR))
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  return files.flatMap((file) => {
    const projectId = file.replace(/\.geojson$/, '');
    const collection = JSON.parse(readEnergyFile(dir + file)) as GeoJSON.FeatureCollection;
    return collection.features.map((feature, index) => {
      const geometry = feature.geometry;
      if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString')
        throw new Error(`${file}: keine Linie`);
      const name = (feature.properties as { Name?: unknown } | null)?.Name;
      return {
        id: collection.features.length > 1 ? `${projectId}-${index + 1}` : projectId,
        projectId,
        name: typeof name === 'string' && name !== '' ? name : null,
        geometry,
      };
    });
  });
}
