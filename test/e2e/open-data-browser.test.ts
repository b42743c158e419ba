import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { figureSource, layer } from '../helpers/opendata.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/** The open-data page without login and without JavaScript, and axe on it. */
describe('open data page in Chromium', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp({ app: { layers: [layer], figures: figureSource } });
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('is reached from the navigation without JavaScript and links the catalogue', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: 'Offene Daten' }).click();
    await page.waitForURL(`${base}/daten`);
    await page
      .getByRole('heading', { name: 'Gewährte Förderungen (Einzelbeihilfen über 100.000 €)' })
      .waitFor();
    const rdf = await page.getByRole('link', { name: 'Katalog als RDF/XML' }).getAttribute('href');
    assert.equal(rdf, '/daten/katalog.rdf');
    const response = await page.request.get(`${base}${rdf}`);
    assert.equal(response.status(), 200);
    assert.match(await response.text(), /<dcat:Catalog rdf:about=/);
    await context.close();
  });

  it('axe finds nothing on /daten', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${base}/daten`);
    const found = await axeViolations(page);
    assert.deepEqual(found, [], describeViolations('Offene Daten', found));
    await context.close();
  });
});
