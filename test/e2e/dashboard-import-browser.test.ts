import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import type { TestApp } from '../helpers/app.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const ADMIN = 'admin@industrieland.example';
const TITLE = 'Wasserstofffähige Kraftwerke';

/**
 * The platform admin loads statistics for an imported indicator with JavaScript off: from the
 * administration to the form, a file with a bad line refused in German with its line number and
 * nothing stored, then the corrected file confirmed and shown on the indicator's page at once
 * (figures are kept five minutes here); axe checks the form, the refusal and the confirmation.
 */
describe('monitoring statistics form in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);

  before(async () => {
    const env = await startBrowserApp({ env: { DASHBOARD_CACHE_SECONDS: '300' } });
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('refuses a bad file with line and reason, then imports the corrected one', async () => {
    const counts = async () => [
      (await t.database.db.selectFrom('dashboard_imports').select('id').execute()).length,
      (await t.database.db.selectFrom('dashboard_import_values').select('line').execute()).length,
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'statistik-'));
    const bad = path.join(dir, 'kraftwerke-fehler.csv');
    writeFileSync(
      bad,
      'Datum;Kategorie;Wert\r\n31.12.2025;Gas, wasserstofffähig;1.200\r\n31.12.2026;Gas, wasserstofffähig;viel\r\n',
    );
    const good = path.join(dir, 'kraftwerke.csv');
    writeFileSync(
      good,
      '\uFEFFDatum;Kategorie;Wert\r\n31.12.2024;Gas, wasserstofffähig;800\r\n31.12.2025;Gas, wasserstofffähig;1.200,5\r\n',
    );

    const page = await sessions.as(ADMIN);
    // Before: the indicator's figures are computed and kept.
    await page.goto(`${base}/monitoring/wasserstoff-kraftwerke`);
    assert.match(await page.locator('main').innerText(), /noch keine Statistiken eingespielt/);

    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: 'Statistiken für das Monitoring' }).click();
    await page.waitForURL(`${base}/monitoring/einspielen`);
    await page.locator('h1', { hasText: 'Statistiken für das Monitoring einspielen' }).waitFor();
    await axe(page, '/monitoring/einspielen');
    const before = await counts();

    await page.getByLabel('Kennzahl', { exact: true }).selectOption({ label: TITLE });
    await page.getByLabel('Quelle', { exact: true }).fill('Bundesnetzagentur, Kraftwerksliste');
    await page.getByLabel('Lizenz', { exact: true }).fill('dl-de/by-2-0');
    await page.getByLabel(/Adresse der Quelle/).fill('https://www.bundesnetzagentur.de/');
    await page.getByLabel('CSV-Datei').setInputFiles(bad);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/monitoring/einspielen?_csrf=')),
      page.getByRole('button', { name: 'Einspielen' }).click(),
    ]);
    assert.equal(refused.status(), 400);
    await page.locator('.error-summary').waitFor();
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /CSV-Datei, Zeile 3: „viel“ ist keine Zahl/);
    assert.doesNotMatch(summary, /undefined|Error|\bat\b.*\.ts/);
    assert.match(await page.title(), /^Fehler: /);
    assert.equal(
      await page.getByLabel('Quelle', { exact: true }).inputValue(),
      'Bundesnetzagentur, Kraftwerksliste',
    );
    assert.equal(await page.getByLabel('Lizenz', { exact: true }).inputValue(), 'dl-de/by-2-0');
    assert.equal(
      await page.getByLabel('Kennzahl', { exact: true }).inputValue(),
      'wasserstoff-kraftwerke',
    );
    await axe(page, '/monitoring/einspielen (abgelehnt)');
    assert.deepEqual(await counts(), before, 'nothing stored');

    await page.getByLabel('CSV-Datei').setInputFiles(good);
    await page.getByRole('button', { name: 'Einspielen' }).click();
    await page.waitForURL(/\/monitoring\/einspielen\?eingespielt=wasserstoff-kraftwerke$/);
    const notice = await page.locator('.kern-alert--success').innerText();
    assert.match(notice, new RegExp(`2 Werte für „${TITLE}“ eingespielt\\.`));
    assert.match(await page.locator('table').innerText(), /Alex Admin/);
    await axe(page, '/monitoring/einspielen?eingespielt');
    assert.deepEqual(await counts(), [before[0]! + 1, before[1]! + 2]);

    await page.getByRole('link', { name: `Kennzahl „${TITLE}“ ansehen` }).click();
    await page.waitForURL(`${base}/monitoring/wasserstoff-kraftwerke`);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /noch keine Statistiken eingespielt/);
    assert.match(main, /1\.200,500 MW am 31\.12\.2025/);
    assert.match(main, /Bundesnetzagentur, Kraftwerksliste/);
    await page.close();
    assert.equal(sessions.problems.join('\n'), '');
  });
});
