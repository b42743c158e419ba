/**
 * The query of the map page's GET form: which layers (checkboxes `ebene`), which background,
 * which layer's table and page, and an optional extent. Public input: every value is checked; a
 * bad one is a German field error (400) with the typed values kept, never a 5xx.
 */
import type { FieldError } from '../../platform/errors.ts';
import type { BBox } from '../catalogue/layer.ts';
import type { MapBackground } from './layer-map.tsx';

export const MAP_PATH = '/karte';
export const TABLE_PAGE_SIZE = 25;
const MAX_PAGE = 100_000;
const BACKGROUNDS: readonly MapBackground[] = ['kreise', 'gemeinden', 'keine'];
const KNOWN = new Set(['ebene', 'auswahl', 'hintergrund', 'tabelle', 'seite', 'bbox']);

export interface MapQuery {
  layers: string[];
  background: MapBackground;
  /** The layer whose features the table lists; undefined when no layer is chosen. */
  table?: string;
  page: number;
  bbox?: BBox;
}

/** As typed, for the form after an error. */
export interface MapQueryValues {
  layers: string[];
  background: string;
  table: string;
  page: string;
  bbox: string;
}

export type ParsedMapQuery =
  | { ok: true; query: MapQuery; values: MapQueryValues }
  | { ok: false; errors: FieldError[]; values: MapQueryValues };

function list(value: unknown): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 100));
}

function single(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

/** minLon,minLat,maxLon,maxLat in degrees (CRS84), as in the OGC API. */
export function parseBbox(text: string): BBox | undefined {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => !/^-?\d{1,3}(\.\d{1,10})?$/.test(p))) return;
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (![minLon, maxLon].every(lonOk) || ![minLat, maxLat].every(latOk)) return;
  if (minLon >= maxLon || minLat >= maxLat) return;
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * Without `auswahl` (the hidden field every submit of the form sends) nothing was chosen yet:
 * the page starts with every layer. With it, no checked box means no layer.
 */
export function parseMapQuery(
  raw: Record<string, unknown>,
  layerIds: readonly string[],
): ParsedMapQuery {
  const errors: FieldError[] = [];
  const submitted = raw.auswahl !== undefined;
  const values: MapQueryValues = {
    layers: submitted || raw.ebene !== undefined ? list(raw.ebene) : [...layerIds],
    background: single(raw.hintergrund) || 'kreise',
    table: single(raw.tabelle),
    page: single(raw.seite),
    bbox: single(raw.bbox),
  };
  const unknown = Object.keys(raw).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) {
    errors.push({
      field: 'ebene',
      message: `Unbekannte Angabe: ${unknown.slice(0, 3).join(', ').slice(0, 80)}. Erlaubt sind ebene, hintergrund, tabelle, seite und bbox.`,
    });
  }
  const unknownLayers = values.layers.filter((id) => !layerIds.includes(id));
  if (unknownLayers.length > 0) {
    errors.push({
      field: 'ebene',
      message: `Diese Ebene gibt es nicht: „${unknownLayers[0]!.slice(0, 60)}“. Wählen Sie Ebenen aus der Liste.`,
    });
  }
  const layers = layerIds.filter((id) => values.layers.includes(id));
  const background = BACKGROUNDS.find((b) => b === values.background);
  if (!background) {
    errors.push({ field: 'hintergrund', message: 'Wählen Sie einen Hintergrund aus der Liste.' });
  }
  let table = layers[0];
  if (values.table !== '') {
    if (layers.includes(values.table)) table = values.table;
    else
      errors.push({
        field: 'tabelle',
        message: 'Die Tabelle kann nur eine der gewählten Ebenen zeigen.',
      });
  }
  let page = 1;
  if (values.page !== '') {
    page = /^\d{1,6}$/.test(values.page) ? Number(values.page) : NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) {
      errors.push({ field: 'seite', message: 'Die Seitenzahl ist eine ganze Zahl ab 1.' });
    }
  }
  let bbox: BBox | undefined;
  if (values.bbox !== '') {
    bbox = parseBbox(values.bbox);
    if (!bbox) {
      errors.push({
        field: 'bbox',
        message:
          'Der Ausschnitt besteht aus vier Zahlen: westliche Länge, südliche Breite, östliche Länge, nördliche Breite (Grad, durch Kommas getrennt), z. B. 6.5,51.2,7.5,51.7.',
      });
    }
  }
  if (errors.length > 0 || !background) return { ok: false, errors, values };
  return { ok: true, query: { layers, background, table, page, bbox }, values };
}

/** The page's own address for a query, e.g. for paging links; the order is fixed. */
export function mapQueryString(query: MapQuery, page = query.page): string {
  const params = new URLSearchParams();
  params.append('auswahl', '1');
  for (const id of query.layers) params.append('ebene', id);
  params.append('hintergrund', query.background);
  if (query.table) params.append('tabelle', query.table);
  if (query.bbox) params.append('bbox', query.bbox.join(','));
  if (page > 1) params.append('seite', String(page));
  return `?${params.toString()}`;
}

/**
 * A link from a register page to the map with its layers chosen (and their first one as the
 * table), optionally focused on an extent, e.g. one site's with a margin around it.
 */
export function mapHref(layers: readonly string[], bbox?: BBox): string {
  const params = new URLSearchParams();
  for (const id of layers) params.append('ebene', id);
  if (bbox) params.append('bbox', bbox.map((v) => v.toFixed(5)).join(','));
  const query = params.toString();
  return query ? `${MAP_PATH}?${query}` : MAP_PATH;
}

/** The extent of a geometry with a margin (a share of its size, at least `minimum` degrees). */
export function focusBbox(geometry: GeoJSON.Geometry, margin = 0.5, minimum = 0.01): BBox {
  const positions: GeoJSON.Position[] = [];
  type Nested = GeoJSON.Position | Nested[];
  const walk = (value: Nested): void => {
    if (typeof value[0] === 'number') positions.push(value as GeoJSON.Position);
    else (value as Nested[]).forEach(walk);
  };
  const collect = (g: GeoJSON.Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(collect);
    else walk(g.coordinates);
  };
  collect(geometry);
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  const padLon = Math.max((Math.max(...lons) - Math.min(...lons)) * margin, minimum);
  const padLat = Math.max((Math.max(...lats) - Math.min(...lats)) * margin, minimum);
  return [
    Math.max(-180, Math.min(...lons) - padLon),
    Math.max(-90, Math.min(...lats) - padLat),
    Math.min(180, Math.max(...lons) + padLon),
    Math.min(90, Math.max(...lats) + padLat),
  ];
}
