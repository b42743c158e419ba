/**
 * Benchmark: recall and precision of the redaction detector per kind on the held-out split of the
 * annotated corpus (test/fixtures/redaction-corpus/heldout.jsonl). The detector was developed on
 * the dev split only. Run:
 *   node --import tsx bench/redaction-detector.bench.ts
 * Settings (environment): BENCH_SPLIT (heldout | dev, default heldout).
 *
 * Two runs: as the portal calls it (with the identity the objector gave in the form, where there
 * is one) and from the text alone. Exit code 1 if held-out recall on names, addresses, e-mails,
 * phones or IBANs falls below 0.95.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadCorpus,
  scoreCorpus,
  targetRecall,
  TARGET_KINDS,
  type CorpusScore,
} from '../test/fixtures/redaction-corpus/corpus.ts';

const split = process.env.BENCH_SPLIT === 'dev' ? 'dev' : 'heldout';
const docs = loadCorpus(split);
const fmt = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(3));

function table(score: CorpusScore): string {
  const rows = score.perKind.map(
    (k) =>
      `| ${k.kind} | ${k.gold} | ${k.found} | ${fmt(k.recall)} | ${k.detected} | ${k.correct} | ${fmt(k.precision)} |`,
  );
  return [
    '| Art | Goldspannen | gefunden | Trefferquote (Recall) | erkannt | davon richtig | Präzision |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

const started = process.hrtime.bigint();
const withKnown = scoreCorpus(docs, { useKnownIdentity: true });
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
const textOnly = scoreCorpus(docs, { useKnownIdentity: false });
const targets = TARGET_KINDS.map((kind) => ({ kind, recall: targetRecall(withKnown, kind) }));
const reached = targets.every((t) => t.recall >= 0.95);
const spans = docs.reduce((n, d) => n + d.spans.length, 0);
const date = new Date().toISOString().slice(0, 10);

const report = [
  `# Schwärzungserkennung – Trefferquote und Präzision (${date})`,
  '',
  `Korpus: ${split}, ${docs.length} Dokumente, ${spans} annotierte Stellen; ${docs.filter((d) => d.known).length} Dokumente aus dem Formular mit bekannter Identität. Laufzeit ${elapsedMs.toFixed(0)} ms für alle Dokumente.`,
  '',
  '## Wie im Portal (mit den Formularangaben, wo vorhanden)',
  '',
  table(withKnown),
  '',
  '## Nur aus dem Text',
  '',
  table(textOnly),
  '',
  '## Ziel: Trefferquote ≥ 0,95 für Namen, Anschriften (Straße und PLZ/Ort), E-Mail, Telefon, IBAN',
  '',
  ...targets.map((t) => `- ${t.kind}: ${fmt(t.recall)}${t.recall >= 0.95 ? '' : ' (verfehlt)'}`),
  '',
  reached ? '**Erreicht.**' : '**Nicht erreicht.**',
  '',
  '## Verfehlte Stellen (wie im Portal)',
  '',
  ...withKnown.misses.map((m) => `- ${m.id} ${m.kind}: „${m.text.replace(/\n/g, '⏎')}“`),
  '',
  '## Fehlalarme (wie im Portal)',
  '',
  ...withKnown.falseAlarms.map((m) => `- ${m.id} ${m.kind}: „${m.text.replace(/\n/g, '⏎')}“`),
  '',
].join('\n');

console.log(report);
const dir = path.join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const suffix = split === 'dev' ? '-dev' : '';
writeFileSync(path.join(dir, `redaction-detector-${date}${suffix}.md`), report);
process.exitCode = reached ? 0 : 1;
