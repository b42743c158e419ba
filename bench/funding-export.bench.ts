/**
 * Benchmark: the funding body's application export (`GET /foerderstelle/antraege.csv`, streamed
 * by src/funding/procedure/grant.export.ts) over 100,000 funding applications.
 * Run: `node --import tsx bench/funding-export.bench.ts` (see bench/README.md).
 * Trial run: BENCH_APPLICATIONS=20000 BENCH_RUNS=1 node --import tsx bench/funding-export.bench.ts
 *
 * Fill (set-based, generate_series in PostgreSQL): 100,000 submitted funding procedures of the
 * demo funding body with their funding cases, spread over the steps from "received" to "closed",
 * from 20 companies plus the two demo companies, and 2,000 drafts that the export must leave out.
 * Granted cases carry a commitment in the budget ledger, cases in proof check or closed also a
 * payment (entries and positions written with the ledger triggers switched off for the fill,
 * totals set consistently once at the end). Audit events are not filled: the export does not read
 * them.
 *
 * Measure: the portal runs in its own process exactly as `npm start` runs it (PORTAL_NODE_FLAGS,
 * against this PostgreSQL); the case worker of the funding body logs in through the form (CSRF,
 * session cookie) and the export is fetched over real HTTP, the body consumed as it arrives
 * (counted, never kept). Per round: the export, and 20 requests of a trivial page (`/impressum`,
 * same session, same stack) for the ratio. The PORTAL's RSS is sampled from /proc every 20 ms,
 * its peak (VmHWM) read at the end. Reported: medians of 3 rounds, RSS after the fill
 * (baseline, no export) against the peak during the export, and EXPLAIN ANALYZE of the first and
 * a middle page of the keyset paging. Exit code 1 unless every export has exactly 100,000 rows
 * plus the header and the peak RSS stays below 300 MB.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { fundingProcedureType } from '../src/funding/procedure/grant.family.ts';
import { EXPORT_PAGE, exportPageQuery } from '../src/funding/procedure/grant.export.ts';
import { FUNDING_GRANT } from '../src/funding/procedure/procedure-types/funding-grant.ts';
import { PORTAL_NODE_FLAGS } from '../src/platform/heap.ts';
import { initialState } from '../src/procedures/engine/state.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { BODY } from '../test/helpers/funding.ts';
import { numberFrom, runBench, type Cleanup } from './support/lifecycle.ts';

const APPLICATIONS = numberFrom('BENCH_APPLICATIONS', 100_000);
const DRAFTS = numberFrom('BENCH_DRAFTS', 2_000);
const RUNS = numberFrom('BENCH_RUNS', 3);
const TRIVIAL_REQUESTS = 20;
const TARGET_MB = numberFrom('BENCH_TARGET_MB', 300);
const TIMEOUT_MINUTES = numberFrom('BENCH_TIMEOUT_MINUTES', 20);
const COMPANIES = 20;
const MB = 1024 * 1024;

const log = (line: string) => console.log(line);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number): string => (bytes / MB).toFixed(1);
const de = (n: number, digits = 0): string =>
  n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Steps of submitted applications with their weights out of 20 (no drafts): most are received,
 * in review or granted, a good share closed, a few refused or withdrawn.
 */
const STEPS: [string, number][] = [
  ['received', 4],
  ['formal-check', 2],
  ['assessment', 2],
  ['decision', 1],
  ['granted', 5],
  ['proof-check', 1],
  ['closed', 3],
  ['refused', 1],
  ['withdrawn', 1],
];
const STEP_OF_SLOT = STEPS.flatMap(([step, weight]) => Array<string>(weight).fill(step));
const GRANTED_STEPS = ['granted', 'proof-check', 'closed'];

/** Set-based fill in PostgreSQL; returns seconds and what was written. */
async function fill(admin: pg.Client, bodyId: string, lineId: string, companyIds: string[]) {
  const started = performance.now();
  const type = fundingProcedureType(FUNDING_GRANT, '2026-12');
  const state = initialState(type);
  // One row per case, numbered g; the first DRAFTS numbers are drafts (no reference, unsubmitted).
  await admin.query(
    `create temp table bench_cases as
     select g, gen_random_uuid() as id,
       case when g <= $1 then 'draft' else ($2::text[])[1 + g % $3] end as step,
       ($4::uuid[])[1 + g % $5] as company,
       200000 + (g * 7919) % 1000000 as requested,
       timestamptz '2026-01-05 09:00:00+01' + (g % 300) * interval '1 day' + (g % 600) * interval '1 minute' as submitted
     from generate_series(1, $6::int) g`,
    [
      DRAFTS,
      STEP_OF_SLOT,
      STEP_OF_SLOT.length,
      companyIds,
      companyIds.length,
      DRAFTS + APPLICATIONS,
    ],
  );
  await admin.query(
    `insert into procedures (id, tenant_id, applicant_org_id, reference, title, type_key,
       type_version, step, state, created_at, updated_at, submitted_at, closed_at)
     select id, $1, company,
       case when step <> 'draft' then 'FÖ-2026-' || lpad(g::text, 6, '0') end,
       'Transformationskonzept Benchmark ' || g, $2, $3, step,
       $4::jsonb || jsonb_build_object('step', step, 'submittedAt',
         case when step <> 'draft' then to_char(submitted, 'YYYY-MM-DD') end),
       submitted - interval '3 days', submitted,
       case when step <> 'draft' then submitted end,
       case when step in ('closed', 'refused', 'withdrawn') then submitted + interval '90 days' end
     from bench_cases`,
    [bodyId, type.key, type.version, JSON.stringify(state)],
  );
  await admin.query(
    `insert into funding_cases (procedure_id, tenant_id, applicant_org_id, line_id, programme_id,
       programme_version, measure_id, requested_cents, eligible_cents, granted_cents, granted_on,
       period_start, period_end, recovery_cents, interest_cents, created_at)
     select id, $1, company, $2, 'nrw-transformationskonzepte', 'nrw-transformationskonzepte-2022-11',
       'transformation-concept', requested, requested * 2,
       case when step = any($3::text[]) then requested end,
       case when step = any($3::text[]) then (submitted + interval '40 days')::date end,
       case when step = any($3::text[]) then (submitted + interval '45 days')::date end,
       case when step = any($3::text[]) then (submitted + interval '410 days')::date end,
       case when step = 'closed' and g % 10 = 0 then requested / 4 end,
       case when step = 'closed' and g % 10 = 0 then requested / 100 end,
       submitted - interval '3 days'
     from bench_cases`,
    [bodyId, lineId, GRANTED_STEPS],
  );
  // The ledger: an appropriation covering everything, a commitment per granted case and a
  // payment for cases in proof check or closed. The entry trigger would lock and update the line
  // once per entry; for the fill it is off and positions and line totals are written directly.
  await admin.query('begin');
  await admin.query('set local session_replication_role = replica');
  const committed = await admin.query<{ cents: string; paid: string }>(
    `select coalesce(sum(requested), 0) as cents,
       coalesce(sum(requested) filter (where step in ('proof-check', 'closed')), 0) as paid
     from bench_cases where step = any($1::text[])`,
    [GRANTED_STEPS],
  );
  const committedCents = Number(committed.rows[0]!.cents);
  const paidCents = Number(committed.rows[0]!.paid);
  const appropriation = committedCents + 100_000_000;
  await admin.query(
    `insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, reason, recorded_at)
     values ($1, $2, 'appropriation', $3, 'Haushaltsansatz (Benchmark)', now())`,
    [bodyId, lineId, appropriation],
  );
  await admin.query(
    `insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, procedure_id, reason, recorded_at)
     select $1, $2, k.kind, requested, id, k.reason, submitted + k.after
     from bench_cases
     cross join (values ('commitment', 'Bewilligung (Benchmark)', interval '40 days', false),
                        ('payment', 'Auszahlung (Benchmark)', interval '80 days', true)) k(kind, reason, after, paid)
     where step = any($3::text[]) and (not k.paid or step in ('proof-check', 'closed'))`,
    [bodyId, lineId, GRANTED_STEPS],
  );
  await admin.query(
    `insert into funding_ledger_positions (line_id, tenant_id, procedure_id, committed_cents, paid_cents)
     select $2, $1, id, requested, case when step in ('proof-check', 'closed') then requested else 0 end
     from bench_cases where step = any($3::text[])`,
    [bodyId, lineId, GRANTED_STEPS],
  );
  await admin.query(
    `update funding_budget_lines set appropriated_cents = appropriated_cents + $2,
       committed_cents = committed_cents + $3, paid_cents = paid_cents + $4 where id = $1`,
    [lineId, appropriation, committedCents, paidCents],
  );
  await admin.query('commit');
  await admin.query('drop table bench_cases');
  await admin.query('vacuum analyze');
  const counts = await admin.query<{ step: string; n: string }>(
    `select p.step, count(*) as n from funding_cases f join procedures p on p.id = f.procedure_id
     where f.tenant_id = $1 group by p.step order by count(*) desc`,
    [bodyId],
  );
  const positions = await admin.query<{ n: string }>(
    'select count(*) as n from funding_ledger_positions where tenant_id = $1',
    [bodyId],
  );
  return {
    seconds: (performance.now() - started) / 1000,
    steps: counts.rows.map((r) => `${r.step} ${de(Number(r.n))}`).join(', '),
    positions: Number(positions.rows[0]!.n),
  };
}

interface Fetched {
  status: number;
  seconds: number;
  bytes: number;
  lines: number;
  endsWithCrlf: boolean;
  peakRss: number;
  peakHeap: number;
}

/** RSS and peak RSS (VmHWM) of a process, in bytes, from /proc (Linux). */
export function processMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

let portalPid = 0;

/**
 * GET over HTTP from the portal process, the body consumed chunk by chunk and only counted; the
 * PORTAL's RSS is sampled meanwhile (the measured process is the one `npm start` runs, not this
 * client). Heap figures are not visible from outside and are reported as 0.
 */
function fetchCounted(port: number, url: string, cookie: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    let peakRss = processMemory(portalPid).rss;
    const peakHeap = 0;
    const sample = () => {
      peakRss = Math.max(peakRss, processMemory(portalPid).rss);
    };
    const sampler = setInterval(sample, 20);
    const started = performance.now();
    const request = http.get(
      { host: '127.0.0.1', port, path: url, headers: { cookie } },
      (response) => {
        let bytes = 0;
        let lines = 0;
        let last2 = '';
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          last2 = (last2 + chunk.subarray(-2).toString('latin1')).slice(-2);
        });
        response.on('end', () => {
          clearInterval(sampler);
          sample();
          resolve({
            status: response.statusCode ?? 0,
            seconds: (performance.now() - started) / 1000,
            bytes,
            lines,
            endsWithCrlf: last2 === '\r\n',
            peakRss,
            peakHeap,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  });
}

/** Logs in through the login form over HTTP; returns the session cookie. */
async function logInOverHttp(port: number, email: string): Promise<string> {
  const request = (method: string, pathName: string, cookie: string, body?: string) =>
    new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: pathName,
          method,
          headers: {
            cookie,
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
              text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const form = await request('GET', '/anmelden', '');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const jar = form.cookies.join('; ');
  const body = new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD }).toString();
  const done = await request('POST', '/anmelden', jar, body);
  if (done.status !== 303) throw new Error(`Anmeldung: Status ${done.status}`);
  const cookies = new Map(
    [...form.cookies, ...done.cookies].map((c) => [c.split('=')[0]!, c] as const),
  );
  return [...cookies.values()].join('; ');
}

/** EXPLAIN (ANALYZE, BUFFERS) of the export's page query as the app sends it. */
async function explainPage(
  admin: pg.Client,
  db: Parameters<typeof exportPageQuery>[0],
  bodyId: string,
  after: string | undefined,
): Promise<{ ms: number; plan: string }> {
  const compiled = exportPageQuery(db, [bodyId], undefined, after).compile();
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < 5; i++) {
    const result = await admin.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${compiled.sql}`,
      compiled.parameters as unknown[],
    );
    const lines = result.rows.map((r) => r['QUERY PLAN']);
    times.push(Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1) ?? '')?.[1] ?? NaN));
    plan = lines.join('\n');
  }
  return { ms: median(times), plan };
}

async function main(cleanup: Cleanup) {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
  cleanup.removeDir(tmp);
  log(`Temporäres Verzeichnis ${tmp}; starte eingebettetes PostgreSQL (fsync aus) …`);
  const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const db = createDb(url, { max: 10 });
  cleanup.add(() => db.destroy());
  await migrateToLatest(db, url);
  await seedDemo(db);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanup.add(() => admin.end());

  const body = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'funding-body')
    .where('name', 'like', 'Bezirksregierung Arnsberg%')
    .executeTakeFirstOrThrow();
  const line = await db
    .selectFrom('funding_budget_lines')
    .select('id')
    .where('tenant_id', '=', body.id)
    .where('programme_id', '=', 'nrw-transformationskonzepte')
    .orderBy('year')
    .executeTakeFirstOrThrow();
  const companies = await db
    .insertInto('organisations')
    .values(
      Array.from({ length: COMPANIES }, (_, i) => ({
        name: `Metallwerk ${i + 1} GmbH (Benchmark)`,
        kind: 'company' as const,
      })),
    )
    .returning('id')
    .execute();
  const demoCompanies = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'company')
    .where('name', 'like', '%(Beispiel)')
    .execute();
  const companyIds = [...companies, ...demoCompanies].map((c) => c.id);

  log(`Fülle ${de(APPLICATIONS)} Förderanträge und ${de(DRAFTS)} Entwürfe (mengenbasiert) …`);
  const filled = await fill(admin, body.id, line.id, companyIds);
  const size = await admin.query<{ procedures: string; cases: string }>(
    `select pg_size_pretty(pg_total_relation_size('procedures')) as procedures,
       pg_size_pretty(pg_total_relation_size('funding_cases')) as cases`,
  );
  log(
    `  gefüllt in ${filled.seconds.toFixed(1)} s: ${filled.steps}; ${de(filled.positions)} Haushaltspositionen`,
  );

  // The portal as `npm start` runs it: its own process with the heap flag on the command line,
  // against this PostgreSQL (DATABASE_URL), on a free port.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const portal = spawn(
    process.execPath,
    [...PORTAL_NODE_FLAGS, '--import', 'tsx', 'src/cli.ts', 'start'],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: tmp,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  portalPid = portal.pid ?? 0;
  cleanup.add(async () => {
    portal.kill('SIGTERM');
    await new Promise((r) => portal.once('exit', r));
  });
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/healthz' }, (r) => {
          r.resume();
          resolve(r.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (ok) break;
    if (i > 600) throw new Error('Das Portal ist nicht gestartet.');
    await new Promise((r) => setTimeout(r, 200));
  }
  const loadedRss = processMemory(portalPid).rss;
  const cookie = await logInOverHttp(port, BODY);
  // Warm-up: the trivial page once and a filtered export (a small step) so that the code paths
  // and the prepared plans exist before the first measurement.
  await fetchCounted(port, '/impressum', cookie);
  const warm = await fetchCounted(port, '/foerderstelle/antraege.csv?schritt=decision', cookie);
  if (warm.status !== 200) throw new Error(`Export: Status ${warm.status}`);

  const baselineRss = processMemory(portalPid).rss;
  const baselineHeap = 0;
  const maxRssBefore = processMemory(portalPid).hwm;
  log(`RSS nach dem Füllen, App gestartet und angemeldet (ohne Export): ${mb(baselineRss)} MB`);

  const exports: Fetched[] = [];
  const trivial: number[][] = [];
  const trivialPeak: number[] = [];
  // With --expose-gc: the heap left after a full collection before each round. If it climbs from
  // round to round, an export keeps something alive.
  const heapAfterGc: number[] = [];
  for (let round = 0; round < RUNS; round++) {
    if (global.gc) {
      global.gc();
      heapAfterGc.push(process.memoryUsage().heapUsed);
    }
    const times: number[] = [];
    let peak = 0;
    for (let i = 0; i < TRIVIAL_REQUESTS; i++) {
      const page = await fetchCounted(port, '/impressum', cookie);
      if (page.status !== 200) throw new Error(`/impressum: Status ${page.status}`);
      times.push(page.seconds);
      peak = Math.max(peak, page.peakRss);
    }
    trivial.push(times);
    trivialPeak.push(peak);
    const result = await fetchCounted(port, '/foerderstelle/antraege.csv', cookie);
    exports.push(result);
    log(
      `  Runde ${round + 1}: ${result.status}, ${de(result.lines)} Zeilen, ${mb(result.bytes)} MB in ${result.seconds.toFixed(2)} s, Spitze RSS ${mb(result.peakRss)} MB; /impressum Median ${(median(times) * 1000).toFixed(1)} ms`,
    );
  }
  if (global.gc) {
    global.gc();
    heapAfterGc.push(process.memoryUsage().heapUsed);
    log(
      `  Heap nach voller Sammlung vor jeder Runde und am Ende: ${heapAfterGc.map(mb).join(' / ')} MB`,
    );
  }
  const maxRss = processMemory(portalPid).hwm;

  const first = await explainPage(admin, db, body.id, undefined);
  const middleId = await admin.query<{ id: string }>(
    `select p.id from procedures p join funding_cases f on f.procedure_id = p.id
     where f.tenant_id = $1 and p.step <> 'draft' order by p.id offset $2 limit 1`,
    [body.id, Math.floor(APPLICATIONS / 2)],
  );
  const middle = await explainPage(admin, db, body.id, middleId.rows[0]?.id);

  const expectedLines = APPLICATIONS + 1;
  const rowsOk = exports.every(
    (e) => e.status === 200 && e.lines === expectedLines && e.endsWithCrlf,
  );
  const peakRss = Math.max(...exports.map((e) => e.peakRss));
  const rssOk = peakRss < TARGET_MB * MB && maxRss < TARGET_MB * MB;
  const seconds = median(exports.map((e) => e.seconds));
  const trivialMedians = trivial.map((t) => median(t));
  const ratios = exports.map((e, i) => e.seconds / trivialMedians[i]!);
  const version = await admin.query<{ version: string }>('select version()');
  const date = startedAt.toISOString().slice(0, 10);
  const report = `# Funding application export benchmark (${date})

Machine: ${availableParallelism()} cores (nproc), ${cpus()[0]?.model.trim() ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, shared with other processes; load average before ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}. Node ${process.version}, ${version.rows[0]?.version.split(' on ')[0] ?? '?'}.
Data: ${de(APPLICATIONS)} submitted funding applications of the demo funding body (${filled.steps}) from ${companyIds.length} companies, ${de(DRAFTS)} drafts (not exported), ${de(filled.positions)} ledger positions; procedures ${size.rows[0]?.procedures}, funding_cases ${size.rows[0]?.cases} with indexes. Filled set-based in ${filled.seconds.toFixed(1)} s. Export page size ${EXPORT_PAGE}.
Portal flags: ${PORTAL_NODE_FLAGS.join(' ')} (as \`npm start\`).
Path: \`GET /foerderstelle/antraege.csv\` as the funding case worker (session cookie), real HTTP to 127.0.0.1, the body consumed as it arrives and counted; the client is this process, the portal its own. RSS sampled every 20 ms.

| measurement | runs | median | each run |
|---|---:|---:|---|
| export time s | ${RUNS} | ${seconds.toFixed(2)} | ${exports.map((e) => e.seconds.toFixed(2)).join(' / ')} |
| rows (without header) | ${RUNS} | ${de(median(exports.map((e) => e.lines - 1)))} | ${exports.map((e) => de(e.lines - 1)).join(' / ')} |
| MB | ${RUNS} | ${mb(median(exports.map((e) => e.bytes)))} | |
| rows/s | ${RUNS} | ${de(median(exports.map((e) => (e.lines - 1) / e.seconds)))} | ${exports.map((e) => de((e.lines - 1) / e.seconds)).join(' / ')} |
| peak RSS during export MB | ${RUNS} | ${mb(median(exports.map((e) => e.peakRss)))} | ${exports.map((e) => mb(e.peakRss)).join(' / ')} |
| peak heap used during export MB | ${RUNS} | ${mb(median(exports.map((e) => e.peakHeap)))} | ${exports.map((e) => mb(e.peakHeap)).join(' / ')} |
| \`/impressum\` ms (median of ${TRIVIAL_REQUESTS}) | ${RUNS} | ${(median(trivialMedians) * 1000).toFixed(1)} | ${trivialMedians.map((t) => (t * 1000).toFixed(1)).join(' / ')} |
| peak RSS during \`/impressum\` MB | ${RUNS} | ${mb(median(trivialPeak))} | ${trivialPeak.map(mb).join(' / ')} |
| export time ÷ \`/impressum\` (same round) | ${RUNS} | ${de(median(ratios))} | ${ratios.map((r) => de(r)).join(' / ')} |

Measured process: the portal (\`node ${PORTAL_NODE_FLAGS.join(' ')} --import tsx src/cli.ts start\`, pid sampled from /proc), not the bench client.
RSS of the portal once it answers /healthz: ${mb(loadedRss)} MB.
RSS without export (after the fill, app started, logged in): ${mb(baselineRss)} MB (heap used ${mb(baselineHeap)} MB); peak during the exports ${mb(peakRss)} MB (+${mb(peakRss - baselineRss)} MB).
Peak RSS of the portal process (VmHWM): ${mb(maxRssBefore)} MB before the exports, ${mb(maxRss)} MB at the end.
Rows: ${rowsOk ? `every export had ${de(APPLICATIONS)} rows plus the header and ended with CRLF ✅` : 'wrong row count or status ❌'}. Target peak RSS < ${TARGET_MB} MB: ${rssOk ? 'met ✅' : 'missed ❌'}.

Page query, first page: ${first.ms.toFixed(1)} ms execution (median of 5); page after ${de(Math.floor(APPLICATIONS / 2))} rows: ${middle.ms.toFixed(1)} ms.

\`\`\`
${middle.plan}
\`\`\`
`;
  console.log(`\n${report}`);
  const custom = APPLICATIONS !== 100_000 || RUNS !== 3 || DRAFTS !== 2_000;
  const file = path.join(
    import.meta.dirname,
    'results',
    `funding-export-${date}${custom ? '-custom' : ''}.md`,
  );
  writeFileSync(file, report);
  log(`Ergebnis geschrieben: ${path.relative(process.cwd(), file)}`);
  if (!rowsOk || !rssOk) process.exitCode = 1;
}

await runBench(main, TIMEOUT_MINUTES);
