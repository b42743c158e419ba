import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { BBox } from '../../src/registers/catalogue/layer.ts';
import { fixtureLayers } from '../../src/registers/map/map.fixtures.ts';
import { parseBbox } from '../../src/registers/map/map.query.ts';
import type { Db } from '../../src/db/database.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';

const skip = browserSkipReason();
const layers = fixtureLayers();

/**
 * The island loads features from the OGC API items of each collection. The browser answers those
 * requests from the same fixture layers, in the shape of OGC API – Features (a FeatureCollection
 * for the bbox), so this test depends only on the map.
 */
async function serveItems(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  await context.route(/\/ogc\/collections\/[^/]+\/items\?/, async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.pathname + url.search);
    const id = decodeURIComponent(url.pathname.split('/')[3] ?? '');
    const layer = layers.find((l) => l.id === id);
    const bbox: BBox | undefined = parseBbox(url.searchParams.get('bbox') ?? '');
    if (!layer) return route.fulfill({ status: 404, body: '{}' });
    const page = await layer.items({} as Db, { bbox, limit: 2000, offset: 0 });
    await route.fulfill({
      status: 200,
      contentType: 'application/geo+json',
      body: JSON.stringify({
        type: 'FeatureCollection',
        features: page.features.map((f) => ({ type: 'Feature', ...f })),
        numberMatched: page.numberMatched,
        numberReturned: page.features.length,
      }),
    });
  });
  return requested;
}

describe('map page /karte in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp({ app: { featureLayers: layers } });
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('works without JavaScript: the layer form redraws the SVG map, axe finds nothing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Karte', exact: true }).click();
    await page.waitForURL(`${base}/karte`);
    assert.equal(await page.locator('svg.layer-map__svg use').count(), 3);
    const found = await axeViolations(page);
    assert.deepEqual(found, [], describeViolations('/karte ohne JavaScript', found));
    await page.getByLabel('Testanlagen').uncheck();
    await page.getByRole('button', { name: 'Karte anzeigen' }).click();
    await page.waitForURL(/auswahl=1/);
    assert.equal(await page.locator('svg.layer-map__svg use').count(), 0);
    assert.equal(await page.locator('[data-layer="test-leitungen"]').count(), 1);
    await page.goto(`${base}/karte?auswahl=1&bbox=1,2`);
    await page.locator('.error-summary').waitFor();
    const failed = await axeViolations(page);
    assert.deepEqual(failed, [], describeViolations('/karte mit Fehler', failed));
    await context.close();
  });

  it('with JavaScript: Leaflet loads, a layer toggles, the keyboard reaches the features', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const requested = await serveItems(context);
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${base}/karte`);
    await page.locator('[data-module="layer-map"][data-ready="true"]').waitFor();
    const list = page.locator('.layer-map__feature-list');
    await list.getByRole('button', { name: /Anlage Köln/ }).waitFor();
    assert.ok(await page.locator('figure.layer-map__figure').isHidden(), 'the SVG gives way');
    assert.ok(requested.some((r) => r.startsWith('/ogc/collections/test-anlagen/items?f=json')));
    assert.ok(requested.every((r) => /bbox=[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+/.test(r)));

    await page.getByLabel('Testanlagen').uncheck();
    await list.getByRole('button', { name: /Anlage Köln/ }).waitFor({ state: 'detached' });
    await list.getByRole('button', { name: /Leitung West–Ost/ }).waitFor();
    await page.getByLabel('Testanlagen').check();
    await list.getByRole('button', { name: /Anlage Köln/ }).waitFor();

    // Keyboard: the map itself takes focus (arrow keys pan), then Tab reaches the feature list.
    await page.locator('.leaflet-container').focus();
    await page.keyboard.press('ArrowLeft');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.classList.contains('layer-map__feature') === true,
      );
    }
    assert.ok(reached, 'Tab reaches a feature button');
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup-content').waitFor();
    assert.match(await page.locator('.leaflet-popup-content').innerText(), /name/);

    const found = await axeViolations(page);
    assert.deepEqual(found, [], describeViolations('/karte mit JavaScript', found));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
