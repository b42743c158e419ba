/**
 * Loads the reference files in data/ (built by build-geo-data.ts). Loading is lazy and cached:
 * importing the geo module (e.g. only for pointInPolygon) must not cost ~1 MB of JSON parsing.
 */
import { readFileSync } from 'node:fs';
import { isAreaGeometry, type AreaGeometry } from './polygon.ts';

const dataDir = new URL('../../../data/', import.meta.url);

export interface GemeindeFeature {
  ags: string;
  name: string;
  kreis: string;
  regierungsbezirk: string;
  geometry: AreaGeometry;
}

/** Katasteramt → "Name (Schlüssel)" → Fluren, exactly as published by the source. */
export type CadastreTree = Record<string, Record<string, { fluren: string[]; schluessel: string }>>;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, dataDir), 'utf8')) as unknown;
}

function features(
  relative: string,
): { properties: Record<string, unknown>; geometry: AreaGeometry }[] {
  const raw = readJson(relative) as { features?: unknown };
  if (!Array.isArray(raw.features)) throw new Error(`${relative}: keine FeatureCollection`);
  return raw.features.map((f: unknown, index) => {
    const { properties, geometry } = f as { properties?: unknown; geometry?: unknown };
    if (typeof properties !== 'object' || properties === null || !isAreaGeometry(geometry)) {
      throw new Error(`${relative}: Feature ${index + 1} ist ungültig`);
    }
    return { properties: properties as Record<string, unknown>, geometry };
  });
}

function stringProperty(properties: Record<string, unknown>, key: string, file: string): string {
  const value = properties[key];
  if (typeof value !== 'string') throw new Error(`${file}: Eigenschaft ${key} fehlt`);
  return value;
}

function cached<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const loadNrwOutline = cached((): AreaGeometry[] =>
  features('geo/nrw_land.geojson').map((f) => f.geometry),
);

export interface KreisFeature {
  /** Amtlicher Regionalschlüssel of the Kreis, 5 digits, e.g. '05774'. */
  ars: string;
  name: string;
  geometry: AreaGeometry;
}

export const loadKreise = cached((): KreisFeature[] => {
  const file = 'geo/nrw_kreise.geojson';
  return features(file).map(({ properties, geometry }) => ({
    ars: stringProperty(properties, 'ars', file),
    name: stringProperty(properties, 'name', file),
    geometry,
  }));
});

export const loadGemeinden = cached((): GemeindeFeature[] => {
  const file = 'geo/nrw_gemeinden.geojson';
  return features(file).map(({ properties, geometry }) => ({
    ags: stringProperty(properties, 'ags', file),
    name: stringProperty(properties, 'name', file),
    kreis: stringProperty(properties, 'kreis', file),
    regierungsbezirk: stringProperty(properties, 'regierungsbezirk', file),
    geometry,
  }));
});

export const loadCadastre = cached((): CadastreTree => {
  const file = 'cadastre/nrw_katasteraemter_gemarkungen_fluren.json';
  const raw = readJson(file);
  if (typeof raw !== 'object' || raw === null) throw new Error(`${file}: kein Objekt`);
  for (const gemarkungen of Object.values(raw)) {
    for (const entry of Object.values(gemarkungen as Record<string, unknown>)) {
      const { fluren, schluessel } = entry as { fluren?: unknown; schluessel?: unknown };
      const ok =
        typeof schluessel === 'string' &&
        Array.isArray(fluren) &&
        fluren.every((f) => typeof f === 'string');
      if (!ok) throw new Error(`${file}: unerwarteter Aufbau`);
    }
  }
  return raw as CadastreTree;
});
