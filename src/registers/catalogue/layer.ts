/**
 * The contract every geodata layer of the platform fulfils: the wind-energy areas, the site
 * register and the energy and network layers. The map pages and the OGC API – Features
 * interface read layers only through it, so a new layer appears in both without changes there.
 * Coordinates are lon/lat (CRS84) throughout.
 */
import type { Db } from '../../db/database.ts';

/** [minLon, minLat, maxLon, maxLat] in CRS84. */
export type BBox = readonly [number, number, number, number];

export type LayerGeometryKind = 'point' | 'line' | 'polygon';

export interface LayerSource {
  /** Who publishes the data, e.g. „Helmholtz-Zentrum für Umweltforschung (UFZ)“. */
  name: string;
  url?: string;
  /** Licence name as shown, e.g. „Datenlizenz Deutschland – Namensnennung – Version 2.0“. */
  licence: string;
  licenceUrl?: string;
  /** The attribution text the licence requires. */
  attribution: string;
  /** The date the data describes (ISO date), shown with every view of the layer. */
  dataDate: string;
  /** Marks licences that still need checking (shown as „[offen]“). */
  licenceOpen?: boolean;
}

export interface LayerProperty {
  name: string;
  /** German column heading. */
  title: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
  /** Unit shown after numbers, e.g. „MW“, „t CO₂“, „ha“. */
  unit?: string;
}

export interface LayerFeature {
  /** Stable identifier, unique within the layer; used in URLs. */
  id: string;
  geometry: GeoJSON.Geometry;
  properties: Record<string, string | number | boolean | null>;
}

export interface LayerQuery {
  bbox?: BBox;
  limit: number;
  offset: number;
  /** ISO date: the state of a versioned register on that day (ignored by unversioned layers). */
  asOf?: string;
}

export interface LayerPage {
  features: LayerFeature[];
  /** All features matching the query, regardless of limit and offset. */
  numberMatched: number;
}

export interface FeatureLayer {
  /** URL-safe collection id, e.g. 'wind-turbines'. */
  id: string;
  /** German title, e.g. „Windenergieanlagen“. */
  title: string;
  description: string;
  geometry: LayerGeometryKind;
  source: LayerSource;
  /** The property that names a feature in lists and on the map. */
  labelProperty: string;
  properties: readonly LayerProperty[];
  extent(db: Db): Promise<BBox | undefined>;
  items(db: Db, query: LayerQuery): Promise<LayerPage>;
  item(db: Db, id: string): Promise<LayerFeature | undefined>;
}
