import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs } from '../helpers/permits.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * The hearing pages with JavaScript off: the decision with its rule, the agenda refused with a
 * bad order and saved, attendance, and the letter list; axe runs on each page and state.
 */
describe('hearing pages in the browser without JavaScript', { skip }, () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  let procedureId: string;
  let reference = '';
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);

  before(async () => {
    const env = await startBrowserApp({ clock, env: { OBJECTION_POW_DIFFICULTY: '0' } });
    ({ browser, base, t } = env);
    stop = () => env.close();
    const procedure = await createPublishedProcedure(t, { eiaRequired: false });
    procedureId = procedure.id;
    const [id] = await seedObjections(t, procedure, [
      {
        text: 'Lärm in der Nacht.',
        name: 'Erna Briefmeier',
        address: 'Postweg 9, 33102 Paderborn',
      },
    ]);
    const noise = await t.database.db
      .selectFrom('concerns')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where('key', '=', 'noise')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('objection_concerns')
      .values({
        objection_id: id!,
        concern_id: noise.id,
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        source: 'confirmed',
      })
      .execute();
    reference = (
      await t.database.db
        .selectFrom('objections')
        .select('reference')
        .where('id', '=', id!)
        .executeTakeFirstOrThrow()
    ).reference;
    const row = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const end = (row.state as { participation: { objectionEnd: string } }).participation
      .objectionEnd;
    const day = (n: number) => new Date(Date.parse(`${end}T09:00:00Z`) + n * 86_400_000);
    clock.set(day(1));
    const applicant = await apiAs(t, APPLICANT);
    await applicant.post(`/api/v1/procedures/${procedureId}/actions/request-hearing`, {});
    const scheduled = await (
      await apiAs(t, WORKER)
    ).post(`/api/v1/procedures/${procedureId}/actions/schedule-hearing`, {
      format: 'in-person',
      date: day(14).toISOString().slice(0, 10),
      place: 'Rathaus Lichtenau, Ratssaal',
    });
    assert.equal(scheduled.statusCode, 200, scheduled.body);
  });
  after(async () => stop?.());

  it('decision, agenda (refused and saved), attendance and letter list pass axe', async () => {
    const worker = await sessions.as(WORKER);
    await worker.goto(`${base}/verfahren/${procedureId}/eroerterung`);
    const main = await worker.locator('main').innerText();
    assert.match(main, /Maßgebliche Regel/);
    assert.match(main, /Beantragt; eingegangen am/);
    await axe(worker, '/verfahren/:id/eroerterung');
    await worker.getByLabel('Reihenfolge').first().fill('null');
    await worker.getByRole('button', { name: 'Tagesordnung und Niederschrift speichern' }).click();
    await worker.locator('.error-summary').waitFor();
    await axe(worker, '/verfahren/:id/eroerterung (Fehler)');
    await worker.getByLabel('Reihenfolge').first().fill('1');
    await worker
      .getByLabel(/^Niederschrift zu/)
      .first()
      .fill('Die Schallprognose wurde erläutert.');
    await worker.getByRole('button', { name: 'Tagesordnung und Niederschrift speichern' }).click();
    await worker.waitForURL(/gespeichert=tagesordnung/);
    await worker.getByLabel(/Aktenzeichen der Einwendung/).fill(reference);
    await worker.getByRole('button', { name: 'Teilnahme erfassen' }).click();
    await worker.waitForURL(/gespeichert=teilnahme/);
    assert.match(await worker.locator('main').innerText(), new RegExp(reference));
    await axe(worker, '/verfahren/:id/eroerterung (gespeichert)');
    await worker.goto(`${base}/verfahren/${procedureId}/eroerterung/briefliste`);
    assert.match(await worker.locator('main').innerText(), /Erna Briefmeier/);
    await axe(worker, '/verfahren/:id/eroerterung/briefliste');
    assert.deepEqual(sessions.problems, [], sessions.problems.join('\n\n'));
  });
});
