/**
 * Benchmark: the Förderfinder over 300 programme versions — the five real ones plus generated
 * variants of them (other validFrom, scaled thresholds and maxima, some with a call deadline,
 * some not yet in force) — per request through the whole HTTP stack (buildApp, real embedded
 * PostgreSQL for sessions and the app's hooks), with app.inject and over real HTTP. In the same
 * run, two trivial pages are measured the same way: /impressum (an HTML page through the layout)
 * and /healthz (JSON); the report gives the ratio of the finder's p50/p95 to theirs.
 * Run: `node --import tsx bench/funding-finder.bench.ts` (BENCH_REQUESTS, default 100; under two
 * minutes on two shared cores).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { versionsInForce } from '../src/funding/finder/finder.service.ts';
import { fundingProgrammeVersions } from '../src/law/funding/index.ts';
import type { FundingProgrammeVersion } from '../src/law/funding/index.ts';
import type { Rule } from '../src/law/rules/index.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';
import { loadText, measureEach, type Reply, type Stats } from './support/measure.ts';

const REQUESTS = numberFrom('BENCH_REQUESTS', 100);
const WARMUP = numberFrom('BENCH_WARMUP', 10);
const TOTAL_VERSIONS = 300;
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Scales every literal numeric threshold of a rule tree, except the sector divisions. */
function scaleRule(rule: Rule, factor: number): Rule {
  switch (rule.kind) {
    case 'all':
    case 'any':
      return { ...rule, rules: rule.rules.map((r) => scaleRule(r, factor)) };
    case 'not':
      return { ...rule, rule: scaleRule(rule.rule, factor) };
    case 'compare':
      return rule.fact !== 'naceDivision' &&
        'value' in rule.than &&
        typeof rule.than.value === 'number'
        ? { ...rule, than: { value: Math.round(rule.than.value * factor) } }
        : rule;
    case 'range':
    case 'in-set':
      return rule;
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A variant of a real programme version: another id, validity, thresholds and maximum. */
function variant(
  base: FundingProgrammeVersion,
  programme: number,
  version: number,
): FundingProgrammeVersion {
  const factor = 0.5 + ((programme * 7 + version * 3) % 11) / 10;
  const amount = base.amount;
  const scaled =
    amount.kind === 'share-of-costs'
      ? { ...amount, maxCents: Math.round(amount.maxCents * factor) }
      : amount.kind === 'per-unit'
        ? {
            ...amount,
            tiers: amount.tiers.map((t) => ({ ...t, maxCents: Math.round(t.maxCents * factor) })),
          }
        : { ...amount, capPerPersonCents: Math.round(amount.capPerPersonCents * factor) };
  const validFrom =
    version === 0
      ? addDays('2024-01-01', programme * 3)
      : addDays('2026-01-01', (programme * 5) % 500);
  return {
    ...base,
    programmeId: `${base.programmeId}-variante-${programme}`,
    versionId: `${base.programmeId}-variante-${programme}-${version}`,
    title: `${base.title} (Variante ${programme}.${version})`,
    validFrom,
    ...(programme % 4 === 0
      ? { callOpenUntil: addDays(TODAY, ((programme * 13) % 400) - 60) }
      : {}),
    eligibility: scaleRule(base.eligibility, factor),
    amount: scaled,
  };
}

function catalogue(): FundingProgrammeVersion[] {
  const list: FundingProgrammeVersion[] = [...fundingProgrammeVersions];
  for (let programme = 0; list.length < TOTAL_VERSIONS; programme++) {
    const base = fundingProgrammeVersions[programme % fundingProgrammeVersions.length]!;
    list.push(variant(base, programme, 0));
    if (list.length < TOTAL_VERSIONS) list.push(variant(base, programme, 1));
  }
  return list;
}

const FINDER_QUERY = new URLSearchParams({
  pruefen: '1',
  naceCode: '25.11',
  staffHeadcount: '30',
  turnover: '5.000.000',
  balanceSheet: '3.000.000',
  seatAgs: '05774032',
  undertakingInDifficulty: 'nein',
  eligibleCosts: '80.000',
  plannedStart: addDays(TODAY, 90),
  siteInNrw: 'ja',
  consumptionKwh: '2.000.000',
}).toString();
const FINDER_BODY = JSON.stringify({
  company: {
    naceCode: '25.11',
    staffHeadcount: 30,
    turnoverCents: 500_000_000,
    balanceSheetCents: 300_000_000,
    seatAgs: '05774032',
    undertakingInDifficulty: false,
    consumptionKwh: 2_000_000,
  },
  measure: { eligibleCostsCents: 8_000_000, plannedStart: addDays(TODAY, 90), siteInNrw: true },
});

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
  await seedDemo(db);
  const versions = catalogue();
  const inForce = versionsInForce(versions, TODAY).length;
  const app = await buildApp(benchDeps(db, tmp), { fundingCatalogue: versions });
  cleanup.add(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  type Target = { name: string; method: 'GET' | 'POST'; url: string; body?: string };
  const targets: Target[] = [
    {
      name: 'Förderfinder HTML (GET /foerderfinder?…)',
      method: 'GET',
      url: `/foerderfinder?${FINDER_QUERY}`,
    },
    {
      name: 'Förderfinder JSON (POST /api/v1/funding/finder)',
      method: 'POST',
      url: '/api/v1/funding/finder',
      body: FINDER_BODY,
    },
    { name: 'Kleine Seite HTML (GET /impressum)', method: 'GET', url: '/impressum' },
    { name: 'Kleine Antwort JSON (GET /healthz)', method: 'GET', url: '/healthz' },
  ];
  const inject = (t: Target) => async (): Promise<Reply> => {
    const r = await app.inject({
      method: t.method,
      url: t.url,
      ...(t.body ? { payload: t.body, headers: { 'content-type': 'application/json' } } : {}),
    });
    return { status: r.statusCode, body: r.body };
  };
  const http = (t: Target) => async (): Promise<Reply> => {
    const r = await fetch(base + t.url, {
      method: t.method,
      ...(t.body ? { body: t.body, headers: { 'content-type': 'application/json' } } : {}),
    });
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
  const find = (name: string, transport: string) =>
    results.find((r) => r.name.startsWith(name) && r.transport === transport)!;
  const lines = [
    `# Förderfinder über ${versions.length} Programmfassungen (${new Date().toISOString().slice(0, 10)})`,
    '',
    `${versions.length} Fassungen im Katalog, ${inForce} am ${TODAY} in Kraft und geprüft, dazu 3 Entlastungsinstrumente (mit Verbrauch berechnet). ` +
      `${REQUESTS} Anfragen je Messung nach ${WARMUP} Aufwärm-Anfragen, nacheinander. Kerne: ${availableParallelism()}, Last vorher: ${load}.`,
    '',
    '| Messung | Weg | Anfragen | p50 ms | p95 ms | p99 ms | max ms | Anfragen/s | Antwort KiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.transport} | ${r.requests} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.perSecond)} | ${(r.bytes / 1024).toFixed(1)} |`,
    ),
    '',
    '| Verhältnis | Weg | p50 | p95 |',
    '|---|---|---:|---:|',
    ...(['inject', 'HTTP'] as const).flatMap((transport) =>
      [
        [
          'Förderfinder HTML / kleine Seite HTML',
          find('Förderfinder HTML', transport),
          find('Kleine Seite HTML', transport),
        ],
        [
          'Förderfinder JSON / kleine Antwort JSON',
          find('Förderfinder JSON', transport),
          find('Kleine Antwort JSON', transport),
        ],
      ].map(([label, a, b]) => {
        const x = a as Stats;
        const y = b as Stats;
        return `| ${label as string} | ${transport} | ${(x.p50 / y.p50).toFixed(1)} × | ${(x.p95 / y.p95).toFixed(1)} × |`;
      }),
    ),
    '',
    `Last nachher: ${loadText()}.`,
  ];
  const report = lines.join('\n');
  console.log(report);
  const suffix = process.env.BENCH_REQUESTS ? '-custom' : '';
  writeFileSync(
    path.join(
      import.meta.dirname,
      'results',
      `funding-finder-${new Date().toISOString().slice(0, 10)}${suffix}.md`,
    ),
    `${report}\n`,
  );
}, 5);
