/**
 * Builds data/demo/wind-projects.json and data/demo/areas.geojson from the shared UFZ turbine
 * data and the geo files in data/ (run build-geo-data.ts first):
 *
 *   node --import tsx src/registers/geo/build-demo-data.ts [sharedDataDir]
 *
 * Turbine positions, hub heights, rotor diameters and ratings are real; titles, parcels
 * (real Gemarkung/Flur, invented Flurstück), dates and areas are invented. The selection itself
 * is in demo-selection.ts. Output is deterministic: no clock, no randomness.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateParcel } from './cadastre.ts';
import { loadCadastre } from './data-files.ts';
import type { DemoArea, DemoTurbine, DemoWindProject } from './demo-data.ts';
import {
  bufferedArea,
  centroid,
  compassDirection,
  distanceM,
  groupByDistance,
} from './demo-geometry.ts';
import { AREAS, PROJECTS, type ProjectSelection } from './demo-selection.ts';
import { findMunicipality, isInsideNrw } from './municipalities.ts';
import { pointInPolygon, type LonLat } from './polygon.ts';

const sharedDir = new URL(
  process.argv[2] ? `file://${process.argv[2].replace(/\/?$/, '/')}` : '../../../../shared/data/',
  import.meta.url,
);
const demoDir = new URL('../../../data/demo/', import.meta.url);

/** Turbines of one project stand at most this far from their nearest neighbour. */
const MAX_GAP_M = 1200;
/** Repowering: older turbines (≤ 2005) within this distance are what gets replaced. */
const REPOWERING_RADIUS_M = 1500;
const AREA_BUFFER_M = 300;

interface TurbineRow extends LonLat {
  row: number;
  year: number;
  powerKw: number;
  hubM: number;
  rotorM: number;
  ags: string;
  gemeinde: string;
}

function readCsv(relative: string): Record<string, string>[] {
  const text = readFileSync(new URL(relative, sharedDir), 'utf8');
  // The turbine CSV has CRLF line ends, the centroid CSV LF; accept both.
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  // Neither file quotes fields (checked: no '"' at all), so a plain split is exact.
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

const turbines: TurbineRow[] = readCsv('energy/wind/nrw_windpower_until2015_wgs84.csv').map(
  (r) => ({
    row: Number(r.row_in_source),
    year: Number(r.year),
    powerKw: Number(r.power_kw),
    hubM: Number(r.hub_m),
    rotorM: Number(r.rotor_diameter_m),
    lon: Number(r.lon_wgs84),
    lat: Number(r.lat_wgs84),
    ags: r.ags ?? '',
    gemeinde: r.gemeinde ?? '',
  }),
);
const centroids = new Map(
  readCsv('geo/nrw_gemeinden_centroids.csv').map((r) => [
    r.name ?? '',
    { lon: Number(r.lon), lat: Number(r.lat) },
  ]),
);

const near = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** The largest group of this Gemeinde and type; ties go to the group with the lowest row. */
function selectGroup(selection: ProjectSelection): TurbineRow[] {
  const candidates = turbines.filter(
    (t) =>
      t.gemeinde === selection.gemeinde &&
      t.powerKw === selection.powerKw &&
      near(t.hubM, selection.hubM) &&
      near(t.rotorM, selection.rotorM),
  );
  const groups = groupByDistance(candidates, MAX_GAP_M).sort(
    (a, b) => b.length - a.length || (a[0]?.row ?? 0) - (b[0]?.row ?? 0),
  );
  const group = groups[0];
  if (!group) throw new Error(`Keine Anlagen für ${selection.id}`);
  const limit = selection.maxTurbines ?? group.length;
  const centre = centroid(group);
  return [...group]
    .sort((a, b) => distanceM(a, centre) - distanceM(b, centre) || a.row - b.row)
    .slice(0, limit)
    .sort((a, b) => a.row - b.row);
}

function olderTurbinesNearby(group: readonly TurbineRow[]): number {
  const rows = new Set(group.map((t) => t.row));
  return turbines.filter(
    (t) =>
      !rows.has(t.row) &&
      t.year <= 2005 &&
      group.some((g) => t.year < g.year && distanceM(t, g) <= REPOWERING_RADIUS_M),
  ).length;
}

function toTurbine(t: TurbineRow): DemoTurbine {
  const mw = (t.powerKw / 1000).toLocaleString('de-DE', { maximumFractionDigits: 3 });
  return {
    lon: t.lon,
    lat: t.lat,
    hubHeightM: t.hubM,
    rotorDiameterM: t.rotorM,
    totalHeightM: Math.round(t.hubM + t.rotorM / 2),
    ratedPowerKw: t.powerKw,
    type: `Beispieltyp ${mw} MW, Rotor ${t.rotorM.toLocaleString('de-DE')} m`,
    sourceRow: t.row,
  };
}

function slug(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** FNV-1a: a stable, dependency-free source of "plausible" numbers per project. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

/** Katasteramt names follow the Kreis names, except for this one abbreviation. */
const KATASTERAMT_ALIASES: Record<string, string> = { 'Mülheim an der Ruhr': 'Mülheim a.d. Ruhr' };

function parcelFor(selection: ProjectSelection, kreis: string, key: string) {
  const katasteramt = KATASTERAMT_ALIASES[kreis] ?? kreis;
  const wanted = selection.gemarkung ?? selection.gemeinde;
  const gemarkungen = Object.entries(loadCadastre()[katasteramt] ?? {}).filter(
    ([label]) => label.replace(/\s*\(\d+\)$/, '') === wanted,
  );
  const [match, ...others] = gemarkungen;
  if (!match || others.length > 0)
    throw new Error(`Gemarkung ${wanted} in ${katasteramt} nicht eindeutig`);
  const [, { fluren, schluessel }] = match;
  const flur = fluren[Math.floor(fluren.length / 2)] ?? '1';
  const h = hash(key);
  const zaehler = 20 + (h % 480);
  const flurstueck = h % 3 === 0 ? `${zaehler}/${1 + ((h >>> 8) % 9)}` : String(zaehler);
  return { gemarkung: wanted, gemarkungKey: schluessel, flur, flurstueck };
}

const titles = new Set<string>();
const projectsById = new Map<string, DemoWindProject>();
const projects = PROJECTS.map((selection, index): DemoWindProject => {
  const group = selectGroup(selection);
  const places = group.map((t) => findMunicipality(t));
  const place = places[0];
  if (!place || places.some((p) => p?.ags !== place.ags) || place.name !== selection.gemeinde) {
    throw new Error(`${selection.id}: Anlagen liegen nicht alle in ${selection.gemeinde}`);
  }
  if (!group.every((t) => isInsideNrw(t))) throw new Error(`${selection.id}: außerhalb von NRW`);
  const older = olderTurbinesNearby(group);
  if (selection.repowering && older < 3)
    throw new Error(`${selection.id}: kein Repowering-Standort`);

  const townCentre = centroids.get(selection.gemeinde);
  if (!townCentre) throw new Error(`Kein Mittelpunkt für ${selection.gemeinde}`);
  let name = `${selection.gemeinde}-${compassDirection(townCentre, centroid(group))}`;
  if (titles.has(name)) name = `${name} II`;
  titles.add(name);
  const kind = group.length === 1 ? 'Windenergieanlage' : 'Windpark';
  const key = slug(name);

  const parcel = parcelFor(selection, place.kreis, key);
  const check = validateParcel({
    gemarkung: parcel.gemarkungKey,
    flur: parcel.flur,
    flurstueck: parcel.flurstueck,
  });
  if (!check.ok)
    throw new Error(`${selection.id}: ${check.problems.map((p) => p.message).join(' ')}`);

  const project: DemoWindProject = {
    key,
    title: `${kind} ${name} (Beispiel)`,
    gemeinde: place.name,
    ags: place.ags,
    kreis: place.kreis,
    regierungsbezirk: place.regierungsbezirk,
    turbines: group.map(toTurbine),
    parcel,
    repowering: selection.repowering ?? false,
    plannedCommissioning: `${2027 + (index % 4)}-${String(((index * 7) % 12) + 1).padStart(2, '0')}`,
  };
  projectsById.set(selection.id, project);
  const note = selection.repowering ? `, ${older} ältere Anlagen im Umkreis` : '';
  const count = group.length === 1 ? '1 Anlage' : `${group.length} Anlagen`;
  console.log(`${project.title}: ${count}, ${place.kreis}${note}`);
  return project;
});

const areas = AREAS.map((selection) => {
  const members = selection.projects.map((id) => projectsById.get(id));
  const points = members.flatMap((p) => p?.turbines ?? []);
  if (points.length === 0 || members.includes(undefined))
    throw new Error(`${selection.name}: Projekte fehlen`);
  const geometry = bufferedArea(points, AREA_BUFFER_M);
  const hull = geometry.coordinates[0] ?? [];
  if (!points.every((t) => pointInPolygon(t, geometry)))
    throw new Error(`${selection.name}: Anlage außerhalb`);
  if (!hull.every(([lon, lat]) => isInsideNrw({ lon, lat })))
    throw new Error(`${selection.name}: ragt aus NRW`);
  const area: Omit<DemoArea, 'geometry'> = {
    name: selection.name,
    kind: selection.kind,
    planningRegion: selection.planningRegion,
    designatedOn: selection.designatedOn,
    seaDone: true,
    protectedAreaOverlap: false,
    example: true,
  };
  return { type: 'Feature', properties: area, geometry };
});

mkdirSync(demoDir, { recursive: true });
const projectsFile = new URL('wind-projects.json', demoDir);
writeFileSync(projectsFile, `${JSON.stringify(projects, null, 2)}\n`);
const areasFile = new URL('areas.geojson', demoDir);
const areaLines = areas.map((a) => JSON.stringify(a)).join(',\n');
writeFileSync(areasFile, `{"type":"FeatureCollection","features":[\n${areaLines}\n]}\n`);
console.log(`geschrieben: ${fileURLToPath(projectsFile)} (${projects.length} Projekte)`);
console.log(`geschrieben: ${fileURLToPath(areasFile)} (${areas.length} Gebiete)`);
