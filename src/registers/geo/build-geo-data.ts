/**
 * Builds the geo reference files in data/ from the public source data set (a folder `shared/data`
 * beside the repository), so the product never reads it at run time and the derivation stays
 * reproducible:
 *
 *   node --import tsx src/registers/geo/build-geo-data.ts [sharedDataDir]
 *
 * - data/geo/nrw_land.geojson: NRW outline (BKG VG5000 2021), coordinates rounded to 6 decimals.
 * - data/geo/nrw_gemeinden.geojson: the 396 Gemeinden (BKG VG250 2013, simplify200) with only
 *   ags/name/kreis/regierungsbezirk, Kreis and Regierungsbezirk names joined from VG5000 2021.
 * - data/geo/nrw_kreise.geojson: the 53 Kreise and kreisfreie Städte (BKG VG5000 2021) with ars
 *   and display name, the background of the layer maps.
 * - data/cadastre/nrw_katasteraemter_gemarkungen_fluren.json: byte-identical copy.
 *
 * Output is deterministic (input order, fixed rounding), so re-running gives no diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAreaGeometry, type AreaGeometry, type LinearRing } from './polygon.ts';

const sharedDir = new URL(
  process.argv[2] ? `file://${process.argv[2].replace(/\/?$/, '/')}` : '../../../../shared/data/',
  import.meta.url,
);
const dataDir = new URL('../../../data/', import.meta.url);

interface Feature {
  properties: Record<string, unknown>;
  geometry: AreaGeometry;
}

function readFeatures(relative: string): Feature[] {
  const raw = JSON.parse(readFileSync(new URL(relative, sharedDir), 'utf8')) as unknown;
  const features = (raw as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new Error(`${relative}: keine FeatureCollection`);
  return features.map((f: unknown, index) => {
    const { properties, geometry } = f as { properties?: unknown; geometry?: unknown };
    if (typeof properties !== 'object' || properties === null || !isAreaGeometry(geometry)) {
      throw new Error(`${relative}: Feature ${index} ist ungültig`);
    }
    return { properties: properties as Record<string, unknown>, geometry };
  });
}

function text(properties: Record<string, unknown>, key: string): string {
  const value = properties[key];
  if (typeof value !== 'string' || value === '') throw new Error(`Eigenschaft ${key} fehlt`);
  return value;
}

/** 6 decimals ≈ 0.1 m: far finer than the source generalisation, but halves the file size. */
function roundRing(ring: LinearRing): [number, number][] {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const rounded = ring.map(([lon, lat]): [number, number] => [round(lon), round(lat)]);
  // Rounding can make neighbouring vertices identical; duplicates only bloat the file.
  return rounded.filter((p, i) => {
    const prev = rounded[i - 1];
    return prev === undefined || prev[0] !== p[0] || prev[1] !== p[1];
  });
}

function roundGeometry(geometry: AreaGeometry): AreaGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(roundRing)) };
}

/** The name a citizen would recognise: "Kreis Paderborn", but "Hochsauerlandkreis" as is. */
function kreisDisplayName(name: string, bez: string): string {
  if (bez !== 'Kreis') return name;
  if (/kreis/i.test(name) || name.startsWith('Städteregion')) return name;
  return `Kreis ${name}`;
}

/** One feature per line keeps the files diffable without the size of pretty-printing. */
function writeCollection(relative: string, features: unknown[]): void {
  const target = new URL(relative, dataDir);
  mkdirSync(new URL('.', target), { recursive: true });
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(target, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`geschrieben: ${fileURLToPath(target)}`);
}

const land = readFeatures('geo/nrw_land_bkg_vg5000_2021.geojson');
writeCollection(
  'geo/nrw_land.geojson',
  land.map((f) => ({
    type: 'Feature',
    properties: { ars: text(f.properties, 'ARS'), name: text(f.properties, 'GEN') },
    geometry: roundGeometry(f.geometry),
  })),
);

const kreisFeatures = readFeatures('geo/nrw_kreise_bkg_vg5000_2021.geojson');
const kreise = new Map(
  kreisFeatures.map((f) => [
    text(f.properties, 'ARS'),
    kreisDisplayName(text(f.properties, 'GEN'), text(f.properties, 'BEZ')),
  ]),
);
writeCollection(
  'geo/nrw_kreise.geojson',
  kreisFeatures
    .map((f) => ({
      type: 'Feature',
      properties: {
        ars: text(f.properties, 'ARS'),
        name: kreisDisplayName(text(f.properties, 'GEN'), text(f.properties, 'BEZ')),
      },
      geometry: roundGeometry(f.geometry),
    }))
    .sort((a, b) => a.properties.ars.localeCompare(b.properties.ars)),
);
const bezirke = new Map(
  readFeatures('geo/nrw_regierungsbezirke_bkg_vg5000_2021.geojson').map((f) => [
    text(f.properties, 'ARS'),
    text(f.properties, 'GEN'),
  ]),
);

const gemeinden = readFeatures('geo/nrw_gemeinden_bkg2013_simplify200.geojson').map((f) => {
  const ags = text(f.properties, 'AGS');
  const kreis = kreise.get(ags.slice(0, 5));
  const regierungsbezirk = bezirke.get(ags.slice(0, 3));
  if (!kreis || !regierungsbezirk) throw new Error(`Kein Kreis/Bezirk für AGS ${ags}`);
  return {
    type: 'Feature',
    properties: { ags, name: text(f.properties, 'GEN'), kreis, regierungsbezirk },
    geometry: roundGeometry(f.geometry),
  };
});
gemeinden.sort((a, b) => a.properties.ags.localeCompare(b.properties.ags));
writeCollection('geo/nrw_gemeinden.geojson', gemeinden);

const cadastreTarget = new URL('cadastre/nrw_katasteraemter_gemarkungen_fluren.json', dataDir);
mkdirSync(new URL('.', cadastreTarget), { recursive: true });
// Read and write instead of copyFile: the shared files are read-only and their mode must not stick.
writeFileSync(
  cadastreTarget,
  readFileSync(new URL('geo/nrw_katasteraemter_gemarkungen_fluren.json', sharedDir)),
);
console.log(`kopiert: ${fileURLToPath(cadastreTarget)}`);
