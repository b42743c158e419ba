import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';

/** The guide to the receipt hash is a public page like any other: axe finds nothing. */
// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
describe('receipt hash guide in the browser', { skip: browserSkipReason() }, () => {
  let env: Awaited<ReturnType<typeof startBrowserApp>>;
  before(async () => {
    env = await startBrowserApp();
  });
  after(async () => env?.close());

  it('/pruefsumme is accessible and links the full guide', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE' });
    const response = await page.goto(`${env.base}/pruefsumme`);
    assert.equal(response?.status(), 200);
    await page.getByRole('link', { name: /Vollständige Anleitung/ }).click();
    assert.match(await page.content(), /industrieland-einwendung-v2/);
    await page.goto(`${env.base}/pruefsumme`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations('/pruefsumme', violations));
  });
});
