import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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

/** The company profile without JavaScript: form, error summary, more rows, PRG; axe on each. */
describe('company profile in Chromium without JavaScript', { skip }, () => {
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

  it('the applicant corrects and saves the profile without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await logIn(context, base, APPLICANT);
    await page.getByRole('navigation').getByRole('link', { name: 'Unternehmensprofil' }).click();
    await page.waitForURL(`${base}/unternehmen/profil`);
    assert.match(await page.locator('main').innerText(), /KMU-Status: mittleres Unternehmen/);

    const staff = page.getByLabel('Beschäftigte (Jahresarbeitseinheiten)', { exact: true });
    await staff.fill('0');
    await page.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    assert.equal(await staff.inputValue(), '0');

    // One more partner row, by a plain submit button; what was typed stays.
    await page.getByRole('button', { name: 'Weitere Zeile für Partnerunternehmen' }).click();
    const third = page.getByRole('group', { name: 'Partnerunternehmen 3' });
    await third.waitFor();
    assert.equal(await staff.inputValue(), '0');

    await staff.fill('16,5');
    await third.getByLabel('Name').fill('Sintfeld Beteiligungs GmbH');
    await third.getByLabel('Beteiligung in %').fill('25');
    await third.getByLabel('Beschäftigte (JAE)').fill('2');
    await page.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
    await page.waitForURL(`${base}/unternehmen/profil?ok=gespeichert`);
    const main = await page.locator('main').innerText();
    assert.match(main, /als neue Fassung gespeichert/);
    assert.match(main, /hinzugefügt Sintfeld Beteiligungs GmbH/);
    const versions = await t.database.db
      .selectFrom('company_profile_versions as v')
      .innerJoin('organisations as o', 'o.id', 'v.tenant_id')
      .select('v.version')
      .where('o.name', 'like', 'Windpark Sintfeld%')
      .execute();
    assert.equal(versions.length, 3);
    await context.close();
  });

  // axe runs as a script in the page, so this context has JavaScript on; the page has none.
  it('axe finds nothing on the page and its error state', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await logIn(context, base, APPLICANT);
    await page.goto(`${base}/unternehmen/profil`);
    await page.locator('details summary').click();
    const plain = await axeViolations(page);
    assert.deepEqual(plain, [], describeViolations('Unternehmensprofil', plain));
    await page.getByLabel('Wirtschaftszweig (WZ 2008)').fill('00.00');
    await page.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
    await page.locator('.error-summary').waitFor();
    const withErrors = await axeViolations(page);
    assert.deepEqual(withErrors, [], describeViolations('Unternehmensprofil (Fehler)', withErrors));
    await context.close();
  });
});
