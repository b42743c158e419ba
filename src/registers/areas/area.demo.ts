/**
 * Demo content of the area register: two dated versions so that the tracker shows a pace.
 * Version 1 (30.06.2025) holds the example areas of data/demo/areas.geojson (the procedure
 * finder's demo projects lie in them) and four more; version 2 (30.06.2026) adds areas in further
 * planning regions, among them a draft, a rotor-in area and one that overlaps an earlier area
 * (counted once). Every area is invented and marked as an example in its name and flag.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/database.ts';
import { parseAreaCollection } from './area.import.ts';
import { berlinToday, importAreaVersion } from './area.version.ts';

const DEMO_AREAS = new URL('../../../data/demo/areas.geojson', import.meta.url);

interface ExampleArea {
  place: string;
  lon: number;
  lat: number;
  /** Mean radius in metres. */
  radius: number;
  legalStatus?: 'draft' | 'in-force';
  rotorRule?: 'rotor-in' | 'rotor-out';
  planSource: string;
  planDate: string;
}

const FIRST: ExampleArea[] = [
  {
    place: 'Brilon-Altenbüren',
    lon: 8.55,
    lat: 51.42,
    radius: 900,
    planSource: 'Regionalplan Arnsberg, Teilplan Energie (Beispiel)',
    planDate: '2025-05-15',
  },
  {
    place: 'Neuenkirchen',
    lon: 7.38,
    lat: 52.25,
    radius: 750,
    planSource: 'Regionalplan Münsterland, Teilplan Energie (Beispiel)',
    planDate: '2025-04-30',
  },
  {
    place: 'Nettersheim',
    lon: 6.62,
    lat: 50.5,
    radius: 800,
    planSource: 'Regionalplan Köln, Teilplan Windenergie (Beispiel)',
    planDate: '2025-06-01',
  },
  {
    place: 'Uedem',
    lon: 6.27,
    lat: 51.66,
    radius: 650,
    planSource: 'Regionalplan Düsseldorf, 14. Änderung (Beispiel)',
    planDate: '2025-03-20',
  },
];

const SECOND: ExampleArea[] = [
  {
    place: 'Brakel-Ost',
    lon: 9.25,
    lat: 51.62,
    radius: 950,
    planSource: 'Regionalplan OWL, Teilplan Windenergie (Beispiel)',
    planDate: '2026-05-10',
  },
  {
    place: 'Hamminkeln',
    lon: 6.59,
    lat: 51.73,
    radius: 600,
    planSource: 'Regionalplan Ruhr, sachlicher Teilplan Windenergie (Beispiel)',
    planDate: '2026-04-22',
  },
  {
    place: 'Werne-Nord',
    lon: 7.63,
    lat: 51.685,
    radius: 550,
    planSource: 'Regionalplan Ruhr, sachlicher Teilplan Windenergie (Beispiel)',
    planDate: '2026-04-22',
  },
  {
    place: 'Südlohn',
    lon: 6.85,
    lat: 51.95,
    radius: 800,
    rotorRule: 'rotor-in',
    planSource: 'Flächennutzungsplan Südlohn, 30. Änderung (Beispiel)',
    planDate: '2026-02-01',
  },
  {
    place: 'Anröchte',
    lon: 8.35,
    lat: 51.55,
    radius: 850,
    legalStatus: 'draft',
    planSource: 'Regionalplan Arnsberg, Entwurf 2. Änderung (Beispiel)',
    planDate: '2026-06-01',
  },
  // Overlaps the first version's Brilon area: the shared part counts once.
  {
    place: 'Brilon-Scharfenberg',
    lon: 8.565,
    lat: 51.425,
    radius: 700,
    planSource: 'Regionalplan Arnsberg, Teilplan Energie (Beispiel)',
    planDate: '2026-03-12',
  },
];

/** An irregular nine-sided shape around a point, the same on every run. */
function shape(area: ExampleArea): [number, number][] {
  const ring: [number, number][] = [];
  const kLat = 1 / 111_200;
  const kLon = kLat / Math.cos((area.lat * Math.PI) / 180);
  for (let i = 0; i < 9; i++) {
    const angle = (2 * Math.PI * i) / 9;
    const r = area.radius * (0.85 + (0.3 * ((i * 7) % 5)) / 4);
    ring.push([
      Math.round((area.lon + r * Math.cos(angle) * kLon) * 1e6) / 1e6,
      Math.round((area.lat + r * Math.sin(angle) * kLat) * 1e6) / 1e6,
    ]);
  }
  ring.push(ring[0]!);
  return ring;
}

function collection(areas: ExampleArea[]): { type: 'FeatureCollection'; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: {
        name: `Windenergiebereich ${a.place} (Beispielgebiet, keine echte Ausweisung)`,
        kind: 'wind-energy',
        legalStatus: a.legalStatus ?? 'in-force',
        rotorRule: a.rotorRule ?? 'rotor-out',
        planSource: a.planSource,
        planDate: a.planDate,
        example: true,
      },
      geometry: { type: 'Polygon', coordinates: [shape(a)] },
    })),
  };
}

export async function seedDemoAreas(db: Db): Promise<void> {
  const base = JSON.parse(readFileSync(DEMO_AREAS, 'utf8')) as { features: unknown[] };
  const today = berlinToday(new Date());
  const versions = [
    {
      on: '2025-06-30',
      features: [...base.features, ...collection(FIRST).features],
      source: 'Beispielstand 2025',
    },
    { on: '2026-06-30', features: collection(SECOND).features, source: 'Beispielstand 2026' },
  ];
  for (const version of versions) {
    const parsed = parseAreaCollection(
      { type: 'FeatureCollection', features: version.features },
      { example: true },
    );
    if (!parsed.ok)
      throw new Error(`Demogebiete fehlerhaft: ${parsed.problems.map((p) => p.message).join(' ')}`);
    await importAreaVersion({
      db,
      areas: parsed.areas,
      source: version.source,
      effectiveOn: version.on,
      mode: 'add',
      today,
    });
  }
}
