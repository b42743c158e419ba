/**
 * Benchmark: the work queue and the case page of a full Land (20,000 procedures, 1,000,000 audit
 * events) on the real application. Run: `node --import tsx bench/permits-queue.bench.ts`.
 * See bench/README.md for what is measured and the recorded results.
 *
 * Smaller runs for trying it out (the results file then gets a "-custom" suffix):
 *   BENCH_PROCEDURES=2000 BENCH_EVENTS=100000 BENCH_REQUESTS=200 BENCH_HTTP=0 node --import tsx …
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { listProcedures } from '../src/permits/permit.queries.ts';
import { berlinDate } from '../src/procedures/case/case.queries.ts';
import { systemClock } from '../src/platform/clock.ts';
import { listRoutes, type App } from '../src/platform/server.ts';
import { verifyCaseFile } from '../src/procedures/audit.queries.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { Client } from '../test/helpers/app.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench, type Cleanup } from './support/lifecycle.ts';
import { captureQueries, explainAnalyze } from './support/explain.ts';
import { fillDatabase, type TenantSample } from './support/fill.ts';
import { measure, summarize, type Reply, type Stats } from './support/measure.ts';
import { seededRandom } from './support/random.ts';
import { renderReport, verdict, type BenchReport } from './support/report.ts';

const DEFAULTS = { procedures: 20_000, events: 1_000_000, requests: 1_000 };

const options = {
  procedures: numberFrom('BENCH_PROCEDURES', DEFAULTS.procedures),
  events: numberFrom('BENCH_EVENTS', DEFAULTS.events),
  requests: numberFrom('BENCH_REQUESTS', DEFAULTS.requests),
  warmup: numberFrom('BENCH_WARMUP', 50),
  http: process.env.BENCH_HTTP !== '0',
  seed: numberFrom('BENCH_SEED', 20261124),
  paderbornShare: numberFrom('BENCH_PADERBORN_SHARE', 0.02),
  brmsShare: numberFrom('BENCH_BRMS_SHARE', 0.05),
  /** Hard limit: cleans up and exits with status 2 when exceeded. */
  timeoutMinutes: numberFrom('BENCH_TIMEOUT_MINUTES', 20),
};

const CASE_WORKERS = {
  'Kreis Paderborn': 'sachbearbeitung@kreis-paderborn.example',
  'Bezirksregierung Münster': 'sachbearbeitung@brms.example',
} as const;
type Tenant = keyof typeof CASE_WORKERS;

const log = (line: string) => console.log(line);

async function loggedInClient(app: App, email: string): Promise<Client> {
  const client = new Client(app);
  await client.logIn(email);
  return client;
}

async function measureApp(
  app: App,
  tenants: Record<Tenant, TenantSample>,
  random: ReturnType<typeof seededRandom>,
): Promise<{ stats: Stats[]; missing: string[] }> {
  const routes = new Set(listRoutes(app).map((r) => `${r.method} ${r.url}`));
  const has = (route: string) => routes.has(route);
  const missing = [
    'GET /api/v1/work-queue',
    'GET /arbeitskorb',
    'GET /api/v1/procedures/:id',
    'GET /verfahren/:id',
  ].filter((r) => !has(r));
  const stats: Stats[] = [];
  const inject =
    (client: Client) =>
    async (url: string): Promise<Reply> => {
      const response = await client.get(url);
      return { status: response.statusCode, body: response.body };
    };
  const run = async (
    name: string,
    transport: string,
    send: (url: string) => Promise<Reply>,
    url: (i: number) => string,
  ) => {
    const result = await measure({
      name,
      transport,
      warmup: options.warmup,
      requests: options.requests,
      send: (i) => send(url(i)),
    });
    log(
      `  ${name} (${transport}): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, ${result.perSecond.toFixed(0)}/s`,
    );
    stats.push(result);
  };
  const caseIds = Array.from({ length: options.requests + options.warmup }, () =>
    random.pick(tenants['Kreis Paderborn'].ids),
  );
  const paderborn = await loggedInClient(app, CASE_WORKERS['Kreis Paderborn']);
  const plans: [string, string, (i: number) => string][] = [
    ['Arbeitskorb JSON (Kreis Paderborn)', 'GET /api/v1/work-queue', () => '/api/v1/work-queue'],
    ['Arbeitskorb HTML (Kreis Paderborn)', 'GET /arbeitskorb', () => '/arbeitskorb'],
    [
      'Verfahrensakte JSON (Kreis Paderborn)',
      'GET /api/v1/procedures/:id',
      (i) => `/api/v1/procedures/${caseIds[i]}`,
    ],
    [
      'Verfahrensakte HTML (Kreis Paderborn)',
      'GET /verfahren/:id',
      (i) => `/verfahren/${caseIds[i]}`,
    ],
  ];
  for (const [name, route, url] of plans)
    if (has(route)) await run(name, 'inject', inject(paderborn), url);
  const brms = await loggedInClient(app, CASE_WORKERS['Bezirksregierung Münster']);
  for (const [name, route, url] of [
    [
      'Arbeitskorb JSON (Bezirksregierung Münster)',
      'GET /api/v1/work-queue',
      () => '/api/v1/work-queue',
    ],
    ['Arbeitskorb HTML (Bezirksregierung Münster)', 'GET /arbeitskorb', () => '/arbeitskorb'],
  ] as const) {
    if (has(route)) await run(name, 'inject', inject(brms), url);
  }
  if (options.http) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('Keine Portadresse');
    const cookie = paderborn.jar.header();
    const fetchText = async (url: string): Promise<Reply> => {
      const response = await fetch(`http://127.0.0.1:${address.port}${url}`, {
        headers: { cookie },
      });
      return { status: response.status, body: await response.text() };
    };
    for (const [name, route, url] of plans) if (has(route)) await run(name, 'HTTP', fetchText, url);
  }
  return { stats, missing };
}

/**
 * The work queue taken apart, measured interleaved (one round = a signed-in request that does
 * nothing, a direct listProcedures() call, the full work-queue request) so that the noise of a
 * shared machine hits all three alike; then EXPLAIN ANALYZE of the exact SQL.
 */
async function decomposeQueue(
  app: App,
  db: Db,
  url: string,
  admin: pg.ClientBase,
  tenant: Tenant,
  sample: TenantSample,
  today: string,
) {
  const client = await loggedInClient(app, CASE_WORKERS[tenant]);
  const queue = () => listProcedures(db, { tenantIds: [sample.id] }, { today });
  const request = async (path: string) => {
    const response = await client.get(path);
    if (response.statusCode !== 200) throw new Error(`${path}: Status ${response.statusCode}`);
  };
  const rounds = Math.min(300, options.requests);
  const times = { baseline: [] as number[], direct: [] as number[], app: [] as number[] };
  let rows = 0;
  const started = performance.now();
  for (let i = 0; i < options.warmup + rounds; i++) {
    const t0 = performance.now();
    await request('/api/v1/me');
    const t1 = performance.now();
    rows = (await queue()).length;
    const t2 = performance.now();
    await request('/api/v1/work-queue');
    const t3 = performance.now();
    if (i < options.warmup) continue;
    times.baseline.push(t1 - t0);
    times.direct.push(t2 - t1);
    times.app.push(t3 - t2);
  }
  const total = performance.now() - started;
  const [query] = await captureQueries(url, (logged) =>
    listProcedures(logged, { tenantIds: [sample.id] }, { today }),
  );
  if (!query) throw new Error('listProcedures hat keine Abfrage gesendet');
  return {
    tenant,
    rows,
    baseline: summarize('GET /api/v1/me', 'inject', times.baseline, total, 0),
    direct: summarize('listProcedures()', 'direkt', times.direct, total, 0),
    app: summarize('GET /api/v1/work-queue', 'inject', times.app, total, 0),
    query,
    explain: await explainAnalyze(admin, query, 20),
  };
}

/**
 * The index suggested for src/ (see bench/README.md), tried ONLY in this throwaway database:
 * the lateral "next deadline" probe becomes a one-row index scan instead of a bitmap scan plus
 * sort, and closed procedures are skipped without visiting the heap.
 */
const CANDIDATE_INDEXES = [
  `create index bench_deadlines_next_idx on procedure_deadlines (procedure_id, end_date) where status in ('running', 'expired')`,
  'create index bench_procedures_open_idx on procedures (tenant_id) where closed_at is null',
];

async function tryCandidateIndexes(
  admin: pg.ClientBase,
  queue: readonly { tenant: string; query: CompiledQuery }[],
) {
  for (const statement of CANDIDATE_INDEXES) await admin.query(statement);
  await admin.query('analyze procedure_deadlines, procedures');
  const results = [];
  for (const q of queue) {
    results.push({ tenant: q.tenant, explain: await explainAnalyze(admin, q.query, 20) });
  }
  return { indexes: CANDIDATE_INDEXES, results };
}

async function main(cleanup: Cleanup): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const random = seededRandom(options.seed);
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
  cleanup.removeDir(tmp);
  log(`Temporäres Verzeichnis ${tmp}; starte eingebettetes PostgreSQL (fsync aus) …`);
  const setupStart = performance.now();
  const server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const db = createDb(url, { max: 10 });
  cleanup.add(() => db.destroy());
  await migrateToLatest(db, url);
  await seedDemo(db);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanup.add(() => admin.end());
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const now = systemClock.now();
  const today = berlinDate(now);
  log(`Fülle ${options.procedures} Verfahren mit ${options.events} Audit-Ereignissen …`);
  const fill = await fillDatabase(admin, {
    procedures: options.procedures,
    events: options.events,
    paderbornShare: options.paderbornShare,
    brmsShare: options.brmsShare,
    batchSize: 500,
    random,
    now,
    today,
    log,
  });
  log(`  gefüllt in ${fill.seconds.toFixed(1)} s: ${JSON.stringify(fill.rows)}`);
  const vacuumStart = performance.now();
  await admin.query('vacuum analyze');
  const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
  const size = await admin.query<{ size: string }>(
    'select pg_size_pretty(pg_database_size(current_database())) as size',
  );

  const samples = await admin.query<{ id: string }>(
    'select id from procedures order by md5(id::text) limit 3',
  );
  const verified = [];
  for (const { id } of samples.rows) {
    const result = await verifyCaseFile(db, id);
    const ok = result !== undefined && result.problem === undefined && result.events > 0;
    verified.push({ procedureId: id, events: result?.events ?? 0, ok });
    if (!ok)
      throw new Error(`Hash-Kette von ${id} ist nicht intakt: ${JSON.stringify(result?.problem)}`);
  }
  log(`  ${verified.length} Hash-Ketten mit verifyCaseFile geprüft: intakt`);

  const deps = benchDeps(db, tmp);
  const app = await buildApp(deps);
  cleanup.add(() => app.close());
  await app.ready();
  log('Messe (sequenziell, nach Aufwärmen) …');
  const tenants = { 'Kreis Paderborn': fill.paderborn, 'Bezirksregierung Münster': fill.brms };
  const { stats, missing } = await measureApp(app, tenants, random);
  const queue = [];
  for (const [tenant, sample] of Object.entries(tenants) as [Tenant, TenantSample][]) {
    queue.push(await decomposeQueue(app, db, url, admin, tenant, sample, today));
  }
  const candidate = await tryCandidateIndexes(admin, queue);

  const version = await admin.query<{ version: string }>('select version()');
  const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(
    "select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections') order by name",
  );
  const report: BenchReport = {
    startedAt,
    totalSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model.trim() ?? '?',
      memoryGiB: totalmem() / 1024 ** 3,
      node: process.version,
      postgres: version.rows[0]?.version ?? '?',
      postgresSettings: settings.rows
        .map((s) => `${s.name}=${s.setting}${s.unit ? ` ${s.unit}` : ''}`)
        .join(', '),
      loadBefore,
      loadAfter: loadavg(),
    },
    parameters: {
      procedures: options.procedures,
      events: options.events,
      requests: options.requests,
      warmup: options.warmup,
      seed: options.seed,
      today,
    },
    fill: { ...fill, setupSeconds, vacuumSeconds, databaseSize: size.rows[0]?.size ?? '?' },
    verified,
    stats,
    queue,
    candidate,
    missingRoutes: missing,
  };
  const markdown = renderReport(report);
  const custom =
    options.procedures !== DEFAULTS.procedures ||
    options.events !== DEFAULTS.events ||
    options.requests !== DEFAULTS.requests;
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`permits-queue-${today}${custom ? '-custom' : ''}.md`, resultsDir);
  writeFileSync(file, `${markdown}\n`);
  console.log(`\n${markdown}`);
  log(`Ergebnis geschrieben: ${path.relative(process.cwd(), file.pathname)}`);
  const result = verdict(report);
  if (result && !result.met) process.exitCode = 1;
}

await runBench(main, options.timeoutMinutes);
