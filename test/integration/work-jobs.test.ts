import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs, startJobWorker, createJobPool } from '../../src/platform/jobs.ts';
import { PARTICIPATION_WORK_KINDS } from '../../src/participation/jobs/participation.work-kinds.ts';
import {
  requestWork,
  runWork,
  UNEXPECTED_FAILURE,
} from '../../src/procedures/background/work.actions.ts';
import { INTERRUPTED_MESSAGE } from '../../src/procedures/background/work.queries.ts';
import type { WorkKind, WorkKinds } from '../../src/procedures/background/work.types.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';

/**
 * Long work as background jobs (src/procedures/background/): the request answers at once with a status
 * page, the real queue (graphile-worker) runs the job, the page shows progress, time left and the
 * result; one job per procedure and kind; failures and lost processes end in a German message;
 * only the authority's case workers see any of it.
 */

const AGENCY = 'toeb@lanuk.example';
const SUPERVISOR = 'aufsicht@mwike.example';
const OTHER_AUTHORITY = 'sachbearbeitung@brms.example';

const FORM_LETTER =
  'Gegen die Genehmigung der geplanten Windenergieanlagen erhebe ich Einwendungen, weil der Lärm in der Nacht ' +
  'mein Wohnhaus erreicht und das Schallgutachten die Vorbelastung durch die bestehenden Anlagen zu niedrig ansetzt.';

describe('background jobs with a status page', () => {
  const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let page: Client;
  const groupsPage = () => `/verfahren/${procedure.id}/einwendungen/gruppen`;
  const jobsPage = () => `/verfahren/${procedure.id}/auftraege`;
  const runQueue = () =>
    runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
  const jobRow = (id: string) =>
    t.database.db
      .selectFrom('work_jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const jobIdOf = (location: string | undefined) => {
    const match = /\/auftraege\/([0-9a-f-]{36})/.exec(location ?? '');
    assert.ok(match, `Statusseite erwartet, nicht ${location}`);
    return match[1]!;
  };

  before(async () => {
    t = await createTestApp({ clock });
    procedure = await createPublishedProcedure(t);
    await seedObjections(t, procedure, [
      ...Array.from({ length: 12 }, (_, i) => ({
        text: `${i % 2 ? 'Guten Tag,' : 'Sehr geehrte Damen und Herren,'} ${FORM_LETTER} Mit freundlichen Grüßen`,
        name: `Erika Muster ${i}`,
        address: `Dorfstraße ${i + 1}, 33165 Lichtenau`,
      })),
      {
        text: 'Rufen Sie mich an unter 0171 2345678 oder schreiben Sie an erika.k@example.org; mein Mann Jonas Beispielmann ist herzkrank.',
        name: 'Erika Kranich',
        email: 'erika.k@example.org',
      },
      {
        text: 'Der Rotmilan brütet am Waldrand; die Kartierung aus einer Brutsaison reicht nicht aus.',
      },
    ]);
    page = new Client(t.app);
    await page.logIn(WORKER);
  });
  after(async () => t.close());

  it('group detection: 303 to the status page at once, one job per kind, runs to done with progress', async () => {
    const started = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    assert.equal(started.statusCode, 303);
    const jobId = jobIdOf(started.headers.location);
    assert.equal(started.headers.location, `${jobsPage()}/${jobId}`);
    assert.equal(
      (await t.database.db.selectFrom('objection_groups').select('id').execute()).length,
      0,
      'nothing is computed in the request',
    );

    const queued = await page.get(started.headers.location);
    assert.equal(queued.statusCode, 200);
    assert.match(queued.body, /wartet auf den Start/);
    assert.match(queued.body, />Aktualisieren</);
    assert.match(queued.body, /<progress id="fortschritt"/);
    assert.equal(queued.headers['cache-control'], 'no-store');
    // Reloading by itself only on request (a reload moves a screen reader to the top).
    assert.doesNotMatch(queued.body, /http-equiv="refresh"/);
    assert.match(queued.body, /Automatisch alle 5 Sekunden aktualisieren/);
    const auto = await page.get(`${started.headers.location}?automatisch=ein`);
    assert.match(auto.body, /<meta http-equiv="refresh" content="5"/);
    assert.match(auto.body, /Automatische Aktualisierung ausschalten/);
    assert.ok(
      auto.body.includes(`href="${started.headers.location}?automatisch=ein">Aktualisieren`),
    );
    // A second request while the first is queued: the same job, said so, no second row.
    const second = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `${jobsPage()}/${jobId}?laeuft=bereits`);
    assert.match((await page.get(second.headers.location)).body, /Dieser Auftrag läuft bereits/);
    // … also while it runs; the database refuses a second active row of the kind.
    await t.database.db
      .updateTable('work_jobs')
      .set({ state: 'running', started_at: clock.now(), heartbeat_at: sql`now()` })
      .where('id', '=', jobId)
      .execute();
    const third = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    assert.equal(third.headers.location, `${jobsPage()}/${jobId}?laeuft=bereits`);
    await assert.rejects(
      t.database.db
        .insertInto('work_jobs')
        .values({
          tenant_id: procedure.tenantId,
          procedure_id: procedure.id,
          kind: 'objection-groups',
          state: 'queued',
          requested_at: clock.now(),
        })
        .execute(),
      /work_jobs_one_active/,
    );
    await t.database.db
      .updateTable('work_jobs')
      .set({ state: 'queued', started_at: null, heartbeat_at: null })
      .where('id', '=', jobId)
      .execute();
    assert.equal((await t.database.db.selectFrom('work_jobs').select('id').execute()).length, 1);

    await runQueue();
    const row = await jobRow(jobId);
    assert.equal(row.state, 'done');
    assert.equal(row.progress_total, 14, 'all objections compared');
    assert.equal(row.progress_done, 14);
    assert.ok(row.started_at && row.finished_at && row.error_message === null);
    const groups = await t.database.db
      .selectFrom('objection_groups')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(groups.length, 1, 'the form letter is one group');
    const history = await t.database.db
      .selectFrom('objection_group_events')
      .select('actor_id')
      .where('group_id', '=', groups[0]!.id)
      .executeTakeFirstOrThrow();
    const worker = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', WORKER)
      .executeTakeFirstOrThrow();
    assert.equal(history.actor_id, worker.id, 'the history names who asked for the run');

    const done = await page.get(`${jobsPage()}/${jobId}`);
    assert.match(done.body, /Der Auftrag ist fertig/);
    assert.match(done.body, /14 Einwendungen verglichen: 1 Gruppe /);
    const doneAuto = await page.get(`${jobsPage()}/${jobId}?automatisch=ein`);
    assert.doesNotMatch(doneAuto.body, /http-equiv="refresh"/, 'no reload once done');
    assert.ok(done.body.includes(`href="${groupsPage()}"`));
    const list = await page.get(jobsPage());
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Gleichförmige Einwendungen erkennen/);
    assert.match(list.body, /fertig/);
  });

  it('shows progress in steps, percent and time left while a job runs (real worker)', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => (reached = resolve));
    const stepped: WorkKind = {
      label: 'Probelauf in Schritten',
      unit: 'Schritte',
      startPage: () => jobsPage(),
      async run({ progress }) {
        progress({ done: 0, total: 40, phase: 'Vorbereiten' });
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        progress({ done: 10, total: 40, phase: 'Schritte abarbeiten' });
        reached();
        await gate;
        return { result: {} };
      },
      doneNotice: () => ({ text: 'Probelauf beendet.' }),
    };
    const kinds: WorkKinds = { ...PARTICIPATION_WORK_KINDS, 'test-steps': stepped };
    const { jobId } = await requestWork({
      db: t.database.db,
      clock,
      procedure,
      kind: 'test-steps',
      requestedBy: null,
    });
    const pool = createJobPool(t.database.url);
    // The run starts a minute "ago" by the clock: 10 of 40 in 60 s leaves about three minutes.
    const startedClock = { now: () => new Date(clock.now().getTime() - 60_000) };
    const runner = await startJobWorker({
      pgPool: pool,
      handlers: {
        ...jobHandlers(t.deps),
        'work:run': ({ workId }) =>
          runWork({ deps: { ...t.deps, clock: startedClock }, kinds, workId }),
      },
    });
    try {
      await halfway;
      // The progress write is throttled to steps; wait until the second step is stored.
      for (let i = 0; i < 50 && (await jobRow(jobId)).progress_done !== 10; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const running = await page.get(`${jobsPage()}/${jobId}`);
      assert.match(running.body, /läuft/);
      assert.match(running.body, /Schritte abarbeiten/);
      assert.match(running.body, /10 von 40 Schritte \(25 %\)/);
      assert.match(
        running.body,
        /<progress id="fortschritt" max="40" value="10"[^>]*>25 %<\/progress>/,
      );
      assert.match(running.body, /Verbleibende Zeit/);
      assert.match(running.body, /etwa 3 Minuten/);
      release();
      for (let i = 0; i < 100 && (await jobRow(jobId)).state !== 'done'; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await jobRow(jobId)).state, 'done');
    } finally {
      release();
      await runner.stop();
      await pool.end();
    }
  });

  it('a failed run keeps the old groups and says why in German', async () => {
    const before = await t.database.db
      .selectFrom('objections')
      .select(['id', 'group_id'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('id')
      .execute();
    const started = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    const jobId = jobIdOf(started.headers.location);
    // The procedure moves on while the job waits: the run checks the step again and refuses.
    await t.database.db
      .updateTable('procedures')
      .set({ step: 'decided' })
      .where('id', '=', procedure.id)
      .execute();
    try {
      await runQueue();
    } finally {
      await t.database.db
        .updateTable('procedures')
        .set({ step: 'participation' })
        .where('id', '=', procedure.id)
        .execute();
    }
    const row = await jobRow(jobId);
    assert.equal(row.state, 'failed');
    assert.match(
      row.error_message ?? '',
      /^Das Verfahren ist im Schritt „.+“\. .*es wurde nichts geändert\.$/,
    );
    const failed = await page.get(`${jobsPage()}/${jobId}`);
    assert.match(failed.body, /Der Auftrag ist fehlgeschlagen/);
    assert.ok(failed.body.includes('es wurde nichts geändert'));
    assert.ok(failed.body.includes(`href="${groupsPage()}"`), 'where to start it again');
    assert.deepEqual(
      await t.database.db
        .selectFrom('objections')
        .select(['id', 'group_id'])
        .where('procedure_id', '=', procedure.id)
        .orderBy('id')
        .execute(),
      before,
      'the groups are as they were',
    );

    // An unexpected error shows a German message, never the internal one.
    const broken: WorkKinds = {
      'test-broken': {
        label: 'Probelauf mit Fehler',
        unit: 'Schritte',
        startPage: () => jobsPage(),
        run: () => Promise.reject(new Error('relation "geheim" does not exist')),
        doneNotice: () => ({ text: '' }),
      },
    };
    const { jobId: brokenId } = await requestWork({
      db: t.database.db,
      clock,
      procedure,
      kind: 'test-broken',
      requestedBy: null,
    });
    await runWork({ deps: t.deps, kinds: broken, workId: brokenId });
    const brokenRow = await jobRow(brokenId);
    assert.equal(brokenRow.state, 'failed');
    assert.equal(brokenRow.error_message, UNEXPECTED_FAILURE);
    assert.doesNotMatch((await page.get(`${jobsPage()}/${brokenId}`)).body, /geheim/);
  });

  it('a run whose process died is marked failed and a new one can start', async () => {
    const started = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    const jobId = jobIdOf(started.headers.location);
    // As left by a process that stopped mid-run: running, heartbeat minutes old.
    await t.database.db
      .updateTable('work_jobs')
      .set({
        state: 'running',
        started_at: clock.now(),
        heartbeat_at: sql`now() - interval '10 minutes'`,
        progress_done: 5,
        progress_total: 14,
      })
      .where('id', '=', jobId)
      .execute();
    const status = await page.get(`${jobsPage()}/${jobId}`);
    assert.match(status.body, /Der Auftrag ist fehlgeschlagen/);
    assert.ok(status.body.includes(INTERRUPTED_MESSAGE.slice(0, 60)));
    // The queue's entry of the dead run, if it ever ran again, changes nothing.
    await runWork({ deps: t.deps, kinds: PARTICIPATION_WORK_KINDS, workId: jobId });
    assert.equal((await jobRow(jobId)).state, 'failed');
    const again = await page.submit(groupsPage(), `${groupsPage()}/berechnen`, {});
    assert.notEqual(jobIdOf(again.headers.location), jobId);
    assert.doesNotMatch(again.headers.location ?? '', /laeuft=bereits/);
    await runQueue();
    assert.equal((await jobRow(jobIdOf(again.headers.location))).state, 'done');
  });

  it('redaction proposals for all objections are stored, counted and reviewed one by one', async () => {
    const list = await page.get(jobsPage());
    const started = await page.post(
      `/verfahren/${procedure.id}/einwendungen/schwaerzungsvorschlaege`,
      {
        _csrf: csrfTokenFrom(list.body),
      },
    );
    assert.equal(started.statusCode, 303);
    const jobId = jobIdOf(started.headers.location);
    await runQueue();
    const row = await jobRow(jobId);
    assert.equal(row.state, 'done', row.error_message ?? '');
    const proposals = await t.database.db
      .selectFrom('objection_redaction_proposals')
      .selectAll()
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(proposals.length, 14, 'one row per objection without confirmed redaction');
    assert.ok(proposals.every((p) => p.tenant_id === procedure.tenantId));
    const phone = proposals.find((p) => JSON.stringify(p.spans).includes('0171'));
    assert.ok(phone, 'the phone number is proposed');
    const status = await page.get(`${jobsPage()}/${jobId}`);
    assert.match(status.body, /Der Auftrag ist fertig/);
    assert.match(status.body, /einzeln geprüft und bestätigt/);
    assert.ok(status.body.includes(`/verfahren/${procedure.id}/einwendungen?schwaerzungOffen=ja`));
  });

  it('exports of large procedures: a job writes the file, the status page offers the download', async () => {
    const list = await page.get(jobsPage());
    assert.match(list.body, /Datei im Hintergrund erstellen/);
    const csrf = csrfTokenFrom(list.body);
    const exportPath = `/verfahren/${procedure.id}/export/auftrag`;

    const bad = await page.post(exportPath, { _csrf: csrf, art: 'pdf' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /Wählen Sie, welche Datei erstellt werden soll/);
    assert.match(bad.body, /href="#feld-art"/);
    const before = await t.database.db.selectFrom('work_jobs').select('id').execute();

    const jobs: Record<string, string> = {};
    for (const art of ['csv', 'xlsx', 'zip']) {
      const started = await page.post(exportPath, { _csrf: csrf, art, personenbezogen: '1' });
      assert.equal(started.statusCode, 303, started.body.slice(0, 300));
      jobs[art] = jobIdOf(started.headers.location);
    }
    assert.equal(
      (await t.database.db.selectFrom('work_jobs').select('id').execute()).length,
      before.length + 3,
      'the refused request wrote nothing',
    );
    await runQueue();
    for (const [art, jobId] of Object.entries(jobs)) {
      const row = await jobRow(jobId);
      assert.equal(row.state, 'done', `${art}: ${row.error_message}`);
      assert.equal(row.progress_done, 14);
      const status = await page.get(`${jobsPage()}/${jobId}`);
      assert.match(status.body, /mit personenbezogenen Daten/);
      assert.ok(status.body.includes(`${jobsPage()}/${jobId}/datei`));
      const file = await page.get(`${jobsPage()}/${jobId}/datei`);
      assert.equal(file.statusCode, 200, art);
      assert.equal(file.headers['cache-control'], 'no-store');
      assert.match(
        String(file.headers['content-disposition']),
        new RegExp(`personenbezogen\\.${art}"$`),
      );
      if (art === 'csv') {
        assert.equal(file.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
        assert.match(file.body, /Erika Kranich/);
        assert.equal(file.body.trim().split('\r\n').length, 15, 'header and 14 objections');
      } else assert.equal(file.rawPayload.subarray(0, 2).toString(), 'PK');
    }
    // Downloading before the file exists is refused in German.
    const pending = await page.post(exportPath, { _csrf: csrf, art: 'csv' });
    const pendingId = jobIdOf(pending.headers.location);
    const early = await page.get(`${jobsPage()}/${pendingId}/datei`);
    assert.equal(early.statusCode, 404);
    assert.match(early.body, /erst, wenn der Auftrag fertig ist/);
    await runQueue();
  });

  it('refuses every other role and other authorities on status pages, lists and downloads', async () => {
    const job = await t.database.db
      .selectFrom('work_jobs')
      .select('id')
      .where('kind', '=', 'export-csv')
      .where('state', '=', 'done')
      .executeTakeFirstOrThrow();
    const urls = [jobsPage(), `${jobsPage()}/${job.id}`, `${jobsPage()}/${job.id}/datei`];
    for (const email of [APPLICANT, AGENCY, SUPERVISOR, OTHER_AUTHORITY]) {
      const client = new Client(t.app);
      await client.logIn(email);
      for (const url of urls) {
        const response = await client.get(url);
        assert.equal(response.statusCode, 404, `${email} ${url}`);
        assert.doesNotMatch(response.body, /Erika|Kranich|Probelauf/, `${email} ${url}`);
      }
      const home = await client.get('/');
      const csrf = csrfTokenFrom(home.body);
      for (const [url, fields] of [
        [`${groupsPage()}/berechnen`, {}],
        [`/verfahren/${procedure.id}/einwendungen/schwaerzungsvorschlaege`, {}],
        [`/verfahren/${procedure.id}/export/auftrag`, { art: 'csv' }],
      ] as const) {
        const before = await t.database.db.selectFrom('work_jobs').select('id').execute();
        const response = await client.post(url, { _csrf: csrf, ...fields });
        assert.equal(response.statusCode, 404, `${email} POST ${url}`);
        const after = await t.database.db.selectFrom('work_jobs').select('id').execute();
        assert.equal(after.length, before.length, `${email} POST ${url} wrote nothing`);
      }
    }
    for (const url of urls) {
      const anonymous = await t.app.inject({ method: 'GET', url });
      assert.equal(anonymous.statusCode, 303, url);
      assert.match(anonymous.headers.location ?? '', /^\/anmelden/);
    }
    // A job of this procedure under another procedure's address does not exist.
    const other = await createPublishedProcedure(t, { projectKey: 'bad-wuennenberg-nord' });
    const foreign = await page.get(`/verfahren/${other.id}/auftraege/${job.id}/datei`);
    assert.equal(foreign.statusCode, 404);
  });
});
