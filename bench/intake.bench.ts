/**
 * Benchmark: the public objection intake (`POST /api/v1/procedures/{id}/objections`) under load,
 * compared with what the same PostgreSQL can do at all. Run:
 *   node --import tsx bench/intake.bench.ts
 * See bench/README.md for what is measured and the recorded results.
 *
 * One run, several rounds; every round measures, in an order rotated from round to round:
 * (a) "raw": 64 concurrent pg clients, each sending one parameterised single-row INSERT into
 *     `objections` per statement (autocommit, prepared once per connection like the app's intake
 *     statement), with the same ~1 KB German texts;
 * (b) "HTTP": 64 concurrent keep-alive HTTP clients posting objections to the real app
 *     (`buildApp`, listening on 127.0.0.1), once per server-side variant (pg pool size, logging).
 * The embedded PostgreSQL runs with fsync ON and synchronous_commit ON: a 201 means the objection
 * is on disk, and that is the cost we measure. Before every measurement the table is emptied and
 * a CHECKPOINT is taken, so that every measurement starts from the same state.
 *
 * The load generator is a separate process (this file, forked with `--load-generator`), so that
 * the server's event loop does not share its thread with the clients — as with real, remote
 * clients. All of it shares the machine's 2 cores with PostgreSQL.
 *
 * Environment (all optional):
 *   BENCH_SECONDS=20      measured seconds per measurement (after BENCH_WARMUP_SECONDS=3)
 *   BENCH_ROUNDS=3        rounds; the report gives medians over the rounds
 *   BENCH_CLIENTS=64      concurrent clients in (a) and (b)
 *   BENCH_VARIANTS=10:info:rate,10:info,…   HTTP variants, each pg pool size : LOG_LEVEL of the app,
 *                         optionally :unix (pg over the Unix socket) and :rate (rate limit on as
 *                         by default, with a limit never reached; clients send from 64 loopback
 *                         addresses). The first variant is the one the target (ratio ≥ 0.3) is
 *                         checked on: the shipped defaults (pool 10, info log, rate limit on).
 *   BENCH_IDEMPOTENCY=1   send an Idempotency-Key header with every HTTP request
 *   BENCH_TIMEOUT_MINUTES=25
 * Profiling the server: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/intake.bench.ts
 * (the load generator is not profiled: it gets its own execArgv).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createPublishedProcedure } from '../test/helpers/participation.ts';
import { limitHeapGrowth } from '../src/platform/heap.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench, type Cleanup } from './support/lifecycle.ts';
import { percentile } from './support/measure.ts';
import { readContributions } from './support/texts.ts';

// ---------------------------------------------------------------------------------------------
// Shared between the two processes
// ---------------------------------------------------------------------------------------------

interface Objection {
  text: string;
  name: string;
  address: string;
  sha256: string;
}

interface LoadJob {
  kind: 'sql' | 'http';
  clients: number;
  warmupMs: number;
  durationMs: number;
  objections: Objection[];
  procedureId: string;
  tenantId: string;
  /** kind 'sql': connection URL of the bench database. */
  url?: string;
  /** kind 'http': port of the app on 127.0.0.1. */
  port?: number;
  idempotency?: boolean;
}

interface LoadResult {
  /** Completed successfully inside the measured window. */
  measured: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** All successes, warm-up and tail included (must all be stored). */
  okTotal: number;
  failedTotal: number;
  failures: Record<string, number>;
  firstFailure: string | null;
  /** CPU time of the load generator process during the whole job (warm-up included). */
  clientCpuMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// Load generator (child process)
// ---------------------------------------------------------------------------------------------

/** The insert the app sends (objection.actions.ts), as one plain statement in autocommit. */
const RAW_INSERT = `insert into objections
  (procedure_id, tenant_id, reference, received_at, channel, body, name, address, email,
   redact_identity, late, sha256, submission_key, entered_by)
  values ($1, $2,
    'EW-' || to_char($3::timestamptz at time zone 'Europe/Berlin', 'YYYY') || '-' ||
      lpad(nextval('objection_number_seq')::text, 7, '0'),
    $3, 'api', $4, $5, $6, null, false, false, $7, null, null)`;

async function drive(
  job: LoadJob,
  send: (index: number, client: number) => Promise<string | null>,
): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let firstFailure: string | null = null;
  let okTotal = 0;
  let failedTotal = 0;
  let next = 0;
  const client = async (_: unknown, clientNo: number) => {
    while (performance.now() < end) {
      const index = next++;
      const t0 = performance.now();
      let failure: string | null;
      try {
        failure = await send(index, clientNo);
      } catch (error) {
        failure = (error as NodeJS.ErrnoException).code ?? String(error);
      }
      const t1 = performance.now();
      if (failure === null) {
        okTotal++;
        if (t1 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
      } else {
        failedTotal++;
        const key = failure.slice(0, 60);
        failures[key] = (failures[key] ?? 0) + 1;
        firstFailure ??= failure;
      }
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    measured: latencies.length,
    perSecond: (latencies.length / job.durationMs) * 1000,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    okTotal,
    failedTotal,
    failures,
    firstFailure,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function runSql(job: LoadJob): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: job.url, max: job.clients });
  // Open every connection before the clock starts.
  const opened = await Promise.all(Array.from({ length: job.clients }, () => pool.connect()));
  for (const c of opened) c.release();
  try {
    return await drive(job, async (index) => {
      const o = job.objections[index % job.objections.length]!;
      await pool.query({
        name: 'raw-insert',
        text: RAW_INSERT,
        values: [job.procedureId, job.tenantId, new Date(), o.text, o.name, o.address, o.sha256],
      });
      return null;
    });
  } finally {
    await pool.end();
  }
}

async function runHttp(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const bodies = job.objections.map((o) =>
    Buffer.from(JSON.stringify({ text: o.text, name: o.name, address: o.address })),
  );
  const requestPath = `/api/v1/procedures/${job.procedureId}/objections`;
  const post = (index: number, clientNo: number) =>
    new Promise<string | null>((resolve, reject) => {
      const body = bodies[index % bodies.length]!;
      const headers: http.OutgoingHttpHeaders = {
        'content-type': 'application/json',
        'content-length': body.length,
      };
      if (job.idempotency) headers['idempotency-key'] = `bench-${process.pid}-${index}`;
      const request = http.request(
        {
          agent,
          host: '127.0.0.1',
          port: job.port,
          // Every client its own sender address (all of 127.0.0.0/8 is loopback), as for
          // objections from many people: the rate limit counts per address.
          localAddress: `127.0.0.${2 + (clientNo % 250)}`,
          method: 'POST',
          path: requestPath,
          headers,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            if (response.statusCode === 201 && text.includes('"reference":"EW-')) resolve(null);
            else resolve(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  try {
    return await drive(job, post);
  } finally {
    agent.destroy();
  }
}

function loadGenerator(): void {
  process.on('message', (message: LoadJob | 'exit') => {
    if (message === 'exit') {
      process.disconnect();
      return;
    }
    const run = message.kind === 'sql' ? runSql(message) : runHttp(message);
    run.then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: String(error) }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Test data: ~1 KB objections from real German participation texts
// ---------------------------------------------------------------------------------------------

const FIRST = ['Anna', 'Jonas', 'Mehmet', 'Sabine', 'Lukas', 'Fatma', 'Peter', 'Julia', 'Olga'];
const LAST = ['Müller', 'Schmidt', 'Yılmaz', 'Becker', 'Hoffmann', 'Wagner', 'Nowak', 'Schulz'];
const STREETS = ['Hauptstraße', 'Am Kanal', 'Bahnhofstraße', 'Lindenweg', 'Kirchplatz'];
const CITIES = ['33165 Lichtenau', '33098 Paderborn', '33142 Büren', '33181 Bad Wünnenberg'];

/**
 * Consecutive contributions joined until the text has about 1,000 characters (cut at a word
 * boundary below 1,024), with a salutation and a signature line as people write them.
 */
function buildObjections(count: number): Objection[] {
  const contributions = readContributions().texts;
  const objections: Objection[] = [];
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    let body =
      'Sehr geehrte Damen und Herren, gegen das Vorhaben erhebe ich folgende Einwendungen.';
    while (body.length < 1_000) body += ' ' + contributions[cursor++ % contributions.length]!;
    body = body.slice(0, 960);
    body = body.slice(0, body.lastIndexOf(' '));
    const name = `${FIRST[i % FIRST.length]!} ${LAST[(i * 7) % LAST.length]!}`;
    const text = `${body} …\n\nMit freundlichen Grüßen\n${name}`;
    objections.push({
      text,
      name,
      address: `${STREETS[i % STREETS.length]!} ${1 + (i % 120)}, ${CITIES[i % CITIES.length]!}`,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  }
  return objections;
}

// ---------------------------------------------------------------------------------------------
// Main process: database, app, measurements, report
// ---------------------------------------------------------------------------------------------

interface Variant {
  pool: number;
  logLevel: 'info' | 'silent' | 'warn';
  /** Connect the app to PostgreSQL over its Unix socket instead of TCP on 127.0.0.1. */
  unix: boolean;
  /** Rate limit on (as by default), with a limit so high that it never refuses. */
  rate: boolean;
}

interface Cpu {
  /** CPU ms per stored objection (warm-up included on both sides of the division). */
  postgres: number;
  app: number;
  client: number;
  /** Cores kept busy by everything else on the (shared) machine during the measurement. */
  othersCores: number;
}

interface Measurement {
  round: number;
  label: string;
  result: LoadResult;
  stored: number;
  cpu: Cpu;
}

// CPU accounting from /proc (Linux): clock ticks of 10 ms (CLK_TCK = 100).
const TICK_MS = 10;

function statFields(pid: string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** CPU ms of the postmaster, its ended children (cutime) and its live children (backends). */
function postgresCpuMs(postmasterPid: number): number {
  const own = statFields(String(postmasterPid));
  if (!own) return NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === postmasterPid) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return ticks * TICK_MS;
}

function machineTicks(): { busy: number; total: number } {
  const [line = ''] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
}

/** Runs a load job and accounts the CPU of PostgreSQL, this process (the app) and the client. */
async function withCpu(
  postmasterPid: number,
  job: () => Promise<LoadResult>,
): Promise<{ result: LoadResult; cpu: (stored: number) => Cpu }> {
  const pgBefore = postgresCpuMs(postmasterPid);
  const appBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const result = await job();
  // Let the postmaster reap the backends of a closed pool (their CPU then moves to its cutime).
  await new Promise((resolve) => setTimeout(resolve, 300));
  const app = process.cpuUsage(appBefore);
  const pgMs = postgresCpuMs(postmasterPid) - pgBefore;
  const machineAfter = machineTicks();
  const appMs = (app.user + app.system) / 1000;
  const busyMs = (machineAfter.busy - machineBefore.busy) * TICK_MS;
  const wallMs = ((machineAfter.total - machineBefore.total) * TICK_MS) / availableParallelism();
  return {
    result,
    cpu: (stored) => ({
      postgres: pgMs / stored,
      app: appMs / stored,
      client: result.clientCpuMs / stored,
      othersCores: Math.max(0, busyMs - pgMs - appMs - result.clientCpuMs) / wallMs,
    }),
  };
}

function startLoadGenerator(cleanup: Cleanup) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-generator'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.add(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    run(job: LoadJob): Promise<LoadResult> {
      return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`Lastgenerator beendet: ${code}`));
        child.once('exit', onExit);
        child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
          child.off('exit', onExit);
          if (message.ok && message.result) resolve(message.result);
          else reject(new Error(`Lastgenerator: ${message.error}`));
        });
        child.send(job);
      });
    },
    stop() {
      if (child.connected) child.send('exit');
    },
  };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function main(cleanup: Cleanup): Promise<void> {
  const options = {
    seconds: numberFrom('BENCH_SECONDS', 20),
    warmupSeconds: numberFrom('BENCH_WARMUP_SECONDS', 3),
    rounds: numberFrom('BENCH_ROUNDS', 3),
    clients: numberFrom('BENCH_CLIENTS', 64),
    idempotency: process.env.BENCH_IDEMPOTENCY === '1',
    variants: (process.env.BENCH_VARIANTS || '10:info:rate,10:info,64:info:rate,10:info:rate:unix')
      .split(',')
      .map((spec): Variant => {
        const [pool, logLevel = 'info', ...flags] = spec.split(':');
        if (
          !['info', 'silent', 'warn'].includes(logLevel) ||
          !Number(pool) ||
          flags.some((f) => !['unix', 'rate'].includes(f))
        ) {
          throw new Error(
            `BENCH_VARIANTS: „${spec}“ ist keine Variante (Pool:info|warn|silent[:rate][:unix])`,
          );
        }
        return {
          pool: Number(pool),
          logLevel: logLevel as Variant['logLevel'],
          unix: flags.includes('unix'),
          rate: flags.includes('rate'),
        };
      }),
  };

  const startedAt = new Date();
  const loadBefore = loadavg();
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-intake-'));
  cleanup.removeDir(tmp);
  console.log(`Temporäres Verzeichnis ${tmp}; starte eingebettetes PostgreSQL (fsync AN) …`);
  const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: false });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const postmasterPid = Number(
    readFileSync(path.join(tmp, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanup.add(() => admin.end());
  const setupDb = createDb(url, { max: 4 });
  await migrateToLatest(setupDb, url);
  await seedDemo(setupDb);

  const depsFor = (db: Db, logLevel: Variant['logLevel'], rate = false) =>
    benchDeps(db, tmp, {
      LOG_LEVEL: logLevel,
      OBJECTION_POW_DIFFICULTY: '0',
      OBJECTION_RATE_LIMIT: rate ? '1000000' : '0',
    });

  // A formal procedure in public participation, brought there through the real API.
  const setupDeps = depsFor(setupDb, 'silent');
  const setupApp = await buildApp(setupDeps);
  await setupApp.ready();
  const procedure = await createPublishedProcedure({
    app: setupApp,
    deps: setupDeps,
    database: { db: setupDb, url, drop: () => Promise.resolve() },
    close: () => Promise.resolve(),
  });
  await setupApp.close();
  await setupDb.destroy();
  console.log(`Verfahren in der Öffentlichkeitsbeteiligung: ${procedure.id}`);

  const objections = buildObjections(4_000);
  const meanBytes =
    objections.reduce((sum, o) => sum + Buffer.byteLength(o.text), 0) / objections.length;
  console.log(
    `${objections.length} Einwendungstexte, im Mittel ${meanBytes.toFixed(0)} Byte (UTF-8)`,
  );

  const generator = startLoadGenerator(cleanup);
  cleanup.add(() => generator.stop());
  const baseJob = {
    clients: options.clients,
    warmupMs: options.warmupSeconds * 1000,
    durationMs: options.seconds * 1000,
    objections,
    procedureId: procedure.id,
    tenantId: procedure.tenantId,
  };

  const prepare = async () => {
    await admin.query('truncate objections cascade');
    await admin.query('checkpoint');
  };
  const storedRows = async () =>
    Number((await admin.query<{ n: string }>('select count(*) as n from objections')).rows[0]!.n);

  const socketDir = (
    await admin.query<{ dir: string }>("select current_setting('unix_socket_directories') as dir")
  ).rows[0]!.dir.split(',')[0]!.trim();
  const unixUrl = new URL(url);
  unixUrl.searchParams.set('host', socketDir);
  const variantLabel = (v: Variant) =>
    `HTTP, Pool ${v.pool}, LOG_LEVEL=${v.logLevel}${v.unix ? ', Unix-Socket' : ''}${v.rate ? ', Ratenbegrenzung an' : ''}`;
  const measurements: Measurement[] = [];
  const record = (round: number, label: string, result: LoadResult, stored: number, cpu: Cpu) => {
    measurements.push({ round, label, result, stored, cpu });
    console.log(
      `  Runde ${round}, ${label}: ${fmt(result.perSecond, 0)}/s, p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms, ok ${result.okTotal}, Fehler ${result.failedTotal}, gespeichert ${stored}; CPU ms je Einwendung: PostgreSQL ${fmt(cpu.postgres, 2)}, App ${fmt(cpu.app, 2)}, Client ${fmt(cpu.client, 2)}; andere Prozesse ${fmt(cpu.othersCores, 2)} Kerne`,
    );
    if (result.failedTotal > 0) console.log(`    erster Fehler: ${result.firstFailure}`);
  };

  /** One HTTP measurement against a fresh app with the variant's settings. */
  const measureVariant = async (variant: Variant, job: typeof baseJob) => {
    const db = createDb(variant.unix ? unixUrl.toString() : url, { max: variant.pool });
    const deps = depsFor(db, variant.logLevel, variant.rate);
    const app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('Keine Portadresse');
    try {
      await prepare();
      const measured = await withCpu(postmasterPid, () =>
        generator.run({
          ...job,
          kind: 'http',
          port: address.port,
          idempotency: options.idempotency,
        }),
      );
      const stored = await storedRows();
      if (stored < measured.result.okTotal) {
        throw new Error(
          `${measured.result.okTotal} Mal 201, aber nur ${stored} Einwendungen gespeichert`,
        );
      }
      return { ...measured, stored };
    } finally {
      await app.close();
      await db.destroy();
    }
  };

  // Warm up the JIT once, so that the first variant of round 1 is not cold.
  console.log('Aufwärmen (nicht gemessen) …');
  await measureVariant(options.variants[0]!, { ...baseJob, warmupMs: 0, durationMs: 4_000 });

  // Every round in another order (rotated), so that drift of the shared machine spreads evenly.
  const plan: (Variant | 'raw')[] = ['raw', ...options.variants];
  for (let round = 1; round <= options.rounds; round++) {
    const shift = (round - 1) % plan.length;
    for (const item of [...plan.slice(shift), ...plan.slice(0, shift)]) {
      if (item === 'raw') {
        await prepare();
        const raw = await withCpu(postmasterPid, () =>
          generator.run({ ...baseJob, kind: 'sql', url }),
        );
        const rawStored = await storedRows();
        record(round, 'SQL direkt', raw.result, rawStored, raw.cpu(rawStored));
      } else {
        const { result, cpu, stored } = await measureVariant(item, baseJob);
        record(round, variantLabel(item), result, stored, cpu(stored));
      }
    }
  }

  // ------------------------------------------------------------------- report
  const labels = ['SQL direkt', ...options.variants.map(variantLabel)];
  const rawRate = median(
    measurements.filter((m) => m.label === 'SQL direkt').map((m) => m.result.perSecond),
  );
  const rows = labels.map((label) => {
    const ms = measurements.filter((m) => m.label === label);
    const rate = median(ms.map((m) => m.result.perSecond));
    return {
      label,
      rate,
      rates: ms.map((m) => m.result.perSecond),
      p50: median(ms.map((m) => m.result.p50)),
      p99: median(ms.map((m) => m.result.p99)),
      failed: ms.reduce((sum, m) => sum + m.result.failedTotal, 0),
      ratio: rate / rawRate,
      cpuPostgres: median(ms.map((m) => m.cpu.postgres)),
      cpuApp: median(ms.map((m) => m.cpu.app)),
      cpuClient: median(ms.map((m) => m.cpu.client)),
      others: median(ms.map((m) => m.cpu.othersCores)),
    };
  });
  const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('fsync', 'synchronous_commit',
      'full_page_writes', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections',
      'max_wal_size') order by name`,
  );
  const version = await admin.query<{ v: string }>("select current_setting('server_version') as v");
  const lines = [
    `## Einwendungseingang unter Last — ${startedAt.toISOString().slice(0, 10)}`,
    '',
    `Maschine: ${availableParallelism()} Kerne (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${version.rows[0]?.v ?? '?'}. Load average vorher ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, nachher ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}.`,
    `PostgreSQL: ${settings.rows.map((s) => `${s.name}=${s.setting}${s.unit ? ` ${s.unit}` : ''}`).join(', ')}.`,
    `${options.clients} gleichzeitige Clients, ${options.seconds} s gemessen nach ${options.warmupSeconds} s Aufwärmen, ${options.rounds} Runden (Median), Texte im Mittel ${meanBytes.toFixed(0)} Byte, Idempotency-Key ${options.idempotency ? 'ja' : 'nein'}.`,
    '',
    '| Messung | Einwendungen/s (Median) | je Runde | p50 ms | p99 ms | Fehler | Verhältnis zu SQL direkt | CPU ms je Einwendung: PostgreSQL / App / Client = Summe | andere Prozesse (Kerne) |',
    '|---|---:|---|---:|---:|---:|---:|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${fmt(r.rate, 0)} | ${r.rates.map((x) => fmt(x, 0)).join(' / ')} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.failed} | ${r.label === 'SQL direkt' ? '1' : fmt(r.ratio, 2)} | ${fmt(r.cpuPostgres, 2)} / ${r.label === 'SQL direkt' ? '–' : fmt(r.cpuApp, 2)} / ${fmt(r.cpuClient, 2)} = ${fmt(r.cpuPostgres + (r.label === 'SQL direkt' ? 0 : r.cpuApp) + r.cpuClient, 2)} | ${fmt(r.others, 2)} |`,
    ),
  ];
  const report = `${lines.join('\n')}\n`;
  console.log(`\n${report}`);
  const custom = [
    'BENCH_SECONDS',
    'BENCH_WARMUP_SECONDS',
    'BENCH_ROUNDS',
    'BENCH_CLIENTS',
    'BENCH_VARIANTS',
    'BENCH_IDEMPOTENCY',
  ].some((name) => process.env[name] !== undefined);
  const file = path.join(
    import.meta.dirname,
    'results',
    `intake-${startedAt.toISOString().slice(0, 10)}${custom ? '-custom' : ''}.md`,
  );
  writeFileSync(file, report);
  console.log(`Ergebnis geschrieben: ${path.relative(process.cwd(), file)}`);
  const shipped = rows[1];
  if (shipped && shipped.ratio < 0.3) {
    console.log(`Ziel verfehlt: ${shipped.label} erreicht ${fmt(shipped.ratio, 2)} < 0,3`);
    process.exitCode = 1;
  }
  if (rows.some((r) => r.failed > 0)) process.exitCode = 1;
}

if (process.argv.includes('--load-generator')) {
  loadGenerator();
} else {
  limitHeapGrowth(); // the app runs with the heap setting of the portal process (src/cli.ts)
  await runBench(main, numberFrom('BENCH_TIMEOUT_MINUTES', 25));
}
