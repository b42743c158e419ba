import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadEnergyLayers } from '../../src/registers/layers/energy.load.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/** The OGC API's HTML pages and the hydrogen last-mile list, without JavaScript, and axe on them. */
describe('geodata pages in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
    await loadEnergyLayers(env.t.database.db);
  });
  after(async () => stop?.());

  it('browses from the navigation to a filtered, paged item list without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Geodaten' }).click();
    await page.waitForURL(`${base}/ogc`);
    await page.goto(`${base}/ogc/collections/wind-turbines/items?f=html`);
    await page.getByLabel('Ausschnitt (bbox)').fill('8.5,51.5,8.9,51.8');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/bbox=8\.5%2C51\.5%2C8\.9%2C51\.8/);
    assert.match(await page.locator('main').innerText(), /Objekte 1 bis 10 von \d+/);
    await page.getByRole('link', { name: 'Nächste Seite' }).click();
    assert.match(await page.locator('main').innerText(), /Objekte 11 bis 20 von \d+/);
    await context.close();
  });

  it('axe finds nothing on the OGC pages, the last-mile list and their error states', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    for (const [name, path] of [
      ['Startseite', '/ogc?f=html'],
      ['Konformität', '/ogc/conformance?f=html'],
      ['API-Beschreibung', '/ogc/api?f=html'],
      ['Sammlungen', '/ogc/collections?f=html'],
      ['Sammlung', '/ogc/collections/power-plants?f=html'],
      ['Objekte', '/ogc/collections/power-plants/items?f=html'],
      ['Objekt', '/ogc/collections/power-plants/items/BNA1401a?f=html'],
      ['Letzte Meile', '/wasserstoff/letzte-meile'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const found = await axeViolations(page);
      assert.deepEqual(found, [], describeViolations(name, found));
    }
    for (const [name, path] of [
      ['Objekte mit Fehler', '/ogc/collections/power-plants/items?f=html&bbox=1,2,3'],
      ['Letzte Meile mit Fehler', '/wasserstoff/letzte-meile?ab_km=abc'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.locator('.error-summary').waitFor();
      assert.match(await page.title(), /^Fehler: /);
      const found = await axeViolations(page);
      assert.deepEqual(found, [], describeViolations(name, found));
    }
    await context.close();
  });
});
