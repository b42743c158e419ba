/**
 * Benchmark: the wind-area register at the scale of all of NRW's regional plans. Imports, through
 * the real import path (parseAreaCollection, importAreaVersion), an earlier version of
 * BENCH_EARLIER areas and then the full file of BENCH_AREAS synthetic areas (bench/support/
 * wind-areas.ts) as a new version that replaces them; measures the parse/check step, the stored
 * version with its statistics, and separately the recomputation of the per-Gemeinde statistics
 * (union of all areas, split by Gemeinde) as the median of BENCH_RUNS runs. Then the tracker page
 * (today and "as of" the earlier version), the register list and a tracker CSV against /healthz,
 * all in the same run through the portal's server (app.inject), sequentially.
 * Run: `npm run bench -- bench/wind-areas.bench.ts`
 * (BENCH_AREAS 5000, BENCH_EARLIER 2000, BENCH_ROTOR_IN 0.05, BENCH_RUNS 3, BENCH_REQUESTS 30, BENCH_WARMUP 5).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { toMultiPoly, type MultiPoly } from '../src/registers/areas/area.geometry.ts';
import { parseAreaCollection, type AreaInput } from '../src/registers/areas/area.import.ts';
import { hectaresByGemeinde } from '../src/registers/areas/area.statistics.ts';
import { berlinToday, importAreaVersion } from '../src/registers/areas/area.version.ts';
import { gemeindeBoundaries, gemeindeInfos } from '../src/registers/areas/boundaries.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';
import { measure, type Reply, type Stats } from './support/measure.ts';
import { windAreaCollection } from './support/wind-areas.ts';

const AREAS = numberFrom('BENCH_AREAS', 5000);
const EARLIER = numberFrom('BENCH_EARLIER', 2000);
const RUNS = Math.max(1, numberFrom('BENCH_RUNS', 3));
const REQUESTS = numberFrom('BENCH_REQUESTS', 30);
const WARMUP = numberFrom('BENCH_WARMUP', 5);
const ROTOR_IN = numberFrom('BENCH_ROTOR_IN', 0.05);
const EARLIER_ON = '2025-06-30';
const FULL_ON = '2026-06-30';

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const de = (n: number) => n.toLocaleString('de-DE');
const seconds = (ms: number) => (ms / 1000).toFixed(2).replace('.', ',');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Parses a file's text as the import form does, timed. */
function parse(text: string): { areas: AreaInput[]; ms: number } {
  const t0 = performance.now();
  const parsed = parseAreaCollection(JSON.parse(text), { example: true });
  const ms = performance.now() - t0;
  if (!parsed.ok)
    throw new Error(`Import abgelehnt: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { areas: parsed.areas, ms };
}

await runBench(async (cleanup) => {
  const loadBefore = load();
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
  cleanup.removeDir(tmp);
  const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const db = createDb(url, { max: 10 });
  cleanup.add(() => db.destroy());
  await migrateToLatest(db, url);
  gemeindeBoundaries();
  gemeindeInfos();

  let t0 = performance.now();
  const collection = windAreaCollection({ count: AREAS, rotorIn: ROTOR_IN });
  const generateMs = performance.now() - t0;
  const fullText = JSON.stringify(collection);
  const today = berlinToday(new Date());

  // The file is checked once (every feature on its own); the earlier version stores its first
  // areas, added.
  const full = parse(fullText);
  console.log(`Geprüft: ${full.areas.length} Gebiete in ${seconds(full.ms)} s`);
  t0 = performance.now();
  await importAreaVersion({
    db,
    areas: full.areas.slice(0, EARLIER),
    source: 'benchmark-frueher.geojson',
    effectiveOn: EARLIER_ON,
    mode: 'add',
    today,
  });
  const earlierStoreMs = performance.now() - t0;
  console.log(`Frühere Version gespeichert: ${seconds(earlierStoreMs)} s`);

  // The measured import: the whole file, replacing the earlier areas of every region it covers.
  t0 = performance.now();
  const result = await importAreaVersion({
    db,
    areas: full.areas,
    source: 'benchmark.geojson',
    effectiveOn: FULL_ON,
    mode: 'replace',
    today,
  });
  const fullStoreMs = performance.now() - t0;
  console.log(`Version mit ${AREAS} Gebieten gespeichert: ${seconds(fullStoreMs)} s`);

  // The statistics alone (what importAreaVersion computes inside its transaction), repeated.
  const current = await db
    .selectFrom('areas')
    .select(['geometry', 'counted_geometry', 'legal_status'])
    .where('ended_by', 'is', null)
    .execute();
  const countable = current.map((a) => ({
    counted:
      (a.counted_geometry as MultiPoly | null) ??
      toMultiPoly(a.geometry as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }),
    inForce: a.legal_status === 'in-force',
  }));
  const statsRuns: number[] = [];
  let gemeinden = 0;
  let totalHa = 0;
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    const byGemeinde = hectaresByGemeinde(countable, gemeindeBoundaries());
    statsRuns.push(performance.now() - t0);
    console.log(`Statistik, Lauf ${i + 1}: ${seconds(statsRuns.at(-1)!)} s`);
    gemeinden = byGemeinde.size;
    totalHa = [...byGemeinde.values()].reduce((s, h) => s + h.withDraftsHa, 0);
  }
  const statRows = await db
    .selectFrom('area_statistics')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const sumHa = full.areas.reduce((s, a) => s + a.countedHa, 0);

  const deps = benchDeps(db, tmp);
  const app = await buildApp(deps);
  cleanup.add(() => app.close());
  const targets: [string, string][] = [
    ['Tracker (aktueller Stand)', '/windenergiegebiete'],
    [
      `Tracker „Stand am“ ${EARLIER_ON} (frühere Version)`,
      `/windenergiegebiete?stichtag=${EARLIER_ON}`,
    ],
    ['Tracker-CSV Gemeinden', '/windenergiegebiete/gemeinden.csv'],
    ['Gebietsliste (aktueller Stand)', '/windenergiegebiete/gebiete'],
    ['Trivial JSON (GET /healthz)', '/healthz'],
  ];
  const pages: Stats[] = [];
  for (const [name, target] of targets) {
    pages.push(
      await measure({
        name,
        transport: 'inject',
        warmup: WARMUP,
        requests: REQUESTS,
        send: async (): Promise<Reply> => {
          const r = await app.inject({ method: 'GET', url: target });
          return { status: r.statusCode, body: r.body };
        },
      }),
    );
  }
  const trivial = pages.at(-1)!;

  const lines = [
    `# Windenergiegebiete: Import von ${de(AREAS)} Gebieten und Statistik je Gemeinde (${new Date().toISOString().slice(0, 10)})`,
    '',
    `${de(AREAS)} synthetische Gebiete (feste Saat; ${de(full.areas.filter((a) => a.rotorRule === 'rotor-in').length)} Rotor-innerhalb, ` +
      `${de(full.areas.filter((a) => a.legalStatus === 'draft').length)} Entwürfe; Summe der anrechenbaren Flächen ${de(Math.round(sumHa))} ha, ` +
      `nach Vereinigung ${de(Math.round(totalHa))} ha in ${de(gemeinden)} Gemeinden). ` +
      `Frühere Version (${EARLIER_ON}): die ersten ${de(EARLIER)} Gebiete, ergänzt; gemessene Version (${FULL_ON}): die ganze Datei, ersetzt ` +
      `(${de(result.ended)} frühere Gebiete beendet). Kerne: ${availableParallelism()}, Last vorher: ${loadBefore}.`,
    '',
    '| Schritt | Zeit s |',
    '|---|---:|',
    `| Erzeugen der Datei (nicht Teil des Imports) | ${seconds(generateMs)} |`,
    `| Speichern der früheren Version mit Statistik (importAreaVersion) | ${seconds(earlierStoreMs)} |`,
    `| Prüfen ${de(AREAS)} Gebiete (parseAreaCollection) | ${seconds(full.ms)} |`,
    `| Speichern der Version mit ${de(AREAS)} Gebieten mit Statistik (importAreaVersion) | ${seconds(fullStoreMs)} |`,
    `| **Import gesamt (${de(AREAS)}: Prüfen + Speichern)** | **${seconds(full.ms + fullStoreMs)}** |`,
    `| **Statistik neu für alle Gemeinden (hectaresByGemeinde), Median aus ${RUNS}** | **${seconds(median(statsRuns))}** |`,
    `| … einzelne Läufe | ${statsRuns.map(seconds).join(' / ')} |`,
    '',
    `Gespeicherte Statistikzeilen (beide Versionen): ${de(Number(statRows.n))}. Kreise, Planungsregionen und Land sind Summen der Gemeindewerte (area.tracker.ts) und werden je Aufruf aus den gespeicherten Zeilen gebildet.`,
    '',
    `Seiten: ${REQUESTS} Anfragen je Seite nach ${WARMUP} Aufwärm-Anfragen, nacheinander, app.inject.`,
    '',
    '| Seite | p50 ms | p95 ms | max ms | Antwort KiB | p50 / healthz | p95 / healthz |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...pages.map(
      (r) =>
        `| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${(r.bytes / 1024).toFixed(1)} | ${(r.p50 / trivial.p50).toFixed(1)} × | ${(r.p95 / trivial.p95).toFixed(1)} × |`,
    ),
    '',
    `Last nachher: ${load()}.`,
  ];
  const report = lines.join('\n');
  console.log(report);
  const custom = [
    'BENCH_AREAS',
    'BENCH_EARLIER',
    'BENCH_ROTOR_IN',
    'BENCH_RUNS',
    'BENCH_REQUESTS',
  ].some((k) => process.env[k]);
  writeFileSync(
    path.join(
      import.meta.dirname,
      'results',
      `wind-areas-${new Date().toISOString().slice(0, 10)}${custom ? '-custom' : ''}.md`,
    ),
    `${report}\n`,
  );
}, 60);
