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

/** The public award list without login and without JavaScript; axe on the list and its error state. */
describe('public award list in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('filters with the GET form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Gewährte Förderungen' }).click();
    await page.waitForURL(`${base}/foerderung/vergaben`);
    await page.getByLabel('Kreis oder kreisfreie Stadt des Empfängers').selectOption('05958');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/kreis=05958/);
    const main = await page.locator('main').innerText();
    assert.match(main, /1 Förderung, zusammen 212\.000,00 €/);
    assert.match(main, /Gießerei Hennesee GmbH \(Beispiel\)/);
    await context.close();
  });

  it('axe finds nothing on the list, a filtered list and the error state', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    for (const [name, path] of [
      ['Vergabeliste', '/foerderung/vergaben'],
      ['Vergabeliste gefiltert', '/foerderung/vergaben?jahr=2026&kreis=05913'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const found = await axeViolations(page);
      assert.deepEqual(found, [], describeViolations(name, found));
    }
    await page.goto(`${base}/foerderung/vergaben?jahr=abc`);
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    const failed = await axeViolations(page);
    assert.deepEqual(failed, [], describeViolations('Vergabeliste mit Fehlern', failed));
    await context.close();
  });
});
