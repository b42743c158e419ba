/**
 * Benchmark: the work queue with the assignment filters ("Mir zugewiesen", "Mein Team",
 * "Nicht zugewiesen") and due follow-ups first, at 20,000 procedures on the real application.
 * Run: `node --import tsx bench/work-queue-assignment.bench.ts`. See bench/README.md.
 *
 * The filters are measured interleaved (every round sends each variant once, in a rotating
 * order), so that the noise of a shared machine hits all of them alike; the report gives median
 * and p95 per variant and their ratio to "Mein Team" within this one run.
 *
 * Smaller runs for trying it out (the results file then gets a "-custom" suffix):
 *   BENCH_PROCEDURES=2000 BENCH_EVENTS=80000 BENCH_ROUNDS=50 node --import tsx …
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { listProcedures, type AssignmentFilter } from '../src/permits/permit.queries.ts';
import { berlinDate } from '../src/procedures/case/case.queries.ts';
import { systemClock } from '../src/platform/clock.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { Client } from '../test/helpers/app.ts';
import { benchDeps } from './support/app.ts';
import { captureQueries, explainAnalyze } from './support/explain.ts';
import { fillDatabase } from './support/fill.ts';
import { numberFrom, runBench, type Cleanup } from './support/lifecycle.ts';
import { percentile } from './support/measure.ts';
import { seededRandom, type Random } from './support/random.ts';

const DEFAULTS = { procedures: 20_000, events: 800_000, rounds: 300 };
const options = {
  procedures: numberFrom('BENCH_PROCEDURES', DEFAULTS.procedures),
  events: numberFrom('BENCH_EVENTS', DEFAULTS.events),
  rounds: numberFrom('BENCH_ROUNDS', DEFAULTS.rounds),
  warmup: numberFrom('BENCH_WARMUP', 30),
  seed: numberFrom('BENCH_SEED', 20261203),
  /** Case workers per authority besides the demo one (assignees and deputies). */
  teamSize: numberFrom('BENCH_TEAM', 8),
  timeoutMinutes: numberFrom('BENCH_TIMEOUT_MINUTES', 20),
};

const TENANTS = {
  'Kreis Paderborn': 'sachbearbeitung@kreis-paderborn.example',
  'Bezirksregierung Münster': 'sachbearbeitung@brms.example',
} as const;

const VARIANTS: { label: string; filter: AssignmentFilter; api: string; page: string }[] = [
  { label: 'Mein Team', filter: 'team', api: 'team', page: 'team' },
  { label: 'Mir zugewiesen', filter: 'mine', api: 'mine', page: 'mir' },
  { label: 'Nicht zugewiesen', filter: 'unassigned', api: 'unassigned', page: 'keine' },
];

const log = (line: string) => console.log(line);

/**
 * Assignments as an authority has them: 70 % of the open cases assigned, a deputy for most; the
 * demo case worker holds a share of the team's cases (as worker or deputy), so "mine" is a real
 * subset. 3 % of the cases have a follow-up due today, 5 % one in the future.
 */
async function assignCases(admin: pg.ClientBase, random: Random, today: string) {
  const tenants = await admin.query<{ id: string }>(
    "select id from organisations where kind = 'authority'",
  );
  const demo = await admin.query<{ id: string; organisation_id: string }>(
    "select u.id, m.organisation_id from users u join memberships m on m.user_id = u.id where m.role = 'case_worker'",
  );
  const teams = new Map<string, string[]>();
  for (const { id: tenantId } of tenants.rows) {
    const created = await admin.query<{ id: string }>(
      `insert into users (email, display_name, password_hash)
       select 'bench-' || $1::text || '-' || g || '@bench.invalid', 'Sachbearbeitung ' || g, 'x'
       from generate_series(1, $2::int) g returning id`,
      [tenantId, options.teamSize],
    );
    const ids = created.rows.map((r) => r.id);
    await admin.query(
      `insert into memberships (user_id, organisation_id, role)
       select unnest($1::uuid[]), $2, 'case_worker'`,
      [ids, tenantId],
    );
    const own = demo.rows.filter((d) => d.organisation_id === tenantId).map((d) => d.id);
    teams.set(tenantId, [...own, ...ids]);
  }
  const open = await admin.query<{ id: string; tenant_id: string }>(
    'select id, tenant_id from procedures where closed_at is null order by id',
  );
  const rows = { procedure: [] as string[], tenant: [] as string[], worker: [] as string[] };
  const deputies: (string | null)[] = [];
  const followUps = { procedure: [] as string[], tenant: [] as string[], due: [] as string[] };
  const creators: string[] = [];
  for (const p of open.rows) {
    const team = teams.get(p.tenant_id)!;
    if (random.chance(0.7)) {
      const worker = random.pick(team);
      const others = team.filter((m) => m !== worker);
      rows.procedure.push(p.id);
      rows.tenant.push(p.tenant_id);
      rows.worker.push(worker);
      deputies.push(random.chance(0.8) ? random.pick(others) : null);
    }
    const roll = random.next();
    if (roll < 0.08) {
      followUps.procedure.push(p.id);
      followUps.tenant.push(p.tenant_id);
      followUps.due.push(roll < 0.03 ? today : '2099-12-31');
      creators.push(random.pick(team));
    }
  }
  await admin.query(
    `insert into procedure_assignments (procedure_id, tenant_id, case_worker_id, deputy_id, assigned_at)
     select * , now() from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])`,
    [rows.procedure, rows.tenant, rows.worker, deputies],
  );
  await admin.query(
    `insert into procedure_follow_ups (procedure_id, tenant_id, due_date, text, created_by, created_at)
     select p, t, d, 'Wiedervorlage (Benchmark)', c, now()
     from unnest($1::uuid[], $2::uuid[], $3::date[], $4::uuid[]) as x(p, t, d, c)`,
    [followUps.procedure, followUps.tenant, followUps.due, creators],
  );
  return { open: open.rowCount ?? 0, assigned: rows.procedure.length, followUps: creators.length };
}

interface Series {
  tenant: string;
  variant: string;
  transport: string;
  times: number[];
  rows: number;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

async function main(cleanup: Cleanup): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const random = seededRandom(options.seed);
  const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
  cleanup.removeDir(tmp);
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
  const now = systemClock.now();
  const today = berlinDate(now);
  log(`Fülle ${options.procedures} Verfahren …`);
  const fill = await fillDatabase(admin, {
    procedures: options.procedures,
    events: options.events,
    paderbornShare: 0.02,
    brmsShare: 0.05,
    batchSize: 500,
    random,
    now,
    today,
    log,
  });
  const assigned = await assignCases(admin, random, today);
  log(`  ${JSON.stringify(fill.rows)}; ${JSON.stringify(assigned)}`);
  await admin.query('vacuum analyze');

  const app = await buildApp(benchDeps(db, tmp));
  cleanup.add(() => app.close());
  await app.ready();
  const series: Series[] = [];
  const plans: {
    tenant: string;
    variant: string;
    explain: Awaited<ReturnType<typeof explainAnalyze>>;
  }[] = [];
  for (const [tenant, email] of Object.entries(TENANTS)) {
    const client = new Client(app);
    await client.logIn(email);
    const sample = tenant === 'Kreis Paderborn' ? fill.paderborn : fill.brms;
    const me = (await admin.query<{ id: string }>('select id from users where email = $1', [email]))
      .rows[0]!.id;
    const kinds = VARIANTS.flatMap((v) => [
      { v, transport: 'JSON', url: `/api/v1/work-queue?assignment=${v.api}` },
      { v, transport: 'HTML', url: `/arbeitskorb?zuweisung=${v.page}` },
    ]);
    const own = kinds.map((k) => {
      const s: Series = { tenant, variant: k.v.label, transport: k.transport, times: [], rows: 0 };
      series.push(s);
      return s;
    });
    for (let round = 0; round < options.warmup + options.rounds; round++) {
      for (let j = 0; j < kinds.length; j++) {
        const index = (round + j) % kinds.length;
        const started = performance.now();
        const response = await client.get(kinds[index]!.url);
        const ms = performance.now() - started;
        if (response.statusCode !== 200)
          throw new Error(`${kinds[index]!.url}: Status ${response.statusCode}`);
        if (round >= options.warmup) own[index]!.times.push(ms);
        if (kinds[index]!.transport === 'JSON')
          own[index]!.rows = response.json<unknown[]>().length;
      }
    }
    for (const v of VARIANTS) {
      const [query] = await captureQueries(url, (logged) =>
        listProcedures(
          logged,
          { tenantIds: [sample.id] },
          { today, internal: { userId: me, assignment: v.filter } },
        ),
      );
      plans.push({ tenant, variant: v.label, explain: await explainAnalyze(admin, query!, 20) });
    }
  }

  const custom =
    options.procedures !== DEFAULTS.procedures ||
    options.events !== DEFAULTS.events ||
    options.rounds !== DEFAULTS.rounds;
  const lines: string[] = [
    `# Benchmark Arbeitskorb mit Zuständigkeitsfiltern — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Befehl: \`node --import tsx bench/work-queue-assignment.bench.ts\` · Gesamtlaufzeit ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`,
    '',
    `${options.procedures} Verfahren (${fill.rows.events} Audit-Ereignisse, ${fill.rows.deadlines} Fristen), davon ${assigned.open} laufend; ${assigned.assigned} zugewiesen (70 %, meist mit Vertretung), ${assigned.followUps} Wiedervorlagen (3 % heute fällig). Je Behörde ${options.teamSize} weitere Sachbearbeiterinnen und Sachbearbeiter. Kreis Paderborn ${fill.paderborn.procedures} Verfahren, Bezirksregierung Münster ${fill.brms.procedures}.`,
    '',
    `Maschine: ${availableParallelism()} Kerne (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; Last vorher ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, nachher ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' / ',
      )}. Die Maschine ist geteilt und laut: Aussagekräftig sind die Verhältnisse innerhalb dieses Laufs, nicht die absoluten Zeiten.`,
    '',
    `Verschränkt gemessen: ${options.rounds} Runden nach ${options.warmup} Aufwärmrunden; jede Runde sendet jede Variante einmal (app.inject, angemeldet), in wechselnder Reihenfolge. Jede Antwort muss Status 200 haben.`,
    '',
    '| Behörde | Filter | Weg | Zeilen | Median ms | p95 ms | Median ÷ Team | p95 ÷ Team |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of series) {
    const sorted = [...s.times].sort((a, b) => a - b);
    const team = series.find(
      (o) => o.tenant === s.tenant && o.transport === s.transport && o.variant === 'Mein Team',
    )!;
    const teamSorted = [...team.times].sort((a, b) => a - b);
    const rows = series.find(
      (o) => o.tenant === s.tenant && o.variant === s.variant && o.transport === 'JSON',
    )!.rows;
    lines.push(
      `| ${s.tenant} | ${s.variant} | ${s.transport} | ${rows} | ${fmt(percentile(sorted, 0.5))} | ${fmt(percentile(sorted, 0.95))} | ${(percentile(sorted, 0.5) / percentile(teamSorted, 0.5)).toFixed(2)} | ${(percentile(sorted, 0.95) / percentile(teamSorted, 0.95)).toFixed(2)} |`,
    );
  }
  lines.push(
    '',
    '## Datenbankzeit (EXPLAIN ANALYZE der SQL von listProcedures, Median aus 20 Läufen)',
    '',
    '| Behörde | Filter | Ausführung ms | Planung ms |',
    '|---|---|---:|---:|',
    ...plans.map(
      (p) =>
        `| ${p.tenant} | ${p.variant} | ${fmt(p.explain.executionMs)} | ${fmt(p.explain.planningMs)} |`,
    ),
    '',
  );
  for (const p of plans.filter((x) => x.tenant === 'Bezirksregierung Münster')) {
    lines.push(`### Plan: ${p.tenant}, ${p.variant}`, '', '```', p.explain.plan, '```', '');
  }
  const markdown = lines.join('\n');
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`work-queue-assignment-${today}${custom ? '-custom' : ''}.md`, resultsDir);
  writeFileSync(file, `${markdown}\n`);
  console.log(`\n${markdown}`);
}

await runBench(main, options.timeoutMinutes);
