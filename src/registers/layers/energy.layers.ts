/**
 * The energy and network layers (issue points 3 and 5): what each shows, from which file, with
 * which source. The features are loaded into geo_features (energy.load.ts) and read from there,
 * so the map pages and the OGC API page through them with a bbox index.
 */
import type { FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import {
  CAPACITY_SOURCE,
  CORE_NETWORK_SOURCE,
  INDUSTRY_SOURCE,
  PIPELINE_SOURCE,
  POWER_PLANT_SOURCE,
  WIND_SOURCE,
} from './energy.sources.ts';
import {
  ENERGY_FILES,
  readCapacityPerGemeinde,
  readCoreNetworkLocations,
  readIndustrialSites,
  readPipelineRoutes,
  readPowerPlants,
  readWindTurbines,
} from './energy.read.ts';
import { hydrogenNetwork, hydrogenReadiness } from './hydrogen.ts';
import { storedLayer, type StoredLayerMetadata } from './stored-layer.ts';

export interface StoredLayerSpec {
  metadata: StoredLayerMetadata;
  /** The files (under data/energy/ or data/geo/) the features come from: a change reloads. */
  files: readonly string[];
  read(): LayerFeature[];
}

/** Raised when the reading of a layer changes, so unchanged files are loaded again too. */
export const ENERGY_LOADER_VERSION = 1;

const windTurbines: StoredLayerSpec = {
  metadata: {
    id: 'wind-turbines',
    title: 'Windenergieanlagen (Bestand bis 2015)',
    description:
      'Die 3.076 Windenergieanlagen an Land in NRW, die bis Ende 2015 in Betrieb gingen, mit Jahr der Inbetriebnahme, Leistung, Nabenhöhe und Rotordurchmesser. Neuere Anlagen enthält der Datensatz nicht.',
    geometry: 'point',
    source: WIND_SOURCE,
    labelProperty: 'name',
    properties: [
      { name: 'name', title: 'Bezeichnung', type: 'string' },
      { name: 'commissioning_year', title: 'Inbetriebnahme (Jahr)', type: 'integer' },
      { name: 'power_kw', title: 'Leistung', type: 'number', unit: 'kW' },
      { name: 'hub_height_m', title: 'Nabenhöhe', type: 'number', unit: 'm' },
      { name: 'rotor_diameter_m', title: 'Rotordurchmesser', type: 'number', unit: 'm' },
      { name: 'ags', title: 'Gemeindeschlüssel', type: 'string' },
      { name: 'gemeinde', title: 'Gemeinde', type: 'string' },
    ],
  },
  files: [ENERGY_FILES.wind],
  read: readWindTurbines,
};

const powerPlants: StoredLayerSpec = {
  metadata: {
    id: 'power-plants',
    title: 'Kraftwerke (konventionell) mit Kohleausstieg',
    description:
      'Konventionelle Kraftwerksblöcke in NRW aus der Kraftwerksliste (Stand 01.10.2020). Braun- und Steinkohleblöcke sind als Kohleausstieg markiert, mit dem Stilllegungsjahr, soweit die Daten es nennen; die Stilllegungsdaten je Block nach Anlage 2 KVBG enthalten die Daten nicht. Ob ein Kraftwerk wasserstofffähig („H2-ready“) ist, geben die Daten nicht an; das Feld sagt das ausdrücklich.',
    geometry: 'point',
    source: POWER_PLANT_SOURCE,
    labelProperty: 'name',
    properties: [
      { name: 'name', title: 'Kraftwerk – Block', type: 'string' },
      { name: 'company', title: 'Betreiber', type: 'string' },
      { name: 'city', title: 'Ort', type: 'string' },
      { name: 'energy_source', title: 'Energieträger', type: 'string' },
      { name: 'capacity_net_mw', title: 'Nettoleistung', type: 'number', unit: 'MW' },
      { name: 'commissioned_year', title: 'Inbetriebnahme (Jahr)', type: 'integer' },
      { name: 'status', title: 'Status (2020)', type: 'string' },
      { name: 'shutdown_year', title: 'Stilllegung (Jahr)', type: 'integer' },
      { name: 'coal', title: 'Kohlekraftwerk', type: 'boolean' },
      { name: 'coal_exit', title: 'Kohleausstieg', type: 'string' },
      { name: 'h2_ready', title: 'Wasserstofffähig (H2-ready)', type: 'string' },
    ],
  },
  files: [ENERGY_FILES.plants],
  read: readPowerPlants,
};

const industrialSites: StoredLayerSpec = {
  metadata: {
    id: 'industrial-sites',
    title: 'Industriestandorte mit Emissionen und Wasserstoff-Anbindung',
    description:
      'Industriestandorte in NRW mit ihren CO₂-Emissionen 2014 (EU-Emissionshandel, sonst E-PRTR) und dem Abstand auf dem Ellipsoid zum nächsten Ort des Wasserstoff-Kernnetzes oder zur nächsten Wasserstoffleitung, mit deren geplanter Inbetriebnahme, soweit bekannt.',
    geometry: 'point',
    source: INDUSTRY_SOURCE,
    labelProperty: 'name',
    properties: [
      { name: 'name', title: 'Standort', type: 'string' },
      { name: 'company', title: 'Unternehmen', type: 'string' },
      { name: 'city', title: 'Ort', type: 'string' },
      { name: 'subsector', title: 'Branche', type: 'string' },
      { name: 'emissions_t', title: 'CO₂-Emissionen 2014', type: 'number', unit: 't' },
      { name: 'emissions_source', title: 'Emissionsquelle', type: 'string' },
      { name: 'h2_distance_km', title: 'Abstand zum H2-Netz', type: 'number', unit: 'km' },
      { name: 'h2_nearest', title: 'Nächstes Element des H2-Netzes', type: 'string' },
      { name: 'h2_nearest_kind', title: 'Art des Elements', type: 'string' },
      { name: 'h2_commissioning', title: 'Geplante Inbetriebnahme', type: 'string' },
    ],
  },
  files: [ENERGY_FILES.industry, ENERGY_FILES.coreNetwork, `${ENERGY_FILES.pipelines}hydrogen/`],
  read: () => {
    const network = hydrogenNetwork();
    return readIndustrialSites().map((site) => {
      const h2 = hydrogenReadiness(site, network);
      return {
        id: site.id,
        geometry: { type: 'Point', coordinates: site.position },
        properties: {
          name: site.name,
          company: site.company,
          city: site.city,
          subsector: site.subsector,
          emissions_t: site.emissionsT,
          emissions_source: site.emissionsSource,
          h2_distance_km: h2?.distanceKm ?? null,
          h2_nearest: h2?.nearestLabel ?? null,
          h2_nearest_kind: h2?.nearestKind ?? null,
          h2_commissioning: h2 ? (h2.commissioning ?? 'nicht in den Daten') : null,
        },
      };
    });
  },
};

const capacity: StoredLayerSpec = {
  metadata: {
    id: 'renewable-capacity',
    title: 'Installierte erneuerbare Leistung je Gemeinde (2021 und 2024)',
    description:
      'Installierte Leistung aus Photovoltaik, Wind an Land, Biomasse und Wasserkraft je Gemeinde in MW zu zwei Zeitpunkten: Auszug „2021“ (Marktstammdatenregister, etwa Ende 2021/Frühjahr 2022) und Auszug 2024. Die Wasserkraft 2021 enthält in Finnentrop etwa 138 MW Pumpspeicher, die 2024 fehlen.',
    geometry: 'polygon',
    source: CAPACITY_SOURCE,
    labelProperty: 'name',
    properties: [
      { name: 'name', title: 'Gemeinde', type: 'string' },
      { name: 'ags', title: 'Gemeindeschlüssel', type: 'string' },
      { name: 'kreis', title: 'Kreis', type: 'string' },
      { name: 'pv_mw_2021', title: 'Photovoltaik 2021', type: 'number', unit: 'MW' },
      { name: 'wind_mw_2021', title: 'Wind an Land 2021', type: 'number', unit: 'MW' },
      { name: 'biomass_mw_2021', title: 'Biomasse 2021', type: 'number', unit: 'MW' },
      { name: 'water_mw_2021', title: 'Wasserkraft 2021', type: 'number', unit: 'MW' },
      { name: 'total_mw_2021', title: 'Summe 2021', type: 'number', unit: 'MW' },
      { name: 'pv_mw_2024', title: 'Photovoltaik 2024', type: 'number', unit: 'MW' },
      { name: 'wind_mw_2024', title: 'Wind an Land 2024', type: 'number', unit: 'MW' },
      { name: 'biomass_mw_2024', title: 'Biomasse 2024', type: 'number', unit: 'MW' },
      { name: 'water_mw_2024', title: 'Wasserkraft 2024', type: 'number', unit: 'MW' },
      { name: 'total_mw_2024', title: 'Summe 2024', type: 'number', unit: 'MW' },
    ],
  },
  files: [ENERGY_FILES.capacity2021, ENERGY_FILES.capacity2024, '../geo/nrw_gemeinden.geojson'],
  read: readCapacityPerGemeinde,
};

const coreNetwork: StoredLayerSpec = {
  metadata: {
    id: 'hydrogen-core-network',
    title: 'Wasserstoff-Kernnetz: Orte der Maßnahmen',
    description:
      'Anfangs- und Endpunkte der Maßnahmen des Wasserstoff-Kernnetzes (bundesweit, davon 60 in NRW), geokodiert. Es sind Orte, keine Trassen. Das Kernnetz geht nach der Genehmigung vom 22.10.2024 schrittweise von 2025 bis 2032 in Betrieb; das Jahr je Maßnahme enthalten die Daten nicht.',
    geometry: 'point',
    source: CORE_NETWORK_SOURCE,
    labelProperty: 'name',
    properties: [
      { name: 'name', title: 'Ort', type: 'string' },
      { name: 'state', title: 'Land', type: 'string' },
      { name: 'commissioning', title: 'Geplante Inbetriebnahme', type: 'string' },
    ],
  },
  files: [ENERGY_FILES.coreNetwork],
  read: () =>
    readCoreNetworkLocations().map((l) => ({
      id: l.id,
      geometry: { type: 'Point', coordinates: l.position },
      properties: {
        name: l.name,
        state: l.state,
        commissioning: '2025–2032 (Jahr je Maßnahme nicht in den Daten)',
      },
    })),
};

function pipelineSpec(category: 'hydrogen' | 'gas'): StoredLayerSpec {
  const hydrogen = category === 'hydrogen';
  return {
    metadata: {
      id: hydrogen ? 'hydrogen-pipelines' : 'gas-pipelines',
      title: hydrogen ? 'Wasserstoffleitungen (Trassen)' : 'Erdgasleitungen (Trassen)',
      description: `${hydrogen ? 'Wasserstoff' : 'Erdgas'}-Fernleitungstrassen, die NRW berühren, aus den Trassendateien von Global Energy Monitor. Namen, Status und Kapazität stehen in den Tracker-Tabellen, nicht in den Trassendateien; angegeben ist die Projektnummer.`,
      geometry: 'line',
      source: hydrogen ? PIPELINE_SOURCE : { ...PIPELINE_SOURCE, dataDate: '2026-04-07' },
      labelProperty: 'name',
      properties: [
        { name: 'name', title: 'Bezeichnung', type: 'string' },
        { name: 'project_id', title: 'GEM-Projektnummer', type: 'string' },
      ],
    },
    files: [`${ENERGY_FILES.pipelines}${category}/`],
    read: () =>
      readPipelineRoutes(category).map((route) => ({
        id: route.id,
        geometry: route.geometry,
        properties: {
          name:
            route.name ?? `${hydrogen ? 'Wasserstoffleitung' : 'Erdgasleitung'} ${route.projectId}`,
          project_id: route.projectId,
        },
      })),
  };
}

export const ENERGY_LAYER_SPECS: readonly StoredLayerSpec[] = [
  windTurbines,
  powerPlants,
  industrialSites,
  capacity,
  coreNetwork,
  pipelineSpec('hydrogen'),
  pipelineSpec('gas'),
];

export const ENERGY_LAYERS: readonly FeatureLayer[] = ENERGY_LAYER_SPECS.map((spec) =>
  storedLayer(spec.metadata),
);
