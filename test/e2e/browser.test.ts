import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
  logIn,
} from '../helpers/browser.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

describe(
  'in Chromium: login, Fristenrechner without JavaScript, axe on every page type',
  { skip },
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let stop: (() => Promise<void>) | undefined;
    before(async () => {
      const env = await startBrowserApp();
      ({ t, browser, base } = env);
      stop = () => env.close();
    });
    after(async () => stop?.());

    it('uses the Fristenrechner with JavaScript disabled and reads the rationale', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${base}/fristenrechner`);
      await page.getByLabel('Fristbeginn oder Tag des Ereignisses').fill('2026-01-31');
      await page.getByLabel('Dauer').fill('1 Monat');
      await page.getByLabel(/Ereignisfrist/).check();
      await page.getByRole('button', { name: 'Fristende berechnen' }).click();
      await page.waitForURL(/\/fristenrechner\?/);
      const result = page.locator('.deadline-result');
      await result.waitFor();
      const text = await result.innerText();
      assert.match(text, /Montag, 2\. März 2026/);
      assert.match(text, /Samstag, 28\. Februar 2026/);
      assert.match(text, /§ 188 Abs\. 3 BGB/);
      // bad input without JavaScript: error summary linking to the field, value kept
      await page.getByLabel('Fristbeginn oder Tag des Ereignisses').fill('2026-02-30');
      await page.getByRole('button', { name: 'Fristende berechnen' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.title(), /^Fehler: /);
      const link = page.locator('.error-summary a[href="#feld-start"]');
      assert.equal(await link.count(), 1);
      await context.close();
    });

    it('logs in by clicking and logs out again', async () => {
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await logIn(context, base, 'sachbearbeitung@kreis-paderborn.example');
      assert.match(await page.locator('main').innerText(), /Sachbearbeitung – Kreis Paderborn/);
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.waitForURL(`${base}/?abgemeldet=1`);
      assert.match(await page.locator('main').innerText(), /Sie wurden abgemeldet/);
      await context.close();
    });

    it('axe finds no violations on any page type', async () => {
      const anonymous = await browser.newContext({ locale: 'de-DE' });
      const adminContext = await browser.newContext({ locale: 'de-DE' });
      const workerContext = await browser.newContext({ locale: 'de-DE' });
      await logIn(adminContext, base, 'admin@industrieland.example');
      await logIn(workerContext, base, 'sachbearbeitung@kreis-paderborn.example');
      const adminId = (
        await t.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'admin@industrieland.example')
          .executeTakeFirstOrThrow()
      ).id;

      const pages: [BrowserContext, string, (p: Page) => Promise<void>][] = [
        [anonymous, '/', async () => undefined],
        [anonymous, '/fristenrechner', async () => undefined],
        [
          anonymous,
          '/fristenrechner?start=2026-04-03&duration=P0D&counting=day-start&jahr=2026',
          async () => undefined,
        ],
        [
          anonymous,
          '/fristenrechner?start=2026-03-09&duration=P1M&counting=day-start',
          async () => undefined,
        ],
        [anonymous, '/fristenrechner?start=kaputt&duration=P1X&counting=', async () => undefined],
        [anonymous, '/anmelden', async () => undefined],
        [
          anonymous,
          '/anmelden',
          async (p) => {
            await p.getByRole('button', { name: 'Anmelden' }).click();
            await p.locator('.error-summary').waitFor();
          },
        ],
        [anonymous, '/api/docs', async () => undefined],
        [anonymous, '/barrierefreiheit', async () => undefined],
        [anonymous, '/impressum', async () => undefined],
        [anonymous, '/gibt-es-nicht', async () => undefined],
        [workerContext, '/admin/benutzer', async () => undefined], // 403 page
        [workerContext, '/konto', async () => undefined],
        [workerContext, '/konto/passwort', async () => undefined],
        [
          workerContext,
          '/konto/passwort',
          async (p) => {
            await p.getByRole('button', { name: 'Passwort ändern' }).click();
            await p.locator('.error-summary').waitFor();
          },
        ],
        [adminContext, '/admin/benutzer', async () => undefined],
        [
          adminContext,
          '/admin/benutzer',
          async (p) => {
            await p.getByRole('button', { name: 'Benutzerkonto anlegen' }).click();
            await p.locator('.error-summary').waitFor();
          },
        ],
        [adminContext, `/admin/benutzer/${adminId}`, async () => undefined],
        [adminContext, '/admin/organisationen', async () => undefined],
        [adminContext, '/admin/postausgang', async () => undefined],
      ];
      const problems: string[] = [];
      for (const [context, url, prepare] of pages) {
        const page = await context.newPage();
        await page.goto(`${base}${url}`);
        await prepare(page);
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push(describeViolations(url, violations));
        await page.close();
      }
      assert.equal(problems.join('\n'), '');
      await Promise.all([anonymous.close(), adminContext.close(), workerContext.close()]);
    });
  },
);
