import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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

/**
 * axe on a page shown with JavaScript off: axe is a script, so the page as shown is copied into
 * a scripted page on the same URL and checked there, without its own scripts (the island would
 * otherwise replace the SVG map before axe looks at it).
 */
async function axeWithoutScripts(browser: Browser, page: Page, label: string): Promise<string> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const probe = await context.newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    assert.equal(await probe.locator('.leaflet-container').count(), 0, 'the SVG map is checked');
    return describeViolations(label, await axeViolations(probe));
  } finally {
    await context.close();
  }
}

/** The extent of an items request: minLon,minLat,maxLon,maxLat. */
function bboxOf(url: string): number[] {
  return (new URL(url).searchParams.get('bbox') ?? '').split(',').map(Number);
}

/**
 * The map page with the real layer catalogue: the demo wind areas and sites, the energy layers
 * loaded from the shipped files. With JavaScript the island reads the same app's OGC API.
 */
describe('map page /karte in Chromium', { skip }, () => {
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

  it('works without JavaScript: layers by form, SVG, legend, paged table, errors; axe finds nothing', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Karte', exact: true }).click();
    await page.waitForURL(`${base}/karte`);
    // Every layer at first, each drawn in the SVG.
    for (const id of ['wind-areas', 'wind-turbines', 'power-plants', 'sites'])
      assert.equal(await page.locator(`svg.layer-map__svg [data-layer="${id}"]`).count(), 1, id);
    problems.push(await axeWithoutScripts(browser, page, '/karte'));

    // Choose two layers by the form: only they are drawn and in the legend.
    const boxes = page.locator('input[name="ebene"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await page.getByRole('checkbox', { name: 'Windenergiegebiete', exact: true }).check();
    await page
      .getByRole('checkbox', { name: 'Kraftwerke (konventionell) mit Kohleausstieg' })
      .check();
    await page.getByLabel('Tabelle unter der Karte', { exact: true }).selectOption('power-plants');
    await page.getByRole('button', { name: 'Karte anzeigen' }).click();
    await page.waitForURL(/auswahl=1/);
    const drawn = await page
      .locator('svg.layer-map__svg [data-layer]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-layer')));
    assert.deepEqual(drawn.sort(), ['power-plants', 'wind-areas']);
    assert.ok(
      (await page.locator('svg.layer-map__svg [data-layer="wind-areas"]').getAttribute('d'))!
        .length > 100,
      'the demo wind areas are drawn',
    );
    assert.ok(
      (await page.locator('svg.layer-map__svg [data-layer="power-plants"] use').count()) > 10,
    );
    const legend = page.locator('.layer-map__legend');
    assert.equal(await legend.locator('li').count(), 2);
    const plants = await legend.locator('li[data-layer-id="power-plants"]').innerText();
    assert.match(plants, /Quelle: .+\. Lizenz: .+\. Datenstand: /);
    assert.match(
      (await page.locator('svg.layer-map__svg title').textContent()) ?? '',
      /Kraftwerke/,
    );

    // The table alternative, paged without script.
    const status = page.locator('#tabelle [role="status"]');
    const first = await status.innerText();
    const total = /^1–25 von ([\d.]+) Objekten\.$/.exec(first);
    assert.ok(total, first);
    assert.equal(await page.locator('#tabelle tbody tr').count(), 25);
    const firstRow = await page.locator('#tabelle tbody th').first().innerText();
    problems.push(await axeWithoutScripts(browser, page, '/karte (Auswahl)'));
    await page.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForURL(/seite=2/);
    assert.match(await status.innerText(), new RegExp(`^26–\\d+ von ${total[1]} Objekten\\.$`));
    assert.notEqual(await page.locator('#tabelle tbody th').first().innerText(), firstRow);
    assert.match(page.url(), /ebene=wind-areas&ebene=power-plants/);
    await page.getByRole('link', { name: 'Vorherige Seite' }).click();
    await page.waitForURL((url) => !url.search.includes('seite='));
    assert.equal(await page.locator('#tabelle tbody th').first().innerText(), firstRow);

    // An extent by the form: fewer plants, the SVG is the extent.
    await page.getByLabel('Ausschnitt', { exact: true }).fill('6.5,51.2,7.5,51.7');
    await page.getByRole('button', { name: 'Karte anzeigen' }).click();
    await page.waitForURL(/bbox=6\.5%2C51\.2%2C7\.5%2C51\.7/);
    const inRuhr = /von ([\d.]+) Objekten/.exec(await status.innerText());
    assert.ok(inRuhr && Number(inRuhr[1]!.replace('.', '')) < Number(total[1]!.replace('.', '')));

    // A bad extent: German message, the values kept, 400 and not a 5xx.
    await page.getByLabel('Ausschnitt', { exact: true }).fill('7,52,6,51');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/karte?')),
      page.getByRole('button', { name: 'Karte anzeigen' }).click(),
    ]);
    assert.equal(response.status(), 400);
    await page.locator('.error-summary').waitFor();
    assert.match(
      await page.locator('.error-summary').innerText(),
      /Der Ausschnitt besteht aus vier Zahlen/,
    );
    assert.equal(await page.getByLabel('Ausschnitt', { exact: true }).inputValue(), '7,52,6,51');
    assert.ok(
      await page.getByRole('checkbox', { name: 'Windenergiegebiete', exact: true }).isChecked(),
    );
    problems.push(await axeWithoutScripts(browser, page, '/karte (Fehler)'));

    // From a site's page to the map: the site layer, focused on the site, the site in the table.
    await page.goto(`${base}/gewerbeflaechen?q=gate`);
    await page.getByRole('link', { name: /gate\.ruhr/ }).click();
    await page.waitForURL(/\/gewerbeflaechen\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Diese Fläche auf der Karte' }).click();
    await page.waitForURL(/\/karte\?ebene=sites&bbox=/);
    assert.equal(await page.locator('svg.layer-map__svg [data-layer="sites"]').count(), 1);
    assert.match(await page.locator('#tabelle th[scope="row"]').first().innerText(), /gate\.ruhr/);
    assert.ok(
      (await page.locator('svg.layer-map__svg [data-layer="sites"]').getAttribute('d'))!.length >
        20,
      'the site is drawn in the focused map',
    );
    problems.push(await axeWithoutScripts(browser, page, '/karte (eine Fläche)'));
    await context.close();
    assert.equal(problems.filter(Boolean).join('\n'), '');
  });

  it('with JavaScript: Leaflet from our origin, features from /ogc, layer switch, keyboard; axe finds nothing', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && !url.startsWith('data:')) foreign.push(url);
      if (url.includes('/ogc/collections/')) requests.push(url);
    });
    page.on('response', (response) => {
      if (response.url().includes('/ogc/') && response.status() !== 200)
        errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${base}/karte?ebene=wind-areas&ebene=sites&ebene=power-plants`);
    await page.locator('[data-module="layer-map"][data-ready="true"]').waitFor();
    const list = page.locator('.layer-map__feature-list');
    const brilon = list.getByRole('button', { name: /Windenergiebereich Brilon-Altenbüren/ });
    await brilon.waitFor();
    await list.getByRole('button', { name: /gate\.ruhr/i }).waitFor();
    assert.ok(await page.locator('figure.layer-map__figure').isHidden(), 'the SVG gives way');
    assert.ok(await page.locator('script[src="/static/leaflet/leaflet.js"]').count());
    for (const id of ['wind-areas', 'sites', 'power-plants'])
      assert.ok(
        requests.some((r) => r.startsWith(`${base}/ogc/collections/${id}/items?f=json`)),
        id,
      );
    assert.deepEqual(foreign, [], 'nothing from another origin');
    assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 5);

    // Layer switch: off, on again, and a layer the page did not show at first.
    await page.getByRole('checkbox', { name: 'Windenergiegebiete', exact: true }).uncheck();
    await brilon.waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Windenergiegebiete', exact: true }).check();
    await brilon.waitFor();
    requests.length = 0;
    await page.getByRole('checkbox', { name: 'Wasserstoff-Kernnetz: Orte der Maßnahmen' }).check();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.layer-map__feature')).some((b) =>
        b.textContent?.includes('(Wasserstoff-Kernnetz: Orte der Maßnahmen)'),
      ),
    );
    assert.ok(requests.some((r) => r.includes('/ogc/collections/hydrogen-core-network/items')));

    // Keyboard: Tab from the form reaches the map; arrows pan, + and - zoom; a view beyond
    // what was loaded loads the features of the new extent. Tab then reaches the feature list,
    // Enter opens the details (focus moves there), Escape closes them (focus comes back).
    await page.getByRole('link', { name: 'Auswahl zurücksetzen' }).focus();
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.activeElement?.classList.contains('leaflet-container')),
      'Tab reaches the map',
    );
    const root = page.locator('[data-module="layer-map"]');
    const shown = new Map<number[], string>();
    const view = async () => {
      const text = (await root.getAttribute('data-view')) ?? '';
      const numbers = text.split(',').map(Number);
      shown.set(numbers, text);
      return numbers;
    };
    const changed = async (before: number[]) => {
      await page.waitForFunction(
        (old) =>
          document.querySelector('[data-module="layer-map"]')?.getAttribute('data-view') !== old,
        shown.get(before),
      );
      return view();
    };
    const start = await view();
    await page.keyboard.press('ArrowLeft');
    const west = await changed(start);
    assert.ok(
      west[2]! < start[2]! && west[0] === start[0],
      `panned west: ${west.join()} ${start.join()}`,
    );
    await page.keyboard.press('ArrowUp');
    const north = await changed(west);
    assert.ok(north[1]! > west[1]!, 'panned north');
    await page.keyboard.press('+');
    const zoomedIn = await changed(north);
    assert.ok(zoomedIn[0]! > north[0]!, 'zoomed in');
    requests.length = 0;
    await page.keyboard.press('-');
    const zoomedOut = await changed(zoomedIn);
    assert.ok(zoomedOut[0]! < zoomedIn[0]!, 'zoomed out');
    await page.keyboard.press('-');
    await changed(zoomedOut);
    for (let i = 0; i < 50 && requests.length === 0; i++) await page.waitForTimeout(100);
    assert.ok(requests.length > 0, 'a wider view loads the features of its extent');
    const wide = bboxOf(requests.at(-1)!);
    assert.ok(wide[2]! - wide[0]! > 4, `wide extent: ${wide.join()}`);

    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.classList.contains('layer-map__feature') === true,
      );
    }
    assert.ok(reached, 'Tab reaches a feature button');
    const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    const details = await popup.innerText();
    assert.ok(details.includes(label.slice(0, label.indexOf(' ('))), `${label} → ${details}`);
    assert.match(details, /Windenergiegebiete|Kraftwerke|Gewerbe|Wasserstoff/);
    assert.ok(
      await page.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null),
      'the focus is in the details',
    );
    assert.equal(
      await page.locator('.leaflet-popup-close-button').getAttribute('aria-label'),
      'Details schließen',
    );
    const found = await axeViolations(page);
    assert.deepEqual(found, [], describeViolations('/karte mit JavaScript (Details)', found));
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), label);

    const after = await axeViolations(page);
    assert.deepEqual(after, [], describeViolations('/karte mit JavaScript', after));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
