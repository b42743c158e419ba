/**
 * Benchmark: long work as background jobs (src/procedures/background/) on a procedure with 100,000
 * objections. The case worker's request to detect uniform objections (and to export them as CSV)
 * must return at once while the real queue (graphile-worker, as in the portal) does the work;
 * meanwhile the status page is requested every 250 ms and must stay fast.
 * Run: `node --import tsx bench/work-jobs.bench.ts` (BENCH_OBJECTIONS=20000 for a trial run).
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, jobHandlers } from '../src/app.ts';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createJobPool, startJobWorker } from '../src/platform/jobs.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { Client, csrfTokenFrom } from '../test/helpers/app.ts';
import { createPublishedProcedure, WORKER } from '../test/helpers/participation.ts';
import { benchDeps } from './support/app.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';

const OBJECTIONS = numberFrom('BENCH_OBJECTIONS', 100_000);
const log = (line: string) => console.log(line);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
};

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
  const deps = benchDeps(db, tmp);
  const app = await buildApp(deps);
  cleanup.add(() => app.close());
  await app.ready();
  const testApp = { app, deps, database: { db, url, drop: async () => {} }, close: async () => {} };
  const procedure = await createPublishedProcedure(testApp);

  // Every fifth objection is one of 200 form letters with a personal line; the rest are distinct
  // texts of 60 pseudo-words (generated in PostgreSQL, set-based).
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanup.add(() => admin.end());
  const filled = performance.now();
  await admin.query(
    `insert into objections (procedure_id, tenant_id, reference, received_at, channel, body, sha256, signatures, late)
     select $1, $2, 'EW-2026-' || lpad(nextval('objection_number_seq')::text, 7, '0'),
       now() - g * interval '1 second', 'web',
       case when g % 5 = 0
         then 'Gegen das Vorhaben erhebe ich Einwendungen wegen ' || (g / 5 % 200) ||
           ' Gründen: Lärm in der Nacht, Schattenwurf auf die Häuser, Gefährdung des Rotmilans und ' ||
           'der Fledermäuse, Wertverlust der Grundstücke und fehlende Prüfung der Alternativen. ' ||
           'Ich wohne seit ' || (g % 40) || ' Jahren hier.'
         else (select string_agg(substr(md5(g::text || w::text), 1, 3 + w % 6), ' ')
               from generate_series(1, 60) w)
       end,
       md5(g::text) || md5(g::text), 1, false
     from generate_series(1, $3::int) g`,
    [procedure.id, procedure.tenantId, OBJECTIONS],
  );
  log(
    `${OBJECTIONS.toLocaleString('de-DE')} Einwendungen gefüllt in ${((performance.now() - filled) / 1000).toFixed(1)} s`,
  );

  const pool = createJobPool(url);
  cleanup.add(() => pool.end());
  const runner = await startJobWorker({ pgPool: pool, handlers: jobHandlers(deps) });
  cleanup.add(() => runner.stop());
  const page = new Client(app);
  await page.logIn(WORKER);
  const groups = `/verfahren/${procedure.id}/einwendungen/gruppen`;

  async function measure(label: string, formPage: string, action: string, fields: object) {
    const csrf = csrfTokenFrom((await page.get(formPage)).body);
    const t0 = performance.now();
    const started = await page.post(action, { _csrf: csrf, ...fields });
    const requestMs = performance.now() - t0;
    const location = started.headers.location ?? '';
    if (started.statusCode !== 303) throw new Error(`${label}: ${started.statusCode}`);
    const jobId = location.split('/').at(-1)!;
    const statusMs: number[] = [];
    const began = performance.now();
    for (;;) {
      const s0 = performance.now();
      await page.get(location);
      statusMs.push(performance.now() - s0);
      const row = await db
        .selectFrom('work_jobs')
        .select(['state', 'started_at', 'finished_at', 'error_message'])
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      if (row.state === 'failed') throw new Error(`${label}: ${row.error_message}`);
      if (row.state === 'done') {
        const jobSeconds = (row.finished_at!.getTime() - row.started_at!.getTime()) / 1000;
        log(
          `${label}: Anfrage ${requestMs.toFixed(0)} ms; Auftrag ${jobSeconds.toFixed(1)} s ` +
            `(bis fertig gesehen ${((performance.now() - began) / 1000).toFixed(1)} s); Statusseite während des Laufs ` +
            `Median ${median(statusMs).toFixed(0)} ms, 95 % ${quantile(statusMs, 0.95).toFixed(0)} ms, ` +
            `max ${Math.max(...statusMs).toFixed(0)} ms (${statusMs.length} Abrufe)`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  log(
    `Kerne: ${availableParallelism()}, Last vorher: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await measure('Gruppen erkennen', groups, `${groups}/berechnen`, {});
  const jobs = `/verfahren/${procedure.id}/auftraege`;
  await measure('CSV-Export', jobs, `/verfahren/${procedure.id}/export/auftrag`, { art: 'csv' });
  await measure(
    'Schwärzungsvorschläge',
    jobs,
    `/verfahren/${procedure.id}/einwendungen/schwaerzungsvorschlaege`,
    {},
  );
  log(
    `Last nachher: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}, 30);
