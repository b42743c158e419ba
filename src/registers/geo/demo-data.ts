/**
 * Demo wind projects and example designated areas (data/demo/, built by build-demo-data.ts).
 * The turbine positions and dimensions are real (UFZ data set, turbines up to 2015); names,
 * parcels, commissioning dates and the areas are invented for demonstrations and tests.
 */
import { readFileSync } from 'node:fs';
import { isAreaGeometry, type AreaGeometry } from './polygon.ts';

const demoDir = new URL('../../../data/demo/', import.meta.url);

export interface DemoTurbine {
  lon: number;
  lat: number;
  hubHeightM: number;
  rotorDiameterM: number;
  /** Hub height plus half the rotor diameter, rounded to whole metres. */
  totalHeightM: number;
  ratedPowerKw: number;
  type: string;
  /** Line in the UFZ source CSV (header = line 1), so every turbine can be traced back. */
  sourceRow: number;
}

export interface DemoWindProject {
  key: string;
  title: string;
  gemeinde: string;
  ags: string;
  kreis: string;
  regierungsbezirk: string;
  turbines: DemoTurbine[];
  parcel: { gemarkung: string; gemarkungKey: string; flur: string; flurstueck: string };
  repowering: boolean;
  /** 'YYYY-MM' */
  plannedCommissioning: string;
}

export interface DemoArea {
  name: string;
  kind: 'acceleration' | 'wind-energy';
  planningRegion: string;
  designatedOn: string;
  seaDone: boolean;
  protectedAreaOverlap: boolean;
  example: true;
  geometry: AreaGeometry;
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, demoDir), 'utf8')) as unknown;
}

export function loadDemoWindProjects(): DemoWindProject[] {
  const raw = read('wind-projects.json');
  const ok =
    Array.isArray(raw) &&
    raw.every((p: unknown) => {
      const { key, turbines, parcel } = (p ?? {}) as Record<string, unknown>;
      return typeof key === 'string' && Array.isArray(turbines) && typeof parcel === 'object';
    });
  if (!ok) throw new Error('data/demo/wind-projects.json: unerwarteter Aufbau');
  return raw as DemoWindProject[];
}

export function loadDemoAreas(): DemoArea[] {
  const raw = read('areas.geojson') as { features?: unknown };
  if (!Array.isArray(raw.features))
    throw new Error('data/demo/areas.geojson: keine FeatureCollection');
  return raw.features.map((feature: unknown, index) => {
    const { properties, geometry } = (feature ?? {}) as {
      properties?: unknown;
      geometry?: unknown;
    };
    if (typeof properties !== 'object' || properties === null || !isAreaGeometry(geometry)) {
      throw new Error(`data/demo/areas.geojson: Gebiet ${index + 1} ist ungültig`);
    }
    return { ...(properties as Omit<DemoArea, 'geometry'>), geometry };
  });
}
