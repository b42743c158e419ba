/**
 * Benchmark: OGC API – Features items requests over 100,000 features in the same table as the
 * real layers (geo_features), with bbox, through the whole HTTP stack (the portal's server with
 * its hooks, real embedded PostgreSQL), with app.inject and over real HTTP. The synthetic layer
 * holds points spread evenly over NRW's bounding box (seeded, reproducible) beside the real
 * energy layers (about 4,700 features). Every request moves its bbox, so no two are alike. In the
 * same run, /healthz (a trivial JSON answer) and /ogc/conformance are measured the same way; the
 * report gives the ratio of the items requests' p50/p95 to the trivial answer's.
 * Run: `node --import tsx bench/ogc-items.bench.ts` (BENCH_REQUESTS, default 300; BENCH_FEATURES,
 * default 100000).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/platform/server.ts';
import { registerSystemRoutes } from '../src/platform/system.routes.tsx';
import type { LayerFeature } from '../src/registers/catalogue/layer.ts';
import { FEATURE_LAYERS } from '../src/registers/catalogue/layers.ts';
import { loadEnergyLayers, writeLayerFeatures } from '../src/registers/layers/energy.load.ts';
import { WIND_SOURCE } from '../src/registers/layers/energy.sources.ts';
import { storedLayer } from '../src/registers/layers/stored-layer.ts';
import { registerOgcRoutes } from '../src/registers/ogc/ogc.routes.tsx';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';
import { loadText, measureEach, type Reply } from './support/measure.ts';

const REQUESTS = numberFrom('BENCH_REQUESTS', 300);
const WARMUP = numberFrom('BENCH_WARMUP', 20);
const FEATURES = numberFrom('BENCH_FEATURES', 100_000);
/** NRW's bounding box. */
const NRW = [5.86, 50.32, 9.47, 52.53] as const;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const synthetic = storedLayer({
  id: 'bench-synthetic',
  title: 'Synthetische Punkte (Benchmark)',
  description: 'Gleichmäßig über NRW verteilte Punkte für die Lastmessung.',
  geometry: 'point',
  source: WIND_SOURCE,
  labelProperty: 'name',
  properties: [
    { name: 'name', title: 'Name', type: 'string' },
    { name: 'power_kw', title: 'Leistung', type: 'number', unit: 'kW' },
  ],
});

function syntheticFeatures(count: number): LayerFeature[] {
  const next = random(20261207);
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    geometry: {
      type: 'Point',
      coordinates: [NRW[0] + next() * (NRW[2] - NRW[0]), NRW[1] + next() * (NRW[3] - NRW[1])],
    },
    properties: { name: `Punkt ${i}`, power_kw: Math.round(next() * 5000) },
  }));
}

/** A bbox of `size` degrees at a pseudo-random place inside NRW, new for every request. */
function boxes(size: number, seed: number): () => string {
  const next = random(seed);
  return () => {
    const x = NRW[0] + next() * (NRW[2] - NRW[0] - size);
    const y = NRW[1] + next() * (NRW[3] - NRW[1] - size);
    return [x, y, x + size, y + size].map((v) => v.toFixed(4)).join(',');
  };
}

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

await runBench(async (cleanup) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
  cleanup.removeDir(tmp);
  const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const db = createDb(url, { max: 10 });
  cleanup.add(() => db.destroy());
  await migrateToLatest(db, url);
  let started = performance.now();
  const loads = await loadEnergyLayers(db);
  const realFeatures = loads.reduce((sum, r) => sum + r.features, 0);
  const loadSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await db
    .transaction()
    .execute((trx) => writeLayerFeatures(trx, synthetic.id, syntheticFeatures(FEATURES)));
  await sql`analyze geo_features`.execute(db);
  const fillSeconds = (performance.now() - started) / 1000;

  const deps = benchDeps(db, tmp);
  const app = await buildServer(deps, async (a) => {
    registerSystemRoutes(a, deps);
    registerOgcRoutes(a, deps, { layers: [...FEATURE_LAYERS, synthetic] });
    await Promise.resolve();
  });
  cleanup.add(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const items = `/ogc/collections/${synthetic.id}/items`;

  type Target = { name: string; url: () => string };
  const small = boxes(0.1, 1);
  const medium = boxes(0.5, 2);
  const large = boxes(1.5, 3);
  const deep = random(4);
  const targets: Target[] = [
    { name: 'Items, bbox 0,1° × 0,1°, limit 10', url: () => `${items}?bbox=${small()}` },
    {
      name: 'Items, bbox 0,5° × 0,5°, limit 100',
      url: () => `${items}?bbox=${medium()}&limit=100`,
    },
    {
      name: 'Items, bbox 1,5° × 1,5°, limit 1000',
      url: () => `${items}?bbox=${large()}&limit=1000`,
    },
    {
      name: 'Items, ohne bbox, limit 10, offset bis 99.990',
      url: () => `${items}?offset=${Math.floor(deep() * (FEATURES - 10))}`,
    },
    { name: 'Items HTML, bbox 0,1° × 0,1°', url: () => `${items}?f=html&bbox=${small()}` },
    { name: 'Trivial JSON (GET /healthz)', url: () => '/healthz' },
    { name: 'Trivial OGC (GET /ogc/conformance)', url: () => '/ogc/conformance' },
  ];
  const inject = (t: Target) => async (): Promise<Reply> => {
    const r = await app.inject({ method: 'GET', url: t.url() });
    return { status: r.statusCode, body: r.body };
  };
  const http = (t: Target) => async (): Promise<Reply> => {
    const r = await fetch(base + t.url());
    return { status: r.status, body: await r.text() };
  };
  const load = loadText();
  const results = await measureEach({
    targets,
    transports: [
      ['inject', inject],
      ['HTTP', http],
    ],
    warmup: WARMUP,
    requests: REQUESTS,
  });
  const trivial = (transport: string) =>
    results.find((r) => r.name.startsWith('Trivial JSON') && r.transport === transport)!;
  const lines = [
    `# OGC API – Features: Items mit bbox über ${FEATURES.toLocaleString('de-DE')} Objekte (${new Date().toISOString().slice(0, 10)})`,
    '',
    `${FEATURES.toLocaleString('de-DE')} synthetische Punkte in \`geo_features\` neben den ${realFeatures.toLocaleString('de-DE')} Objekten der echten Energie- und Netzebenen ` +
      `(Laden der echten Ebenen ${loadSeconds.toFixed(1)} s, Füllen der synthetischen ${fillSeconds.toFixed(1)} s). ` +
      `Jede Anfrage mit neuer, zufällig gelegener bbox. ${REQUESTS} Anfragen je Messung nach ${WARMUP} Aufwärm-Anfragen, nacheinander. ` +
      `Kerne: ${availableParallelism()}, Last vorher: ${load}.`,
    '',
    '| Messung | Weg | Anfragen | p50 ms | p95 ms | p99 ms | max ms | Anfragen/s | Antwort KiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.transport} | ${r.requests} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.perSecond)} | ${(r.bytes / 1024).toFixed(1)} |`,
    ),
    '',
    '| Verhältnis zu /healthz (gleicher Lauf) | Weg | p50 | p95 |',
    '|---|---|---:|---:|',
    ...results
      .filter((r) => !r.name.startsWith('Trivial JSON'))
      .map((r) => {
        const t = trivial(r.transport);
        return `| ${r.name} | ${r.transport} | ${(r.p50 / t.p50).toFixed(1)} × | ${(r.p95 / t.p95).toFixed(1)} × |`;
      }),
    '',
    `Last nachher: ${loadText()}.`,
  ];
  const report = lines.join('\n');
  console.log(report);
  const suffix = process.env.BENCH_REQUESTS || process.env.BENCH_FEATURES ? '-custom' : '';
  writeFileSync(
    path.join(
      import.meta.dirname,
      'results',
      `ogc-items-${new Date().toISOString().slice(0, 10)}${suffix}.md`,
    ),
    `${report}\n`,
  );
}, 15);
