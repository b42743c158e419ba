import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { addSquareAreas } from '../helpers/wind-areas.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * The wind-area register list with JavaScript off, over more than one page: the Stichtag chosen
 * in the form stays when paging, a bad page number is a German 400 page; axe checks every page.
 */
describe('wind-area register list paged in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );

  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
    // 15 demo areas and 250 more from 01.07.2026: three pages of at most 100.
    await addSquareAreas(env.t.database.db, {
      prefix: 'Testgebiet',
      count: 250,
      latStart: 51.45,
      effectiveOn: '2026-07-01',
      now: env.t.deps.clock.now(),
    });
  });
  after(async () => stop?.());

  it('pages with the Stichtag kept and refuses a bad page number in German', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${base}/windenergiegebiete/gebiete`);
    await page.getByLabel('Stichtag').fill('15.07.2026');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/stichtag=15\.07\.2026/);
    const pager = page.getByRole('navigation', { name: 'Seiten', exact: true });
    assert.match(await pager.innerText(), /Seite 1 von 3/);
    assert.equal(await page.locator('table tbody tr').count(), 100);

    await pager.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForURL(/\/windenergiegebiete\/gebiete\?stichtag=2026-07-15&seite=2$/);
    assert.match(await pager.innerText(), /Seite 2 von 3/);
    assert.match(await page.locator('main').innerText(), /Gebiete 101 bis 200 von 265\./);
    await sessions.axe(page, '/windenergiegebiete/gebiete?seite=2');

    await pager.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForURL(/seite=3$/);
    assert.equal(await page.locator('table tbody tr').count(), 65);
    assert.equal(await pager.getByRole('link', { name: 'Nächste Seite' }).count(), 0);

    const response = await page.goto(
      `${base}/windenergiegebiete/gebiete?stichtag=15.07.2026&seite=0`,
    );
    assert.equal(response?.status(), 400);
    assert.match(await page.title(), /^Fehler: /);
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Die Seitenzahl ist eine ganze Zahl von 1 bis/);
    // The summary's link leads to the message on the page.
    const target = await summary.getByRole('link').getAttribute('href');
    assert.equal(target, '#feld-seite');
    assert.equal(await page.locator(target).count(), 1);
    assert.equal(await page.getByLabel('Stichtag').inputValue(), '15.07.2026');
    await sessions.axe(page, '/windenergiegebiete/gebiete?seite=0');
    await context.close();
    assert.equal(sessions.problems.join('\n'), '');
  });
});
