import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { offsetClock, systemClock } from '../../src/platform/clock.ts';
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

/** The banner of a demo instance whose clock runs ahead: visible, named, and without axe findings. */
describe('demo clock banner in the browser', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp({
      env: { DEMO_INSTANCE: 'true', DEMO_CLOCK_OFFSET_DAYS: '30' },
      clock: offsetClock(systemClock, 30),
    });
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('shows the offset and the effective date on every page type, accessibly', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const problems: string[] = [];
    for (const path of ['/', '/anmelden', '/fristenrechner']) {
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      const banner = page.getByRole('note', { name: 'Demo-Uhr' });
      assert.match(
        await banner.innerText(),
        /Demo-Instanz: Die Uhr ist um 30 Tage vorgestellt \(heute gilt als \w+, \d{1,2}\. \w+ \d{4}\)\./,
      );
      const violations = await axeViolations(page);
      if (violations.length > 0) problems.push(describeViolations(path, violations));
      await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});
