/**
 * Benchmark: the map page /karte (server-rendered SVG) with all layers and with each layer alone,
 * over real HTTP against the portal's server: response size (as sent, and gzip-compressed for
 * comparison), time to the first byte and to the whole page (p50/p95), and the ratio to /healthz
 * in the same run. Then the GeoJSON the interactive island loads per layer from the OGC API for
 * the whole of NRW (the request layer-map.js sends: f=json, limit 2000, bbox of the view).
 * Data: the demo content and the real energy and network layers (what a portal starts with);
 * then BENCH_AREAS synthetic wind-energy areas (bench/support/wind-areas.ts, rotor-out, so the
 * import is quick) are imported and the wind-area layer and all layers are measured again.
 * Run: `npm run bench -- bench/map-page.bench.ts`
 * (BENCH_AREAS 5000, BENCH_REQUESTS 30, BENCH_WARMUP 3).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { parseAreaCollection } from '../src/registers/areas/area.import.ts';
import { berlinToday, importAreaVersion } from '../src/registers/areas/area.version.ts';
import { FEATURE_LAYERS } from '../src/registers/catalogue/layers.ts';
import { loadEnergyLayers } from '../src/registers/layers/energy.load.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';
import { percentile } from './support/measure.ts';
import { windAreaCollection } from './support/wind-areas.ts';

const AREAS = numberFrom('BENCH_AREAS', 5000);
const REQUESTS = numberFrom('BENCH_REQUESTS', 30);
const WARMUP = numberFrom('BENCH_WARMUP', 3);
/** The island's request for the whole of NRW (MAX_ITEMS in src/web/static/layer-map.js). */
const ISLAND_LIMIT = 2000;
const NRW_VIEW = '5.7,50.2,9.6,52.6';

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface PageStats {
  name: string;
  bytes: number;
  gzipBytes: number;
  ttfb50: number;
  ttfb95: number;
  total50: number;
  total95: number;
}

/** Sequential GETs over HTTP: time to the response head (TTFB) and to the end of the body. */
async function measurePage(base: string, name: string, url: string): Promise<PageStats> {
  const ttfb: number[] = [];
  const total: number[] = [];
  let body = '';
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(base + url);
    const t1 = performance.now();
    body = await response.text();
    const t2 = performance.now();
    if (response.status !== 200)
      throw new Error(`${name}: Status ${response.status}: ${body.slice(0, 300)}`);
    if (i < WARMUP) continue;
    ttfb.push(t1 - t0);
    total.push(t2 - t0);
  }
  ttfb.sort((a, b) => a - b);
  total.sort((a, b) => a - b);
  return {
    name,
    bytes: Buffer.byteLength(body),
    gzipBytes: gzipSync(body).length,
    ttfb50: percentile(ttfb, 0.5),
    ttfb95: percentile(ttfb, 0.95),
    total50: percentile(total, 0.5),
    total95: percentile(total, 0.95),
  };
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
  await seedDemo(db);
  await loadEnergyLayers(db);

  const deps = benchDeps(db, tmp);
  const app = await buildApp(deps);
  cleanup.add(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const single = (id: string) => `/karte?auswahl=1&ebene=${encodeURIComponent(id)}`;
  const phases: { title: string; pages: PageStats[]; island: [string, number, number][] }[] = [];
  const run = async (title: string, layerIds: readonly string[]) => {
    const pages: PageStats[] = [];
    pages.push(await measurePage(base, 'Trivial JSON (GET /healthz)', '/healthz'));
    pages.push(await measurePage(base, 'Triviale Seite /impressum', '/impressum'));
    pages.push(await measurePage(base, '/karte, alle Ebenen', '/karte'));
    pages.push(await measurePage(base, '/karte, keine Ebene', '/karte?auswahl=1'));
    for (const id of layerIds) pages.push(await measurePage(base, `/karte, nur ${id}`, single(id)));
    const island: [string, number, number][] = [];
    for (const id of layerIds) {
      const response = await fetch(
        `${base}/ogc/collections/${id}/items?f=json&limit=${ISLAND_LIMIT}&bbox=${NRW_VIEW}`,
        { headers: { accept: 'application/geo+json' } },
      );
      const text = await response.text();
      if (response.status !== 200) throw new Error(`/ogc ${id}: Status ${response.status}`);
      const json = JSON.parse(text) as { features: unknown[]; numberMatched?: number };
      island.push([id, Buffer.byteLength(text), json.features.length]);
    }
    phases.push({ title, pages, island });
  };

  await run(
    'Demo-Inhalt und echte Energie- und Netzebenen',
    FEATURE_LAYERS.map((l) => l.id),
  );
  let importSeconds = 0;
  if (AREAS > 0) {
    const t0 = performance.now();
    const parsed = parseAreaCollection(windAreaCollection({ count: AREAS, rotorIn: 0 }), {
      example: true,
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    await importAreaVersion({
      db,
      areas: parsed.areas,
      source: 'benchmark.geojson',
      effectiveOn: berlinToday(new Date()),
      mode: 'add',
      today: berlinToday(new Date()),
    });
    importSeconds = (performance.now() - t0) / 1000;
    await run(`dazu ${AREAS.toLocaleString('de-DE')} synthetische Windenergiegebiete`, [
      'wind-areas',
    ]);
  }

  const lines = [
    `# Kartenseite /karte: Größe und Antwortzeit (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Echtes HTTP gegen den Server des Portals, ${REQUESTS} Anfragen je Seite nach ${WARMUP} Aufwärm-Anfragen, nacheinander. ` +
      `TTFB = bis zum Antwortkopf, gesamt = bis zum Ende des Körpers. gzip: dieselbe Antwort komprimiert (zum Vergleich; der Server selbst komprimiert nicht). ` +
      (AREAS > 0
        ? `Import der ${AREAS.toLocaleString('de-DE')} Gebiete für Teil 2: ${importSeconds.toFixed(1)} s. `
        : '') +
      `Kerne: ${availableParallelism()}, Last vorher: ${loadBefore}.`,
  ];
  for (const phase of phases) {
    const trivial = phase.pages[0]!;
    const page = phase.pages[1]!;
    lines.push(
      '',
      `## ${phase.title}`,
      '',
      '| Seite | KiB | gzip KiB | TTFB p50 ms | TTFB p95 ms | gesamt p50 ms | gesamt p95 ms | TTFB p50 / healthz | TTFB p95 / healthz | TTFB p50 / impressum |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...phase.pages.map(
        (p) =>
          `| ${p.name} | ${kib(p.bytes)} | ${kib(p.gzipBytes)} | ${fmt(p.ttfb50)} | ${fmt(p.ttfb95)} | ${fmt(p.total50)} | ${fmt(p.total95)} | ${(p.ttfb50 / trivial.ttfb50).toFixed(1)} × | ${(p.ttfb95 / trivial.ttfb95).toFixed(1)} × | ${(p.ttfb50 / page.ttfb50).toFixed(1)} × |`,
      ),
      '',
      `| Ebene: GeoJSON, das die Insel für ganz NRW lädt (limit ${ISLAND_LIMIT}) | KiB | Objekte |`,
      '|---|---:|---:|',
      ...phase.island.map(([id, bytes, count]) => `| ${id} | ${kib(bytes)} | ${count} |`),
    );
  }
  lines.push('', `Last nachher: ${load()}.`);
  const report = lines.join('\n');
  console.log(report);
  const custom = ['BENCH_AREAS', 'BENCH_REQUESTS'].some((k) => process.env[k]);
  writeFileSync(
    path.join(
      import.meta.dirname,
      'results',
      `map-page-${new Date().toISOString().slice(0, 10)}${custom ? '-custom' : ''}.md`,
    ),
    `${report}\n`,
  );
}, 30);
