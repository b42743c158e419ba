/**
 * Benchmark: the batch mode of the electricity-cost calculator (`industrieland relief --batch`)
 * over generated companies with a realistic spread of sectors and consumption: wall time, rows
 * per second, peak RSS and heap high-water. Runs a small and the full file in the same process, so
 * a memory that grows with the number of rows (instead of staying flat) shows at once.
 * No database. Run: `node --import tsx bench/relief-batch.bench.ts` (BENCH_COMPANIES, default
 * 10000; BENCH_SEED).
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { runReliefBatch } from '../src/funding/relief/relief.batch.ts';
import { UTF8_BOM } from '../src/platform/csv.ts';
import { progressLine } from '../src/platform/terminal-progress.ts';
import { seededRandom, type Random } from './support/random.ts';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const SEED = Number(process.env.BENCH_SEED ?? 20261203);
const SMALL = Math.max(1, Math.round(COMPANIES / 10));

/**
 * Sectors with a weight (how many companies of the file belong to them), a consumption range in
 * MWh and whether they are on the ETS and KUEBLL lists: most companies are small trade and
 * service businesses, a few are energy-intensive industry with consumption in the GWh range.
 */
const SECTORS = [
  { nace: '47.11', weight: 18, mwh: [20, 900], ets: false, kuebll: false },
  { nace: '56.10', weight: 10, mwh: [30, 400], ets: false, kuebll: false },
  { nace: '62.01', weight: 8, mwh: [10, 2_000], ets: false, kuebll: false },
  { nace: '10.71', weight: 10, mwh: [100, 5_000], ets: false, kuebll: false },
  { nace: '25.62', weight: 12, mwh: [200, 8_000], ets: false, kuebll: false },
  { nace: '22.21', weight: 8, mwh: [500, 30_000], ets: false, kuebll: true },
  { nace: '17.12', weight: 6, mwh: [5_000, 300_000], ets: true, kuebll: true },
  { nace: '20.13', weight: 6, mwh: [10_000, 800_000], ets: true, kuebll: true },
  { nace: '24.10', weight: 5, mwh: [50_000, 2_000_000], ets: true, kuebll: true },
  { nace: '24.42', weight: 4, mwh: [100_000, 3_000_000], ets: true, kuebll: true },
  { nace: '23.51', weight: 5, mwh: [20_000, 1_000_000], ets: true, kuebll: true },
  { nace: '35.11', weight: 3, mwh: [1_000, 50_000], ets: false, kuebll: false },
  { nace: '86.10', weight: 5, mwh: [1_000, 20_000], ets: false, kuebll: false },
] as const;

const HEADER = [
  'Unternehmen',
  'Stichtag',
  'Stromverbrauch kWh',
  'Elektromobilität kWh',
  'WZ-Code',
  'Strompreis ct/kWh',
  'EU-EHS-Liste',
  'Benchmark MWh',
  'EUA-Preis €/t',
  'Bruttowertschöpfung €',
  'KUEBLL Liste 1',
  'Referenzpreis €/MWh',
  'Unternehmen in Schwierigkeiten',
];

const german = (n: number, digits = 0) =>
  n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Log-uniform between min and max: as many companies at 100 MWh as between 1 and 10 GWh. */
function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

function companyRow(random: Random, index: number): string {
  const total = SECTORS.reduce((sum, s) => sum + s.weight, 0);
  let point = random.next() * total;
  const sector = SECTORS.find((s) => (point -= s.weight) < 0) ?? SECTORS[0];
  const mwh = logUniform(random, sector.mwh[0], sector.mwh[1]);
  const kwh = Math.round(mwh * 1000);
  // About 1 % of the rows carry a typing error, as real files do.
  const broken = random.chance(0.01);
  const price = 12 + random.next() * 14; // 12–26 ct/kWh without electricity tax
  const cells = [
    `Unternehmen ${index + 1}`,
    random.pick(['2025', '2026', '2026', '2026']),
    broken ? random.pick(['ca. 500 MWh', '-1000', '']) : german(kwh),
    random.chance(0.2) ? german(Math.round(kwh * random.next() * 0.05)) : '',
    random.chance(0.005) ? '00.00' : sector.nace,
    random.chance(0.9) ? german(price, 2) : '',
    sector.ets ? 'ja' : 'nein',
    sector.ets ? german(mwh * (0.6 + random.next() * 0.4), 1) : '',
    sector.ets ? german(60 + random.next() * 30, 2) : '',
    german(Math.round(kwh * (0.5 + random.next() * 5)) / 100, 2),
    sector.kuebll ? 'ja' : 'nein',
    random.chance(0.8) ? german(80 + random.next() * 40, 2) : '',
    random.chance(0.02) ? 'ja' : 'nein',
  ];
  return `${cells.join(';')}\r\n`;
}

function writeCompanies(file: string, count: number): void {
  const random = seededRandom(SEED);
  const lines = [UTF8_BOM + `${HEADER.join(';')}\r\n`];
  for (let i = 0; i < count; i++) lines.push(companyRow(random, i));
  writeFileSync(file, lines.join(''));
}

interface Run {
  companies: number;
  seconds: number;
  rowsPerSecond: number;
  failed: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  heapBeforeMiB: number;
  heapPeakMiB: number;
}

const MiB = 1024 * 1024;

async function runBatch(dir: string, count: number): Promise<Run> {
  const input = path.join(dir, `firmen-${count}.csv`);
  const output = path.join(dir, `ergebnis-${count}.csv`);
  writeCompanies(input, count);
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  // Sampled while the batch runs: the loop yields at every read and write, so samples happen.
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }, 10);
  const out = createWriteStream(output);
  const started = performance.now();
  const summary = await runReliefBatch({
    file: input,
    out,
    defaults: {},
    computedOn: '2026-12-03',
    progress: progressLine(process.stderr),
    report: () => undefined,
  });
  out.end();
  await finished(out);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = process.memoryUsage();
  rssPeak = Math.max(rssPeak, after.rss);
  heapPeak = Math.max(heapPeak, after.heapUsed);
  if (summary.rows !== count) throw new Error(`${summary.rows} Zeilen statt ${count}`);
  return {
    companies: count,
    seconds,
    rowsPerSecond: count / seconds,
    failed: summary.failed,
    rssBeforeMiB: before.rss / MiB,
    rssPeakMiB: rssPeak / MiB,
    heapBeforeMiB: before.heapUsed / MiB,
    heapPeakMiB: heapPeak / MiB,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'industrieland-relief-bench-'));
const timer = setTimeout(() => {
  console.error('Zeitlimit von 2 Minuten überschritten.');
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}, 120_000);
try {
  const loadBefore = loadavg();
  const small = await runBatch(dir, SMALL);
  const full = await runBatch(dir, COMPANIES);
  const processPeakMiB = (process.resourceUsage().maxRSS * 1024) / MiB;
  const date = new Date().toISOString().slice(0, 10);
  const f = (n: number, d = 1) => n.toLocaleString('de-DE', { maximumFractionDigits: d });
  const row = (r: Run) =>
    `| ${f(r.companies, 0)} | ${f(r.seconds, 2)} | ${f(r.rowsPerSecond, 0)} | ${r.failed} | ${f(r.rssBeforeMiB)} → ${f(r.rssPeakMiB)} | ${f(r.heapBeforeMiB)} → ${f(r.heapPeakMiB)} |`;
  const report = [
    `# Stromkostenrechner im Stapelbetrieb – ${date}`,
    '',
    `Rechner: ${cpus().length} Kerne (${cpus()[0]?.model ?? '?'}), ${f(totalmem() / 1024 ** 3)} GiB, Node ${process.version}; Last vorher ${loadBefore.map((l) => f(l, 2)).join(' / ')}, nachher ${loadavg()
      .map((l) => f(l, 2))
      .join(' / ')}. Saat ${SEED}.`,
    '',
    '| Unternehmen | Sekunden | Zeilen/s | fehlerhaft | RSS MiB (vorher → Spitze) | Heap MiB (vorher → Spitze) |',
    '|---:|---:|---:|---:|---:|---:|',
    row(small),
    row(full),
    '',
    `Höchster RSS des ganzen Prozesses (getrusage maxRSS): ${f(processPeakMiB)} MiB.`,
    `Heap-Zuwachs bei ${f(small.companies, 0)} Zeilen: ${f(small.heapPeakMiB - small.heapBeforeMiB)} MiB, bei ${f(full.companies, 0)} Zeilen: ${f(full.heapPeakMiB - full.heapBeforeMiB)} MiB.`,
    '',
  ].join('\n');
  console.log(report);
  const custom = process.env.BENCH_COMPANIES || process.env.BENCH_SEED ? '-custom' : '';
  writeFileSync(
    path.join(import.meta.dirname, 'results', `relief-batch-${date}${custom}.md`),
    report,
  );
} finally {
  clearTimeout(timer);
  rmSync(dir, { recursive: true, force: true });
}
