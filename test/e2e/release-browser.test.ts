import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { runningClock, type TestApp } from '../helpers/app.ts';
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
 * Release of objections to the applicant with JavaScript off: the case worker reviews one
 * redaction, is refused a release of all (one is unreviewed), releases the reviewed one; the
 * applicant reads the batch. axe runs on each page type and the error state.
 */
describe('release of objections in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  let procedureId: string;
  let reviewedId: string;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);

  before(async () => {
    const env = await startBrowserApp({ clock: runningClock(new Date('2026-11-24T09:00:00Z')) });
    ({ browser, base, t } = env);
    stop = () => env.close();
    const procedure = await createPublishedProcedure(t);
    procedureId = procedure.id;
    [reviewedId = ''] = await seedObjections(t, procedure, [
      {
        text: 'Ich heiße Irmgard Pfeifenberger. Der Schattenwurf trifft den Obstgarten am Mühlenbach.',
        name: 'Irmgard Pfeifenberger',
        address: 'Mühlenweg 3, 33165 Lichtenau',
        redactIdentity: true,
      },
      { text: 'Der Lärm in der Nacht ist unzumutbar.' },
    ]);
  });
  after(async () => stop?.());

  it('review, refused and successful release, and the applicant’s batch pass axe', async () => {
    const applicant = await sessions.as(APPLICANT);
    await applicant.goto(`${base}/verfahren/${procedureId}/einwendungen-antragstellerin`);
    assert.match(await applicant.locator('main').innerText(), /noch keine Einwendungen/);
    await axe(applicant, 'Einwendungen der Antragstellerin (leer)');

    const worker = await sessions.as(WORKER);
    await worker.goto(`${base}/verfahren/${procedureId}/einwendungen/${reviewedId}`);
    await worker.getByRole('button', { name: 'Schwärzung bestätigen' }).click();
    await worker.waitForURL(/ok=schwaerzung/);
    await worker.getByRole('link', { name: 'Freigabe an die Antragstellerin' }).first().click();
    await worker.waitForURL(/einwendungen\/freigabe$/);
    await axe(worker, '/verfahren/:id/einwendungen/freigabe');
    await worker.getByRole('button', { name: 'Freigeben' }).click();
    await worker.locator('.error-summary').waitFor();
    assert.match(await worker.locator('.error-summary').innerText(), /noch nicht geprüft/);
    await axe(worker, '/verfahren/:id/einwendungen/freigabe (Fehler)');
    await worker.getByLabel(/nur die mit geprüfter Schwärzung/).check();
    await worker.getByRole('button', { name: 'Freigeben' }).click();
    await worker.waitForURL(/nummer=1/);
    assert.match(await worker.locator('main').innerText(), /Freigabe 1 mit 1 Einwendung/);
    await axe(worker, '/verfahren/:id/einwendungen/freigabe (erfolgt)');

    await applicant.reload();
    const text = await applicant.locator('main').innerText();
    assert.match(text, /Obstgarten am Mühlenbach/);
    assert.doesNotMatch(text, /Pfeifenberger|Mühlenweg|nachts|Nacht ist/);
    await axe(applicant, 'Einwendungen der Antragstellerin (Freigabe 1)');
    assert.deepEqual(sessions.problems, [], sessions.problems.join('\n\n'));
  });
});
