import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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

/** The budget page and the company's de-minimis page without JavaScript; axe on each state. */
describe('funding budget and de-minimis pages in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('staff add a line and post an appropriation without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await logIn(context, base, 'foerderung@bezreg-arnsberg.example');
    await page.getByRole('link', { name: 'Haushalt' }).click();
    await page.waitForURL(`${base}/foerderung/haushalt`);
    await page.getByLabel('Haushaltsstelle (Kapitel/Titel)').fill('0710/686 20');
    await page.getByLabel('Haushaltsjahr').fill('2027');
    await page.getByRole('button', { name: 'Haushaltsstelle anlegen' }).click();
    await page.waitForURL(/ok=stelle/);
    await page.getByLabel('Betrag in Euro').fill('zehn Euro');
    await page.getByLabel('Buchungsgrund').fill('Haushaltsplan 2027');
    await page.getByRole('button', { name: 'Ansatz buchen' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    assert.equal(await page.getByLabel('Buchungsgrund').inputValue(), 'Haushaltsplan 2027');
    await page.getByLabel('Betrag in Euro').fill('100.000,00');
    await page.getByRole('button', { name: 'Ansatz buchen' }).click();
    await page.waitForURL(/ok=ansatz/);
    assert.match(await page.locator('main').innerText(), /100\.000,00 €/);
    await context.close();
  });

  it('axe finds nothing on the budget page, the de-minimis page and their error states', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const staff = await logIn(context, base, 'foerderung@bezreg-arnsberg.example');
    await staff.goto(`${base}/foerderung/haushalt`);
    const plain = await axeViolations(staff);
    assert.deepEqual(plain, [], describeViolations('Haushalt', plain));
    await staff.getByLabel('Haushaltsjahr').fill('x');
    await staff.getByRole('button', { name: 'Haushaltsstelle anlegen' }).click();
    await staff.locator('.error-summary').waitFor();
    const failed = await axeViolations(staff);
    assert.deepEqual(failed, [], describeViolations('Haushalt mit Fehlern', failed));
    await context.close();

    const companyContext = await browser.newContext({ locale: 'de-DE' });
    const company = await logIn(companyContext, base, 'antrag@windpark-sintfeld.example');
    await company.goto(`${base}/unternehmen/de-minimis`);
    const own = await axeViolations(company);
    assert.deepEqual(own, [], describeViolations('De-minimis', own));
    await company.getByLabel('Betrag in Euro').fill('abc');
    await company.getByRole('button', { name: 'Beihilfe erklären' }).click();
    await company.locator('.error-summary').waitFor();
    const errors = await axeViolations(company);
    assert.deepEqual(errors, [], describeViolations('De-minimis mit Fehlern', errors));
    await companyContext.close();
  });
});
