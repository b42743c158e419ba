import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
  logIn,
} from '../helpers/browser.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const APPLICANT = 'antrag@windpark-sintfeld.example';
const WORKER = 'foerderung@bezreg-arnsberg.example';
const LEADER = 'leitung.foerderung@bezreg-arnsberg.example';

/** The training bonus without JavaScript (the firm's claim, PRG) and axe on every page type. */
describe('training bonus in Chromium without JavaScript', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ t, browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  async function noViolations(page: Page, name: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(name, violations));
  }

  it('the firm submits a claim without JavaScript, corrects an error and sees its state', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await logIn(context, base, APPLICANT);
    await page.getByRole('navigation').getByRole('link', { name: 'Bildungsprämie' }).click();
    await page.waitForURL(`${base}/foerderung/bildungspraemie`);
    await page.getByLabel('Familienname').fill('Wind');
    await page.getByLabel('Vorname').fill('Wiebke');
    await page.getByLabel('Geburtsdatum').fill('31.02.1980');
    await page.getByLabel('Tätigkeit').selectOption('technical-manager');
    await page.getByLabel('Kurs', { exact: true }).selectOption('WP-KAELTE-1');
    await page.getByLabel('Kursbeginn').fill('05.10.2026');
    await page.getByLabel('Kursende').fill('05.10.2026');
    await page.getByLabel('Fortbildungstage').fill('1');
    await page.getByLabel('Kontoinhaber').fill('Windpark Sintfeld');
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Antrag einreichen' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    assert.equal(await page.getByLabel('Vorname').inputValue(), 'Wiebke');
    await page.getByLabel('Geburtsdatum').fill('28.02.1980');
    await page.getByRole('button', { name: 'Antrag einreichen' }).click();
    await page.waitForURL(`${base}/foerderung/bildungspraemie?ok=eingereicht`);
    assert.match(await page.locator('main').innerText(), /Wiebke Wind/);
    const claims = await t.database.db.selectFrom('training_claims').select('status').execute();
    assert.equal(claims.length, 1);
    await context.close();
  });

  // axe runs as a script in the page, so these contexts have JavaScript on; the pages have none.
  it('axe finds nothing on the firm page and its error state', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await logIn(context, base, APPLICANT);
    await page.goto(`${base}/foerderung/bildungspraemie`);
    await noViolations(page, 'Bildungsprämie (Betrieb)');
    await page.getByRole('button', { name: 'Datei hochladen und einreichen' }).click();
    await page.locator('.error-summary').waitFor();
    await noViolations(page, 'Bildungsprämie (Betrieb, Fehler)');
    await context.close();
  });

  it('axe finds nothing on the funding body pages: queue, claim, courses, payment runs', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await logIn(context, base, WORKER);
    await page.goto(`${base}/foerderstelle/bildungspraemie`);
    await noViolations(page, 'Prüfkorb');
    const claim = await t.database.db
      .selectFrom('training_claims')
      .select('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/foerderstelle/bildungspraemie/antraege/${claim.id}`);
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.locator('.error-summary').waitFor();
    await noViolations(page, 'Antrag (Fehler)');
    await page.goto(`${base}/foerderstelle/bildungspraemie/kurse`);
    await noViolations(page, 'Kursliste');
    await page.goto(`${base}/foerderstelle/bildungspraemie/zahlungslaeufe`);
    await noViolations(page, 'Zahlungsläufe');
    await context.close();
    const leader = await browser.newContext({ locale: 'de-DE' });
    const leaderPage = await logIn(leader, base, LEADER);
    await leaderPage.goto(`${base}/foerderstelle/bildungspraemie`);
    await noViolations(leaderPage, 'Prüfkorb (Leitung, Einstellungen)');
    await leader.close();
  });
});
