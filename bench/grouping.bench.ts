/**
 * Benchmark: grouping of uniform submissions (§ 17 VwVfG) at several corpus sizes, today's code
 * against a baseline commit, measured in the same process with interleaved runs. Run:
 *   node --import tsx bench/grouping.bench.ts
 *
 * Corpus: src/participation/grouping/evaluation.fixtures.ts (real texts from shared/data/text,
 * short, medium and long form letters with typos, swapped, dropped and added sentences and
 * varied salutations and sign-offs, individual objections on the same topics). The benchmark
 * uses the 'heldout' half of the texts, which the grouping was not tuned on, and its own seeds.
 *
 * Settings (environment):
 *   BENCH_SIZES     comma-separated corpus sizes (default 1000,3000,20000,100000)
 *   BENCH_RUNS      runs per size and variant, interleaved (default 3)
 *   BENCH_SEED      corpus seed (default 9)
 *   BENCH_BASELINE  commit whose src/participation/grouping is the baseline (default: the code
 *                   before the recall fix)
 *
 * Time is reported as wall time and as CPU time of the process: on a shared machine wall time
 * also counts the time other processes hold the cores, CPU time much less so. The ratio new/old
 * is taken per interleaved pair and its median reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildEvaluationCorpus,
  readSourceTexts,
  type EvaluationCorpus,
} from '../src/participation/grouping/evaluation.fixtures.ts';
import {
  groupNearDuplicates,
  type GroupingItem,
  type GroupingResult,
} from '../src/participation/grouping/index.ts';
import { scoreGrouping, type Scores } from '../src/participation/grouping/scores.ts';
import { numberFrom } from './support/lifecycle.ts';

const root = path.resolve(import.meta.dirname, '..');
const sizes = (process.env.BENCH_SIZES ?? '1000,3000,20000,100000').split(',').map(Number);
const runs = numberFrom('BENCH_RUNS', 3);
const seed = numberFrom('BENCH_SEED', 9);
const baselineRef = process.env.BENCH_BASELINE ?? 'b963b64e4d9ded316939f47ef33a96c49572b77a';

type Group = (items: readonly GroupingItem[]) => GroupingResult;

/** Writes the baseline's grouping module into a temporary folder and imports it. */
async function loadBaseline(dir: string): Promise<Group> {
  const folder = 'src/participation/grouping';
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const files = git('ls-tree', '--name-only', `${baselineRef}:${folder}`)
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.includes('.fixtures.'));
  mkdirSync(dir, { recursive: true });
  for (const file of files)
    writeFileSync(path.join(dir, file), git('show', `${baselineRef}:${folder}/${file}`));
  const module = (await import(pathToFileURL(path.join(dir, 'group.ts')).href)) as {
    groupNearDuplicates: Group;
  };
  return (items) => module.groupNearDuplicates(items);
}

interface Timing {
  wall: number;
  cpu: number;
}

function timed(
  group: Group,
  items: readonly GroupingItem[],
): { result: GroupingResult; t: Timing } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = group(items);
  const used = process.cpuUsage(cpu);
  return {
    result,
    t: { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Per-copy recall of the copies of short form letters only. */
function shortRecall(result: GroupingResult, corpus: EvaluationCorpus): number {
  const shortIds = [...corpus.truth].filter(([, f]) => corpus.kinds.get(f) === 'short');
  const truth = new Map(shortIds);
  const groups = result.groups
    .map((g) => ({ ...g, members: g.members.filter((m) => truth.has(m)) }))
    .filter((g) => g.members.length > 0);
  return scoreGrouping({ groups, singletons: [] }, truth).copyRecall;
}

interface Row {
  size: number;
  corpus: EvaluationCorpus;
  old: { scores: Scores; short: number; times: Timing[] };
  now: { scores: Scores; short: number; times: Timing[] };
  ratios: { wall: number[]; cpu: number[] };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'grouping-bench-'));
const cleanup = (): void => rmSync(tmp, { recursive: true, force: true });
process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});
const rows: Row[] = [];
try {
  const baseline = await loadBaseline(path.join(tmp, 'baseline'));
  const current: Group = (items) => groupNearDuplicates(items);
  const source = readSourceTexts();
  for (const size of sizes) {
    const corpus = buildEvaluationCorpus(source, { size, seed, half: 'heldout' });
    const old = { times: [] as Timing[], result: null as GroupingResult | null };
    const now = { times: [] as Timing[], result: null as GroupingResult | null };
    const ratios = { wall: [] as number[], cpu: [] as number[] };
    // One warm-up run each (JIT), then interleaved pairs, alternating which goes first.
    timed(baseline, corpus.items);
    timed(current, corpus.items);
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? ([old, now] as const) : ([now, old] as const);
      for (const variant of order) {
        const { result, t } = timed(variant === old ? baseline : current, corpus.items);
        variant.result = result;
        variant.times.push(t);
      }
      ratios.wall.push(now.times.at(-1)!.wall / old.times.at(-1)!.wall);
      ratios.cpu.push(now.times.at(-1)!.cpu / old.times.at(-1)!.cpu);
      console.error(`${size}: run ${run + 1}/${runs} done (load ${loadavg()[0]!.toFixed(1)})`);
    }
    rows.push({
      size,
      corpus,
      old: {
        scores: scoreGrouping(old.result!, corpus.truth),
        short: shortRecall(old.result!, corpus),
        times: old.times,
      },
      now: {
        scores: scoreGrouping(now.result!, corpus.truth),
        short: shortRecall(now.result!, corpus),
        times: now.times,
      },
      ratios,
    });
  }
} finally {
  cleanup();
}

const f = (n: number, digits = 4): string => n.toFixed(digits);
const s = (n: number): string => `${n.toFixed(2)} s`;
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `# Grouping benchmark (${date})`,
  '',
  `Machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; shared with other busy processes (load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}), so wall times are inflated and noisy — compare the ratios.`,
  `Corpus: evaluation.fixtures.ts, held-out half of the texts, seed ${seed}. Baseline: src/participation/grouping at ${baselineRef}. ${runs} interleaved runs per variant after one warm-up each.`,
  '',
  '| objections | families (short/medium/long) | individual (quoting a letter) | variant | pairwise precision | pairwise recall | per-copy precision | per-copy recall | short letters per-copy recall | ungrouped copies | wall (median) | CPU (median) | ratio new/old wall · CPU (median of pairs) |',
  '|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];
for (const row of rows) {
  const kinds = [...row.corpus.kinds.values()];
  const count = (k: string): number => kinds.filter((x) => x === k).length;
  const families = `${kinds.length} (${count('short')}/${count('medium')}/${count('long')})`;
  const individuals = `${row.corpus.individuals} (${row.corpus.quoting})`;
  for (const [name, v] of [
    ['before', row.old],
    ['now', row.now],
  ] as const) {
    lines.push(
      `| ${row.corpus.items.length} | ${families} | ${individuals} | ${name} | ${f(v.scores.pairPrecision)} | ${f(v.scores.pairRecall)} | ${f(v.scores.copyPrecision)} | ${f(v.scores.copyRecall)} | ${f(v.short)} | ${v.scores.ungroupedCopies} of ${v.scores.copies} | ${s(median(v.times.map((t) => t.wall)))} | ${s(median(v.times.map((t) => t.cpu)))} | ${name === 'now' ? `${f(median(row.ratios.wall), 2)} · ${f(median(row.ratios.cpu), 2)} (pairs: ${row.ratios.cpu.map((r) => r.toFixed(2)).join(', ')})` : ''} |`,
    );
  }
}
const report = `${lines.join('\n')}\n`;
console.log(report);
// Runs with other sizes get their own file, so they do not overwrite the recorded default run.
const suffix = process.env.BENCH_SIZES === undefined ? '' : `-${sizes.join('-')}`;
writeFileSync(path.join(import.meta.dirname, 'results', `grouping-${date}${suffix}.md`), report);
