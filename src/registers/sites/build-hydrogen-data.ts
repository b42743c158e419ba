/**
 * Builds data/sites/hydrogen-network.json from the shared data collection (default
 * ../shared/data, or the path given as first argument): the geocoded locations of the hydrogen
 * core network (Wasserstoff-Kernnetz, PyPSA-DE) in and around NRW and the hydrogen pipeline
 * routes touching NRW (Global Energy Monitor). The site register measures each site's distance to
 * them. Deterministic: the same input gives the same file. Sources in data/SOURCES.md.
 *
 *   node --import tsx src/registers/sites/build-hydrogen-data.ts [path-to-shared-data]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const shared = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'data'));
const source = path.join(shared, 'energy', 'hydrogen_gas');

/**
 * Locations in the neighbouring Länder count too: a site near the border may be closest to a
 * node outside NRW. This box around NRW (about 100 km margin) keeps the file small.
 */
const AROUND_NRW = { minLon: 4.8, maxLon: 10.6, minLat: 49.4, maxLat: 53.4 };
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function locations(): { name: string; state: string; lon: number; lat: number }[] {
  const lines = readFileSync(
    path.join(source, 'pypsa-de_locations_wasserstoff_kernnetz.csv'),
    'utf8',
  )
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
  const result = [];
  for (const line of lines) {
    const match = /^\d+,(.*),([^,]*),POINT \(([-\d.]+) ([-\d.]+)\)$/.exec(line);
    if (!match) throw new Error(`Unerwartete Zeile: ${line}`);
    const [, name, state, lon, lat] = match;
    const point = { name: name!.replace(/^"|"$/g, ''), state: state!, lon: +lon!, lat: +lat! };
    if (
      point.lon >= AROUND_NRW.minLon &&
      point.lon <= AROUND_NRW.maxLon &&
      point.lat >= AROUND_NRW.minLat &&
      point.lat <= AROUND_NRW.maxLat
    )
      result.push({ ...point, lon: round(point.lon), lat: round(point.lat) });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.lon - b.lon);
}

function pipelines(): { id: string; lines: [number, number][][] }[] {
  const folder = path.join(source, 'gem_pipeline_routes_touching_NRW', 'hydrogen');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((file) => {
      const collection = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {
        features: { geometry: GeoJSON.LineString | GeoJSON.MultiLineString }[];
      };
      const lines = collection.features.flatMap((f) =>
        f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
      );
      return {
        id: file.replace('.geojson', ''),
        lines: lines.map((l) => l.map((p) => [round(p[0]!), round(p[1]!)] as [number, number])),
      };
    });
}

const out = path.join(repo, 'data', 'sites');
mkdirSync(out, { recursive: true });
const data = { locations: locations(), pipelines: pipelines() };
writeFileSync(path.join(out, 'hydrogen-network.json'), `${JSON.stringify(data)}\n`);
console.log(
  `data/sites/hydrogen-network.json: ${data.locations.length} Orte, ${data.pipelines.length} Leitungen`,
);
