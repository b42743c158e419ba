/**
 * Benchmark: the monitoring dashboard with 20,000 permit procedures and 100,000 funding cases.
 * Run: `npm run bench -- bench/dashboard.bench.ts` (see bench/README.md).
 * Trial run: BENCH_PROCEDURES=2000 BENCH_FUNDING=10000 BENCH_REQUESTS=5 BENCH_RUNS=1 npm run bench -- bench/dashboard.bench.ts
 *
 * Fill (set-based, generate_series in PostgreSQL): permit procedures of the demo authorities with
 * their milestone events (submitted, complete, decided, delivered as far as each got) and decision
 * deadlines, 5 objections on every tenth procedure; funding cases of the demo funding body over two
 * programmes with commitments and payments on the ledger, and awards by size class.
 * Measure (in one run, in-process with app.inject, sequentially), on two portals over the same
 * database: cold (DASHBOARD_CACHE_SECONDS=0, every request computes its indicators) and warm (the
 * default lifetime: the first request to the overview computes all indicators into the store, the
 * rest are served from it). Pages: the overview, three indicator pages and a trivial page
 * (/impressum) as the reference in each part, p50/p95 and the ratio to the trivial page. Then the
 * time of each indicator (shared memo as in computeAll, and alone) and the median time to
 * recompute all indicators (computeAll).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { createMemo } from '../src/dashboard/cache.ts';
import { computeAll, computeIndicator } from '../src/dashboard/compute.ts';
import { INDICATORS } from '../src/dashboard/indicators.ts';
import { berlinToday } from '../src/dashboard/stand.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { REGISTER_FIGURES } from '../src/register-figures.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';
import { measure, type Stats } from './support/measure.ts';

const PROCEDURES = numberFrom('BENCH_PROCEDURES', 20_000);
const FUNDING = numberFrom('BENCH_FUNDING', 100_000);
const REQUESTS = numberFrom('BENCH_REQUESTS', 10);
const COLD_WARMUP = numberFrom('BENCH_COLD_WARMUP', 1);
const WARM_REQUESTS = numberFrom('BENCH_WARM_REQUESTS', 30);
const WARMUP = numberFrom('BENCH_WARMUP', 3);

const PAGES = [
  ['Triviale Seite /impressum', '/impressum'],
  ['Übersicht /monitoring', '/monitoring'],
  ['Kennzahl genehmigungsdauer', '/monitoring/genehmigungsdauer'],
  ['Kennzahl foerdermittel-kreise', '/monitoring/foerdermittel-kreise'],
  ['Kennzahl entscheidungsfristen', '/monitoring/entscheidungsfristen'],
] as const;
const RUNS = numberFrom('BENCH_RUNS', 5);

await runBench(async (cleanup) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-dashboard-'));
  cleanup.removeDir(tmp);
  const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
  cleanup.add(() => server.stop());
  const url = await ensureDatabase(server.url, 'bench');
  const db = createDb(url, { max: 4 });
  cleanup.add(() => db.destroy());
  await migrateToLatest(db, url);
  await seedDemo(db);

  const fillStarted = performance.now();
  // Permit procedures at the two demo authorities; day offsets make every milestone distinct.
  await sql`
    insert into procedures (tenant_id, reference, title, type_key, type_version, step, state, submitted_at)
    select (array(select id from organisations where name like 'Kreis Paderborn%' or name like 'Bezirksregierung Münster%' order by name))[1 + g % 2],
      'B-' || g, 'Vorhaben ' || g, case when g % 3 = 0 then 'bimschg-formal' else 'bimschg-simplified' end,
      '2024-07', 'submitted', '{}', timestamptz '2024-01-01 10:00+00' + (g % 700) * interval '1 day'
    from generate_series(1, ${PROCEDURES}) g`.execute(db);
  await sql`
    insert into procedure_events (procedure_id, seq, tenant_id, at, actor_role, type, data, hash)
    select p.id, m.seq, p.tenant_id, p.submitted_at + m.days * interval '1 day', 'case_worker', m.type, '{}', md5(p.id::text || m.seq)
    from procedures p
    cross join lateral (values
      (1, 0, 'application-submitted'),
      (2, 10 + (hashtext(p.id::text) & 31), 'completeness-confirmed'),
      (3, 60 + (hashtext(p.id::text) & 255), 'decision-issued'),
      (4, 70 + (hashtext(p.id::text) & 255), 'decision-delivered')
    ) as m(seq, days, type)
    where p.reference like 'B-%' and (m.seq <= 2 or hashtext(p.id::text) % 4 <> 0)`.execute(db);
  await sql`
    insert into procedure_deadlines (procedure_id, key, tenant_id, label, start_date, end_date, status, responsible, effect_on_expiry, rationale, citations)
    select p.id, 'decision', p.tenant_id, 'Entscheidungsfrist', p.submitted_at::date, (p.submitted_at + interval '7 months')::date,
      'running', 'authority', 'escalate', 'Bench', '[]'
    from procedures p where p.reference like 'B-%'`.execute(db);
  await sql`
    insert into objections (procedure_id, tenant_id, reference, received_at, channel, body, late, sha256)
    select p.id, p.tenant_id, 'EW-' || p.reference || '-' || n, p.submitted_at + interval '30 days', 'web', 'Einwendung', false, md5(p.id::text || n) || md5(n::text)
    from procedures p cross join generate_series(1, 5) n
    where p.reference like 'B-%' and hashtext(p.id::text) % 10 = 0`.execute(db);
  // Funding: two budget lines, cases, ledger movements (triggers off for the fill), awards.
  const body = (
    await sql<{
      id: string;
    }>`select id from organisations where name like 'Bezirksregierung Arnsberg%'`.execute(db)
  ).rows[0]!.id;
  const company = (
    await sql<{
      id: string;
    }>`select id from organisations where kind = 'company' order by name limit 1`.execute(db)
  ).rows[0]!.id;
  await sql`insert into funding_budget_lines (tenant_id, programme_id, budget_line, year, label)
    values (${body}, 'nrw-transformationskonzepte', '685 01', 2026, 'Bench'), (${body}, 'nrw-erstberatung-klimaneutral', '685 02', 2026, 'Bench')`.execute(
    db,
  );
  await sql`
    insert into procedures (tenant_id, applicant_org_id, reference, title, type_key, type_version, step, state, submitted_at)
    select ${body}, ${company}, 'FB-' || g, 'Antrag ' || g, 'funding-grant', '2026-01', 'submitted', '{}',
      timestamptz '2025-01-01 10:00+00' + (g % 500) * interval '1 day'
    from generate_series(1, ${FUNDING}) g`.execute(db);
  await sql`
    insert into funding_cases (procedure_id, tenant_id, applicant_org_id, line_id, programme_id, programme_version, measure_id, requested_cents, eligible_cents)
    select p.id, p.tenant_id, p.applicant_org_id, l.id, l.programme_id, '2026-01', 'm1', 1000000 + (hashtext(p.id::text) & 65535), 1000000
    from procedures p
    join funding_budget_lines l on l.budget_line = case when hashtext(p.id::text) % 2 = 0 then '685 01' else '685 02' end
    where p.reference like 'FB-%'`.execute(db);
  await sql`
    insert into procedure_events (procedure_id, seq, tenant_id, at, actor_role, type, data, hash)
    select procedure_id, 1, tenant_id, now() - interval '10 days', 'case_worker', 'grant-decided', '{}', md5(procedure_id::text)
    from funding_cases where hashtext(procedure_id::text) % 3 <> 0`.execute(db);
  await sql`alter table funding_ledger_entries disable trigger user`.execute(db);
  await sql`
    insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, procedure_id, reason, recorded_at)
    select fc.tenant_id, fc.line_id, k.kind, k.amount, fc.procedure_id, 'Bench', now() - interval '5 days'
    from funding_cases fc cross join lateral (values ('commitment', 900000), ('payment', 400000)) as k(kind, amount)
    where hashtext(fc.procedure_id::text) % 3 <> 0`.execute(db);
  await sql`alter table funding_ledger_entries enable trigger user`.execute(db);
  await sql`
    insert into funding_awards (tenant_id, procedure_id, recipient_name, recipient_size, programme_id, programme_title, aid_basis, aid_instrument, amount_cents, granted_on, purpose, reference)
    select fc.tenant_id, fc.procedure_id, 'Empfänger', (array['small', 'medium', 'large'])[1 + (hashtext(fc.procedure_id::text) & 3) % 3],
      fc.programme_id, 'Programm', 'Art. 22 AGVO', 'grant', 900000, current_date - 10, 'Bench', p.reference
    from funding_cases fc join procedures p on p.id = fc.procedure_id
    where hashtext(fc.procedure_id::text) % 3 <> 0`.execute(db);
  await sql`analyze`.execute(db);
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  // Two portals over the same database: one computes on every request, one keeps the figures.
  const cold = await buildApp(
    benchDeps(db, path.join(tmp, 'cold'), { DASHBOARD_CACHE_SECONDS: '0' }),
  );
  cleanup.add(() => cold.close());
  const warm = await buildApp(benchDeps(db, path.join(tmp, 'warm')));
  cleanup.add(() => warm.close());
  await cold.ready();
  await warm.ready();
  const get = (app: typeof cold, url: string) => async () => {
    const r = await app.inject({ url });
    return { status: r.statusCode, body: r.body };
  };
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1).replace('.', ','))
      .join(' / ');

  // Cold: every request computes its indicators (DASHBOARD_CACHE_SECONDS=0).
  const coldLoad = [load()];
  const coldStats: Stats[] = [];
  for (const [name, url] of PAGES) {
    coldStats.push(
      await measure({
        name,
        transport: 'inject',
        warmup: url === '/impressum' ? WARMUP : COLD_WARMUP,
        requests: url === '/impressum' ? WARM_REQUESTS : REQUESTS,
        send: get(cold, url),
      }),
    );
  }
  coldLoad.push(load());

  // Warm: the first request to the overview computes all indicators into the store, the rest
  // (the indicator pages included) are served from it.
  const warmLoad = [load()];
  const t0 = performance.now();
  const first = await warm.inject({ url: '/monitoring' });
  const firstMs = performance.now() - t0;
  if (first.statusCode !== 200) throw new Error(`/monitoring: Status ${first.statusCode}`);
  const warmStats: Stats[] = [];
  for (const [name, url] of PAGES) {
    warmStats.push(
      await measure({
        name,
        transport: 'inject',
        warmup: WARMUP,
        requests: WARM_REQUESTS,
        send: get(warm, url),
      }),
    );
  }
  warmLoad.push(load());

  // Time per indicator: as computeAll does it (one memo, the first user of shared rows reads
  // them), and alone (own memo, as an indicator page without the store does).
  const stand = berlinToday(new Date());
  const shared = createMemo();
  const perIndicator: { id: string; origin: string; sharedMs: number; aloneMs: number }[] = [];
  for (const definition of INDICATORS) {
    const t1 = performance.now();
    await computeIndicator(db, definition, stand, shared, REGISTER_FIGURES);
    const sharedMs = performance.now() - t1;
    const t2 = performance.now();
    await computeIndicator(db, definition, stand, createMemo(), REGISTER_FIGURES);
    const aloneMs = performance.now() - t2;
    perIndicator.push({ id: definition.id, origin: definition.origin.kind, sharedMs, aloneMs });
  }

  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const t1 = performance.now();
    count = (await computeAll(db, stand, REGISTER_FIGURES)).length;
    runs.push(performance.now() - t1);
  }
  runs.sort((a, b) => a - b);
  const recompute = runs[Math.floor(runs.length / 2)]!;
  const ms = (value: number) => value.toFixed(1);
  const table = (stats: Stats[]) => {
    const trivial = stats[0]!;
    return [
      '| Seite | Anfragen | p50 (ms) | p95 (ms) | p50 / trivial | p95 / trivial | Größe (KB) |',
      '|---|---|---|---|---|---|---|',
      ...stats.map(
        (s) =>
          `| ${s.name} | ${s.requests} | ${ms(s.p50)} | ${ms(s.p95)} | ${(s.p50 / trivial.p50).toFixed(0)} | ${(s.p95 / trivial.p95).toFixed(0)} | ${(s.bytes / 1024).toFixed(0)} |`,
      ),
    ];
  };
  const report = [
    `# Monitoring-Dashboard – ${stand}`,
    '',
    `${PROCEDURES} Genehmigungsverfahren, ${FUNDING} Förderfälle; Anfragen nacheinander, in einem Lauf (app.inject), zwei Portale über derselben Datenbank. Rechner: ${cpus().length} Kerne (${cpus()[0]?.model ?? '?'}). Füllen: ${fillSeconds.toFixed(0)} s.`,
    '',
    `## Kalt: jede Anfrage rechnet (DASHBOARD_CACHE_SECONDS=0)`,
    '',
    `${COLD_WARMUP} Anfrage(n) zum Aufwärmen je Kennzahlseite, ${WARMUP} für /impressum. Last (1/5/15 min) vorher ${coldLoad[0]}, nachher ${coldLoad[1]}.`,
    '',
    ...table(coldStats),
    '',
    `## Warm: Zwischenspeicher mit Standardlebensdauer (300 s)`,
    '',
    `Erste Anfrage der Übersicht (rechnet alle Kennzahlen in den Speicher): **${firstMs.toFixed(0)} ms**. Danach je Seite ${WARMUP} zum Aufwärmen und die gemessenen Anfragen, alle aus dem Speicher. Last vorher ${warmLoad[0]}, nachher ${warmLoad[1]}.`,
    '',
    ...table(warmStats),
    '',
    `## Neuberechnung`,
    '',
    `Alle ${count} Kennzahlen (computeAll), Median aus ${RUNS} Läufen: **${recompute.toFixed(0)} ms** (schnellster ${runs[0]!.toFixed(0)} ms, langsamster ${runs.at(-1)!.toFixed(0)} ms).`,
    '',
    'Je Kennzahl (ein Lauf): „gemeinsam“ in der Reihenfolge von computeAll mit einem Memo (wer geteilte Zeilen zuerst braucht, liest sie), „allein“ mit eigenem Memo wie eine Kennzahlseite ohne Speicher.',
    '',
    '| Kennzahl | Herkunft | gemeinsam (ms) | allein (ms) |',
    '|---|---|---|---|',
    ...perIndicator.map(
      (p) => `| ${p.id} | ${p.origin} | ${p.sharedMs.toFixed(0)} | ${p.aloneMs.toFixed(0)} |`,
    ),
    '',
  ].join('\n');
  console.log(report);
  const custom = PROCEDURES !== 20_000 || FUNDING !== 100_000 ? '-custom' : '';
  writeFileSync(new URL(`./results/dashboard-${stand}${custom}.md`, import.meta.url), report);
}, 90);
