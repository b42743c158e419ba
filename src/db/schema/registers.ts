/** Registers: wind-energy areas and their versions, the site register, stored geodata layers. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './common.ts';

export interface RegisterTables {
  areas: AreasTable;
}

export interface AreasTable {
  id: Generated<string>;
  kind: 'acceleration' | 'wind-energy';
  name: string;
  designation: ColumnType<Record<string, unknown>, string, string>;
  geometry: ColumnType<unknown, string, string>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  example: boolean;
  source: string;
  imported_at: CreatedAt;
}

// --- Site register: brownfield and industrial sites (migration 20261207T0100_sites) ---
export type SiteOwnership = 'municipal' | 'private' | 'public-other' | 'mixed';

export type SitePlanningStatus =
  'binding-plan' | 'plan-in-preparation' | 'land-use-plan' | 'section-34' | 'none';

export type SiteZoning = 'GI' | 'GE' | 'SO' | 'MI' | 'other' | 'none';

export type SiteContamination = 'none' | 'remediated' | 'suspected' | 'contaminated' | 'unknown';

export type SiteMiningSupervision = 'never' | 'released' | 'under';

export type SiteGridConnection = 'available' | 'planned' | 'none' | 'unknown';

export type SiteReadiness = 'immediate' | 'short-term' | 'medium-term' | 'long-term';

export interface SitesTable {
  id: Generated<string>;
  tenant_id: string;
  reference: string;
  name: string;
  geometry: ColumnType<GeoJSON.Geometry, string, string>;
  centre_lon: number;
  centre_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  geometry_ha: number | null;
  ags: string | null;
  gemeinde: string | null;
  gross_ha: number;
  net_ha: number | null;
  ownership: SiteOwnership;
  planning_status: SitePlanningStatus;
  zoning: SiteZoning;
  contamination: SiteContamination;
  mining_supervision: SiteMiningSupervision;
  grid_connection: SiteGridConnection;
  hydrogen_distance_km: number | null;
  readiness: SiteReadiness;
  available_from: ColumnType<string | null, string | null | undefined, string | null>;
  contact: string;
  start_date: ColumnType<string, string, string>;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: string | null;
  example: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SiteProblemsTable {
  id: Generated<string>;
  tenant_id: string;
  site_id: string;
  rule: string;
  message: string;
  detected_at: CreatedAt;
}

export interface RegisterTables {
  sites: SitesTable;
  site_problems: SiteProblemsTable;
}

// --- Registers: stored geodata layers (migration 20261207T0200_geo_features) ---
/** One feature of a layer loaded from published files; `bbox` is a PostgreSQL box ("(x2,y2),(x1,y1)"). */
export interface GeoFeaturesTable {
  layer: string;
  feature_id: string;
  position: number;
  properties: ColumnType<Record<string, string | number | boolean | null>, string, string>;
  geometry: ColumnType<GeoJSON.Geometry, string, string>;
  bbox: ColumnType<string, never, never>;
}

export interface GeoLayerLoadsTable {
  layer: string;
  content_hash: string;
  feature_count: number;
  /** Set again on every reload. */
  loaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RegisterTables {
  geo_features: GeoFeaturesTable;
  geo_layer_loads: GeoLayerLoadsTable;
}

// --- Registers: versioned wind-energy areas (migration 20261207T0000_wind_areas) ---
/** One import of the area register: a dated version (Stand). */
export interface AreaImportsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  effective_on: ColumnType<string, string, never>;
  mode: 'add' | 'replace';
  /** Planning regions whose earlier areas this version ended (mode 'replace'). */
  replaced_regions: ColumnType<string[], string[] | undefined, never>;
  source: string;
  note: string | null;
  area_count: number;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  imported_by: string | null;
  imported_at: CreatedAt;
}

/** Hectares of designated area per Gemeinde in one version (overlaps counted once). */
export interface AreaStatisticsTable {
  import_id: string;
  ags: string;
  in_force_ha: number;
  with_drafts_ha: number;
}

export interface AreasTable {
  import_id: string;
  ended_by: ColumnType<string | null, string | null | undefined, string | null>;
  planning_region: ColumnType<string | null, string | null | undefined, never>;
  legal_status: ColumnType<'draft' | 'in-force', 'draft' | 'in-force' | undefined, never>;
  plan_source: ColumnType<string | null, string | null | undefined, never>;
  plan_date: ColumnType<string | null, string | null | undefined, never>;
  rotor_rule: ColumnType<'rotor-out' | 'rotor-in', 'rotor-out' | 'rotor-in' | undefined, never>;
  area_ha: ColumnType<number | null, number | null | undefined, never>;
  counted_ha: ColumnType<number | null, number | null | undefined, never>;
  counted_geometry: ColumnType<unknown, string | null | undefined, never>;
}

export interface RegisterTables {
  area_imports: AreaImportsTable;
  area_statistics: AreaStatisticsTable;
}
