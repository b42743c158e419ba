import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { runningClock, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections, WORKER } from '../helpers/participation.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * Background work with JavaScript off: the case worker starts group detection and an export,
 * follows the status page by reloading, and gets the result; a refused form and a failed job.
 * axe runs on each page type and state.
 */
describe('background jobs in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  let procedureId: string;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);
  const runQueue = () =>
    runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });

  before(async () => {
    const env = await startBrowserApp({ clock: runningClock(new Date('2026-12-01T09:00:00Z')) });
    ({ browser, base, t } = env);
    stop = () => env.close();
    const procedure = await createPublishedProcedure(t);
    procedureId = procedure.id;
    const letter =
      'Gegen die geplanten Windenergieanlagen erhebe ich Einwendungen, weil der Lärm in der Nacht mein Haus erreicht und das Gutachten die Vorbelastung zu niedrig ansetzt.';
    await seedObjections(
      t,
      procedure,
      Array.from({ length: 8 }, (_, i) => ({ text: `${letter} Gruß ${i}`, name: `Person ${i}` })),
    );
  });
  after(async () => stop?.());

  it('grouping and an export as jobs: status, reload, result; every page passes axe', async () => {
    const worker = await sessions.as(WORKER);
    await worker.goto(`${base}/verfahren/${procedureId}/einwendungen/gruppen`);
    await worker.getByRole('button', { name: 'Gleichförmige Einwendungen erkennen' }).click();
    await worker.waitForURL(/\/auftraege\/[0-9a-f-]{36}$/);
    const status = worker.url();
    assert.match(await worker.locator('main').innerText(), /wartet auf den Start/);
    assert.equal(await worker.getByLabel('Fortschritt').count(), 1);
    await axe(worker, 'Auftrag wartet');

    // Reloading on request: the page says so and can turn it off again.
    await worker.getByRole('link', { name: 'Automatisch alle 5 Sekunden aktualisieren' }).click();
    assert.equal(await worker.locator('meta[http-equiv="refresh"]').count(), 1);
    await worker.getByRole('link', { name: 'Automatische Aktualisierung ausschalten' }).click();
    assert.equal(await worker.locator('meta[http-equiv="refresh"]').count(), 0);

    await runQueue();
    await worker.getByRole('link', { name: 'Aktualisieren', exact: true }).click();
    assert.equal(worker.url(), status);
    assert.match(await worker.locator('main').innerText(), /Der Auftrag ist fertig/);
    await axe(worker, 'Auftrag fertig (Gruppen)');
    await worker.getByRole('link', { name: 'Zu den gleichförmigen Einwendungen' }).click();
    assert.match(await worker.locator('main').innerText(), /Gruppen/);

    await worker.goto(`${base}/verfahren/${procedureId}/auftraege`);
    await axe(worker, 'Aufträge des Verfahrens');
    await worker.getByLabel('Einwendungen als Excel-Tabelle (XLSX)').check();
    await worker.getByRole('button', { name: 'Datei im Hintergrund erstellen' }).click();
    await worker.waitForURL(/\/auftraege\/[0-9a-f-]{36}$/);
    await runQueue();
    await worker.getByRole('link', { name: 'Aktualisieren', exact: true }).click();
    const done = await worker.locator('main').innerText();
    assert.match(done, /Die Datei ist erstellt: 8 Einwendungen/);
    await axe(worker, 'Auftrag fertig (Export)');
    const download = worker.waitForEvent('download');
    await worker.getByRole('link', { name: /\.xlsx herunterladen/ }).click();
    assert.match((await download).suggestedFilename(), /\.xlsx$/);
  });

  it('a failed job and a refused form pass axe', async () => {
    const worker = await sessions.as(WORKER);
    await worker.goto(`${base}/verfahren/${procedureId}/einwendungen/gruppen`);
    await worker.getByRole('button', { name: 'Gleichförmige Einwendungen erkennen' }).click();
    await worker.waitForURL(/\/auftraege\/[0-9a-f-]{36}$/);
    await t.database.db
      .updateTable('procedures')
      .set({ step: 'decided' })
      .where('id', '=', procedureId)
      .execute();
    try {
      await runQueue();
    } finally {
      await t.database.db
        .updateTable('procedures')
        .set({ step: 'participation' })
        .where('id', '=', procedureId)
        .execute();
    }
    await worker.reload();
    assert.match(await worker.locator('main').innerText(), /Der Auftrag ist fehlgeschlagen/);
    await axe(worker, 'Auftrag fehlgeschlagen');

    // A form sent without a choice of file (a browser sends none when nothing is checked).
    const refused = await worker.request.post(`${base}/verfahren/${procedureId}/export/auftrag`, {
      form: {
        _csrf: (await worker.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '',
      },
    });
    assert.equal(refused.status(), 400);
    await worker.setContent(await refused.text());
    await axe(worker, 'Aufträge mit Fehlermeldung');
    assert.deepEqual(sessions.problems, []);
  });
});
