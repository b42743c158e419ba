/**
 * Benchmark: the decision PDF (Genehmigungsbescheid) of a large formal case — 25 turbines, 60
 * adopted conditions, 40 application documents — built from its snapshot and rendered by the
 * letter renderer (PDF/A, embedded fonts), median of N runs, and the ratio to a 1-turbine case
 * (5 conditions, 5 documents) measured in the same run. No database: the snapshot is plain data,
 * so the numbers are those of content building and rendering, which sign-off and preview repeat.
 * Run: `node --import tsx bench/decision-pdf.bench.ts` (BENCH_RUNS, default 15).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildDecisionLetter } from '../src/permits/letters/decision.content.ts';
import { fixtureSnapshot } from '../src/permits/letters/snapshot.fixtures.ts';
import { PROFILE_FIXTURE } from '../src/procedures/letters/letter.fixtures.ts';
import { renderLetterPdf } from '../src/procedures/letters/letter.pdf.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function once(snapshot: ReturnType<typeof fixtureSnapshot>) {
  const started = performance.now();
  const pdf = await renderLetterPdf({
    content: buildDecisionLetter(snapshot),
    profile: PROFILE_FIXTURE,
    reference: snapshot.reference,
    date: snapshot.today,
    signatory: { name: 'Dr. Hanna Zeichner', function: 'Leiterin des Umweltamts' },
    contact: { name: 'Sabine Sachbearbeiterin', phone: null, email: null },
    logo: null,
  });
  return { ms: performance.now() - started, bytes: pdf.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(snapshot: ReturnType<typeof fixtureSnapshot>) {
  await once(snapshot); // warm-up: fonts loaded, code compiled
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await once(snapshot);
    times.push(run.ms);
    bytes = run.bytes;
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), bytes };
}

const large = fixtureSnapshot({
  typeKey: 'bimschg-formal',
  turbines: 25,
  conditions: 60,
  documents: 40,
});
const small = fixtureSnapshot({
  typeKey: 'bimschg-formal',
  turbines: 1,
  conditions: 5,
  documents: 5,
});
const smallResult = await measure(small);
const largeResult = await measure(large);
const ratio = largeResult.median / smallResult.median;
const fmt = (n: number) => n.toFixed(1);
const lines = [
  `# Decision PDF benchmark (${new Date().toISOString().slice(0, 10)})`,
  '',
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), ${RUNS} runs each after one warm-up.`,
  '',
  '| case | median ms | min ms | max ms | PDF bytes |',
  '|---|---:|---:|---:|---:|',
  `| 1 turbine, 5 conditions, 5 documents | ${fmt(smallResult.median)} | ${fmt(smallResult.min)} | ${fmt(smallResult.max)} | ${smallResult.bytes} |`,
  `| 25 turbines, 60 conditions, 40 documents | ${fmt(largeResult.median)} | ${fmt(largeResult.min)} | ${fmt(largeResult.max)} | ${largeResult.bytes} |`,
  '',
  `Ratio of the medians (large / small): ${ratio.toFixed(2)}.`,
  '',
];
const text = lines.join('\n');
console.log(text);
const file = new URL(
  `./results/decision-pdf-${new Date().toISOString().slice(0, 10)}.md`,
  import.meta.url,
);
writeFileSync(file, text);
