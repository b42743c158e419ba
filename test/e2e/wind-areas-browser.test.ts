import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const MINISTRY = 'aufsicht@mwike.example';

/** The cells of a tracker table (caption as shown) by the row's name: German numbers parsed. */
async function tableRows(page: Page, caption: string): Promise<Map<string, string[]>> {
  const table = page.locator('table', {
    has: page.locator('caption', { hasText: new RegExp(`^${caption}$`) }),
  });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? ''),
      ),
    );
  return new Map(rows.map((cells) => [cells[0]!, cells]));
}

function number(text: string | undefined): number {
  return Number((text ?? '').replace(/\s*%$/, '').replace(/\./g, '').replace(',', '.'));
}

/** Columns of the tracker tables without a parent column (Land, planning regions). */
const IN_FORCE = 2;
const MISSING = 7;

/**
 * The wind-area target tracker with JavaScript off: today's state and the state as of a past
 * Stichtag chosen by the form, the CSV files, the register list, a bad Stichtag, and the import
 * form of the Land planning authority refusing a bad file; axe checks every page shown.
 */
describe('wind-area tracker in the browser without JavaScript', { skip }, () => {
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
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('shows the target today and as of a past Stichtag, with CSV, register and errors', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Windenergiegebiete', exact: true }).click();
    await page.waitForURL(`${base}/windenergiegebiete`);
    assert.match(await page.locator('#stand').innerText(), /Version 2 vom 30\.06\.2026/);
    const regionsNow = await tableRows(page, 'Planungsregionen');
    const kreiseNow = await tableRows(page, 'Kreise und kreisfreie Städte');
    const gemeindenNow = await tableRows(page, 'Gemeinden mit Windenergiegebieten');
    assert.equal(regionsNow.size, 6, [...regionsNow.keys()].join(', '));
    assert.ok(gemeindenNow.has('Hamminkeln'));
    assert.equal(gemeindenNow.get('Hamminkeln')![1], 'Kreis Wesel');
    await axe(page, '/windenergiegebiete');

    // As of 31.12.2025 by the form: the first import only.
    await page.getByLabel('Stichtag').fill('31.12.2025');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/stichtag=31\.12\.2025/);
    assert.match(
      await page.locator('#stand').innerText(),
      /^Stand 31\.12\.2025: Version 1 vom 30\.06\.2025\./,
    );
    assert.equal(await page.getByLabel('Stichtag').inputValue(), '31.12.2025');
    const regionsThen = await tableRows(page, 'Planungsregionen');
    const kreiseThen = await tableRows(page, 'Kreise und kreisfreie Städte');
    const gemeindenThen = await tableRows(page, 'Gemeinden mit Windenergiegebieten');
    // The Ruhr areas (Hamminkeln, Werne) came with the second import.
    const ruhrThen = regionsThen.get('Planungsregion Ruhr')!;
    const ruhrNow = regionsNow.get('Planungsregion Ruhr')!;
    assert.equal(number(ruhrThen[IN_FORCE]), 0);
    assert.ok(number(ruhrNow[IN_FORCE]) > 0);
    assert.ok(number(ruhrThen[MISSING]) > number(ruhrNow[MISSING]));
    assert.ok(
      Math.abs(
        number(ruhrThen[MISSING]) -
          number(ruhrNow[MISSING]) -
          number(ruhrNow[IN_FORCE]) +
          number(ruhrThen[IN_FORCE]),
      ) < 0.15,
      'the hectares missing grow by what was designated since',
    );
    assert.equal(number(kreiseThen.get('Kreis Wesel')![IN_FORCE + 1]), 0);
    assert.ok(number(kreiseNow.get('Kreis Wesel')![IN_FORCE + 1]) > 0);
    assert.ok(!gemeindenThen.has('Hamminkeln'));
    assert.ok(gemeindenThen.has('Brilon'));
    const land = (await tableRows(page, 'Land Nordrhein-Westfalen')).values().next().value!;
    assert.match(await page.locator('#stand').innerText(), new RegExp(`${land[IN_FORCE]} ha`));
    await axe(page, '/windenergiegebiete?stichtag (früherer Stand)');

    // The CSV of the planning regions is the same Stichtag's.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tabelle Planungsregionen als CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'windenergie-regionen-2025-12-31.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^\uFEFFSchlüssel;Name;/);
    const ruhrLine = csv.split('\r\n').find((l) => l.includes(';Planungsregion Ruhr;'));
    assert.ok(ruhrLine, csv);
    assert.equal(ruhrLine.split(';')[4], '0,00');

    // The register list to the same Stichtag, and from there the map with the areas.
    await page.getByRole('link', { name: 'Gebiete im Register zu diesem Stand' }).click();
    await page.waitForURL(/\/windenergiegebiete\/gebiete\?stichtag=2025-12-31/);
    const names = await page.locator('table tbody th').allInnerTexts();
    assert.equal(names.length, 9);
    assert.ok(!names.some((n) => n.includes('Hamminkeln')));
    await axe(page, '/windenergiegebiete/gebiete?stichtag');
    await page.getByRole('link', { name: /auf der Karte/ }).click();
    await page.waitForURL(/\/karte\?ebene=wind-areas/);
    assert.equal(await page.locator('svg.layer-map__svg [data-layer]').count(), 1);

    // Bad Stichtage: a German message, the value kept, 400 and not a 5xx.
    await page.goto(`${base}/windenergiegebiete`);
    for (const [value, message] of [
      ['31.02.2025', /Stichtag: Bitte geben Sie ein gültiges Datum im Format TT\.MM\.JJJJ an\./],
      ['01.01.2099', /Stichtag: Der Stichtag darf nicht in der Zukunft liegen\./],
    ] as const) {
      await page.getByLabel('Stichtag').fill(value);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/windenergiegebiete?')),
        page.getByRole('button', { name: 'Anzeigen' }).click(),
      ]);
      assert.equal(response.status(), 400, value);
      assert.match(await page.locator('.error-summary').innerText(), message);
      assert.equal(await page.getByLabel('Stichtag').inputValue(), value);
      assert.match(await page.title(), /^Fehler: /);
    }
    await axe(page, '/windenergiegebiete?stichtag (Fehler)');
    await context.close();
    assert.equal(sessions.problems.join('\n'), '');
  });

  it('the Land planning authority imports; a bad file is refused in German, nothing stored', async () => {
    const count = async () =>
      (await t.database.db.selectFrom('area_imports').select('id').execute()).length;
    const areas = async () =>
      (await t.database.db.selectFrom('areas').select('id').execute()).length;
    const before = [await count(), await areas()];
    const dir = mkdtempSync(path.join(tmpdir(), 'gebiete-'));
    const bad = path.join(dir, 'gebiete.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Punkt statt Fläche', kind: 'wind-energy' },
            geometry: { type: 'Point', coordinates: [7.5, 51.5] },
          },
        ],
      }),
    );
    const notJson = path.join(dir, 'kaputt.geojson');
    writeFileSync(notJson, '{"type": "FeatureCollection", ');

    const ministry = await sessions.as(MINISTRY);
    await ministry.goto(`${base}/windenergiegebiete/import`);
    await ministry.locator('h1', { hasText: 'Windenergiegebiete importieren' }).waitFor();
    await axe(ministry, '/windenergiegebiete/import');
    for (const [file, message] of [
      [bad, /Gebiet 1: /],
      [notJson, /GeoJSON-Datei: Die Datei ist kein gültiges JSON in UTF-8\./],
    ] as const) {
      await ministry.getByLabel('Stand der Daten').fill('01.12.2026');
      await ministry.getByLabel(/^Ersetzen/).check();
      await ministry.getByLabel('GeoJSON-Datei').setInputFiles(file);
      await ministry.getByRole('button', { name: 'Importieren' }).click();
      await ministry.locator('.error-summary').waitFor();
      const summary = await ministry.locator('.error-summary').innerText();
      assert.match(summary, message);
      assert.doesNotMatch(summary, /undefined|Error|\bat\b.*\.ts/);
      assert.equal(await ministry.getByLabel('Stand der Daten').inputValue(), '01.12.2026');
    }
    await axe(ministry, '/windenergiegebiete/import (abgelehnt)');
    assert.deepEqual([await count(), await areas()], before);
    await ministry.goto(`${base}/windenergiegebiete`);
    assert.match(await ministry.locator('#stand').innerText(), /Version 2 vom 30\.06\.2026/);
    assert.equal(sessions.problems.join('\n'), '');
  });
});
