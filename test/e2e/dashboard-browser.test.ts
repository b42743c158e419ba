import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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

/** The monitoring pages without JavaScript, and axe on every page type of the dashboard. */
describe('monitoring dashboard in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('overview, indicator, dated stand and drill-down work without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.waitForURL(`${base}/monitoring`);
    await page.getByRole('link', { name: 'Installierte Leistung erneuerbarer Energien' }).click();
    await page.waitForURL(`${base}/monitoring/erneuerbare-leistung`);
    const main = await page.locator('main').innerText();
    assert.match(main, /Windenergie an Land/);
    assert.match(main, /Datenstand/);
    await page.getByLabel('Stand (Tag, den die Zahlen beschreiben)').fill('2023-06-30');
    await page.getByRole('button', { name: 'Stand anzeigen' }).click();
    await page.waitForURL(/stand=2023-06-30/);
    assert.match(
      await page.locator('main').innerText(),
      /6\.452,4 MW Windenergie an Land \(Ende 2021\)/,
    );
    await page.getByRole('link', { name: /Installierte Leistung je Gemeinde/ }).click();
    await page.waitForURL(/einzelwerte/);
    assert.match(await page.locator('main').innerText(), /Paderborn/);
    await context.close();
  });

  it('axe finds nothing on the overview, an indicator, its embed, its drill-down and an error', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    for (const path of [
      '/monitoring',
      '/monitoring/erneuerbare-leistung',
      '/monitoring/entscheidungsfristen',
      '/monitoring/bildungspraemie',
      '/monitoring/windflaechen',
      '/monitoring/erneuerbare-leistung/einbetten',
      '/monitoring/erneuerbare-leistung/einzelwerte?gruppe=05774',
      '/monitoring?stand=2026-02-30',
    ]) {
      await page.goto(`${base}${path}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(path, violations));
    }
    await context.close();
  });
});
