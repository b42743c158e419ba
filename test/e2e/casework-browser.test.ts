import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { APPLICANT, submittedProcedure, SUPERVISOR, WORKER } from '../helpers/casework.ts';
import type { TestApp } from '../helpers/app.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * Case work clicked in Chromium with JavaScript off: assignment, a follow-up and a note on the
 * case page, the filtered work queue, the overrun report with its filters, and the confirmation
 * page of a withdrawal; axe runs on each new page type and error state.
 */
describe('case work in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const as = (email: string) => sessions.as(email);
  const axe = (page: Page, label: string) => sessions.axe(page, label);
  const problems = sessions.problems;

  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('assigns, sets a follow-up and a note, filters the queue and the overrun report', async () => {
    const id = await submittedProcedure(t, 'Windpark Fallarbeit (Beispiel)');
    const worker = await as(WORKER);
    await worker.goto(`${base}/verfahren/${id}`);
    await worker
      .getByLabel('Zuständige Sachbearbeitung')
      .selectOption({ label: 'Sabine Sachbearbeiterin' });
    await worker.getByRole('button', { name: 'Zuständigkeit speichern' }).click();
    await worker.waitForURL(/ok=zugewiesen/);
    await worker.getByLabel('Wiedervorlage am').fill('2020-01-01');
    await worker.getByLabel('Worum geht es?').fill('Gutachten prüfen');
    await worker.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
    await worker.locator('.error-summary').waitFor();
    assert.match(await worker.locator('.error-summary').innerText(), /Vergangenheit/);
    await axe(worker, '/verfahren/:id (Wiedervorlage, Fehler)');
    await worker.getByLabel('Neuer Vermerk').fill('Rücksprache mit dem Gutachter.\nZweite Zeile.');
    await worker.getByRole('button', { name: 'Vermerk speichern' }).click();
    await worker.waitForURL(/ok=vermerk/);
    assert.match(await worker.locator('main').innerText(), /Zuständig: Sabine Sachbearbeiterin/);
    await axe(worker, '/verfahren/:id (Sachbearbeitung, interne Bearbeitung)');

    await worker.goto(`${base}/arbeitskorb`);
    await worker
      .getByLabel('Zuständigkeit')
      .selectOption({ label: 'Mir zugewiesen (auch als Vertretung)' });
    await worker.getByRole('button', { name: 'Filtern' }).click();
    await worker.waitForURL(/zuweisung=mir/);
    assert.match(await worker.locator('main').innerText(), /Windpark Fallarbeit/);
    await axe(worker, '/arbeitskorb?zuweisung=mir');

    const supervisor = await as(SUPERVISOR);
    await supervisor.goto(`${base}/aufsicht/fristen?von=31.02.2027`);
    await supervisor.locator('.error-summary').waitFor();
    await axe(supervisor, '/aufsicht/fristen (Fehler)');
    await supervisor.goto(`${base}/aufsicht/fristen?art=decision`);
    await axe(supervisor, '/aufsicht/fristen?art=decision');

    const applicant = await as(APPLICANT);
    await applicant.goto(`${base}/verfahren/${id}`);
    await applicant.getByRole('link', { name: /Antrag zurücknehmen/ }).click();
    await applicant.waitForURL(/bestaetigen$/);
    await axe(applicant, '/verfahren/:id/aktionen/:action/bestaetigen');
    await applicant.getByLabel('Begründung').fill('Standort aufgegeben.');
    await applicant.getByRole('button', { name: 'Antrag zurücknehmen' }).click();
    await applicant.locator('.error-summary').waitFor();
    await axe(applicant, '/verfahren/:id/aktionen/:action/bestaetigen (Fehler)');
    await applicant
      .getByLabel('Ich will das Verfahren mit diesem Schritt endgültig beenden.')
      .check();
    await applicant.getByRole('button', { name: 'Antrag zurücknehmen' }).click();
    await applicant.waitForURL(/ok=withdraw/);
    assert.equal(problems.join('\n'), '');
  });
});
