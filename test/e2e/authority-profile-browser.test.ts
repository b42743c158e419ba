import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';
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
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** The master data page without JavaScript: forms, error summary, logo upload; axe on each. */
describe('authority master data in Chromium without JavaScript', { skip }, () => {
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

  it('the authority admin edits without JavaScript, is corrected and uploads a logo', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await logIn(context, base, 'admin@kreis-paderborn.example');
    await page.getByRole('link', { name: 'Stammdaten' }).click();
    await page.waitForURL(`${base}/organisation/stammdaten`);

    await page.getByLabel('IBAN').fill('DE00 0000 0000 0000 0000 00');
    await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    assert.equal(await page.getByLabel('IBAN').inputValue(), 'DE00 0000 0000 0000 0000 00');

    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
    await page.waitForURL(`${base}/organisation/stammdaten?ok=gespeichert`);
    assert.match(await page.locator('main').innerText(), /Die Stammdaten wurden gespeichert/);

    await page
      .getByLabel('Logo hochladen')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Logo speichern' }).click();
    await page.waitForURL(`${base}/organisation/stammdaten?ok=logo`);
    assert.equal(await page.locator('img.authority-logo').count(), 1);
    await context.close();
  });

  // axe runs as a script in the page, so these checks use a context with JavaScript on; the
  // pages themselves have no script.
  it('axe finds nothing on the page, its error state and the platform admin’s variant', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await logIn(context, base, 'admin@kreis-paderborn.example');
    await page.goto(`${base}/organisation/stammdaten`);
    const plain = await axeViolations(page);
    assert.deepEqual(plain, [], describeViolations('Stammdaten', plain));
    await page.getByLabel('IBAN').fill('DE00 0000 0000 0000 0000 00');
    await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
    await page.locator('.error-summary').waitFor();
    const withErrors = await axeViolations(page);
    assert.deepEqual(withErrors, [], describeViolations('Stammdaten (Fehler)', withErrors));
    // The authority's other pages for its admins, reached from the navigation.
    for (const [label, path] of [
      ['Beteiligte Stellen', '/organisation/beteiligte-stellen'],
      ['Textvorlagen', '/organisation/vorlagen'],
      ['Nebenbestimmungen', '/organisation/nebenbestimmungen'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: label }).click();
      await page.waitForURL(new RegExp(`${path}`));
      const found = await axeViolations(page);
      assert.deepEqual(found, [], describeViolations(label, found));
    }
    await context.close();
  });

  it('the platform admin’s page for another organisation passes axe', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await logIn(context, base, 'admin@industrieland.example');
    const brms = await orgId(t, 'Bezirksregierung Münster');
    await page.goto(`${base}/admin/organisationen/${brms}/stammdaten`);
    assert.match(await page.locator('h1').innerText(), /Stammdaten: Bezirksregierung Münster/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations('Admin-Stammdaten', violations));
    await context.close();
  });
});
