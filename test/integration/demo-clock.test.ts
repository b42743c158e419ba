import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';
import { configuredClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/server.ts';
import { Client, createTestApp, fixedClock, testConfig, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, WORKER } from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';

const OFFSET_DAYS = 120;

/**
 * A demo instance whose clock runs ahead (DEMO_CLOCK_OFFSET_DAYS): the same database, opened by
 * the app as configured, acts as on that later day.
 */
describe('demo clock: a formal procedure taken past the end of the objection period', () => {
  const start = new Date('2026-11-24T09:00:00Z');
  const base = fixedClock(start);
  let t: TestApp;
  let demo: TestApp;
  let procedureId: string;

  before(async () => {
    t = await createTestApp({ clock: base });
    procedureId = (await createPublishedProcedure(t, { leadDays: 7 })).id;
    const config = testConfig({
      DEMO_INSTANCE: 'true',
      DEMO_CLOCK_OFFSET_DAYS: String(OFFSET_DAYS),
    });
    const deps: Deps = { ...t.deps, config, clock: configuredClock(config, base) };
    const app = await buildApp(deps);
    await app.ready();
    demo = { ...t, app, deps, close: () => app.close() };
  });
  after(async () => {
    await demo.close();
    await t.close();
  });

  it('in real time the hearing decision waits for the end of the objection period', async () => {
    const worker = await apiAs(t, WORKER);
    const early = await worker.post(`/api/v1/procedures/${procedureId}/actions/skip-hearing`, {
      reason: 'Kein Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).',
    });
    assert.equal(early.statusCode, 409, early.body);
    assert.match(early.json().detail, /nach dem Ende der Einwendungsfrist/);
  });

  it('with the clock ahead, the period has ended: the step passes and is dated on that day', async () => {
    const today = berlinDate(demo.deps.clock.now());
    assert.equal(today, '2027-03-24');
    const worker = await apiAs(demo, WORKER);
    const view = (await worker.get(`/api/v1/procedures/${procedureId}`)).json();
    const objections = view.deadlines.find((d: { key: string }) => /objection/.test(d.key));
    assert.ok(objections && objections.end < today, JSON.stringify(view.deadlines));
    const skipped = await worker.post(`/api/v1/procedures/${procedureId}/actions/skip-hearing`, {
      reason: 'Kein Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).',
    });
    assert.equal(skipped.statusCode, 200, skipped.body);
    const event = await demo.database.db
      .selectFrom('procedure_events')
      .select('at')
      .where('procedure_id', '=', procedureId)
      .where('type', '=', 'hearing-skipped')
      .executeTakeFirstOrThrow();
    assert.equal(berlinDate(event.at), today);
    // The deadline watcher of the demo instance runs on the same day.
    await runDeadlineWatch(demo.deps);
  });

  it('every page shows the banner with the effective date; the real instance shows none', async () => {
    const page = new Client(demo.app);
    const html = (await page.get('/')).body;
    assert.match(
      html,
      /Demo-Instanz: Die Uhr ist um 120 Tage\s*vorgestellt \(heute gilt als Mittwoch, 24\. März 2027\)/,
    );
    assert.match(html, /role="note" aria-label="Demo-Uhr"/);
    const real = (await new Client(t.app).get('/')).body;
    assert.doesNotMatch(real, /Demo-Instanz/);
  });
});
