import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  seedLetterWorld,
  TEST_PASSWORD,
  TEST_TYPE,
  testBuilder,
  type LetterWorld,
} from '../../src/procedures/letters/letter.testkit.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { fixedClock } from '../helpers/app.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * Letters in Chromium with JavaScript off: the drafter drafts and submits, the supervisor signs
 * in a second browser, the drafter delivers; axe checks every letter page type on the way.
 */
describe(
  'in Chromium without JavaScript: letters from draft to delivery, axe on each page',
  { skip },
  () => {
    let browser: Browser;
    let base: string;
    let world: LetterWorld;
    let stop: (() => Promise<void>) | undefined;
    const problems: string[] = [];

    before(async () => {
      const env = await startBrowserApp({
        clock: fixedClock(new Date('2026-12-03T09:00:00Z')),
        app: {
          letterBuilders: { [TEST_TYPE]: testBuilder },
          loadProfile: (db, org) => world.loadProfile(db, org),
        },
      });
      ({ browser, base } = env);
      world = await seedLetterWorld(env.t.database.db);
      stop = () => env.close();
    });
    after(async () => stop?.());

    interface Session {
      context: BrowserContext;
      page: Page;
      /** Same login with script allowed: axe runs as a script, the walk itself needs none. */
      axe: BrowserContext;
    }

    async function logIn(email: string): Promise<Session> {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${base}/anmelden`);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(`${base}/konto`);
      const storageState = await context.storageState();
      const axe = await browser.newContext({ locale: 'de-DE', storageState });
      return { context, page, axe };
    }

    /** axe on the page the session shows (by its URL), or on the state `prepare` leads to. */
    async function check(session: Session, label: string, prepare?: (page: Page) => Promise<void>) {
      const page = await session.axe.newPage();
      await page.goto(session.page.url());
      if (prepare) await prepare(page);
      const violations = await axeViolations(page);
      if (violations.length > 0) problems.push(describeViolations(label, violations));
      await page.close();
    }

    it('drafts, submits, signs, delivers; every page passes axe', async () => {
      const drafter = await logIn(world.users.drafter.email);
      const letters = `${base}/verfahren/${world.procedureId}/schreiben`;
      await drafter.page.goto(letters);
      await check(drafter, 'Schreiben (Liste)');
      await drafter.page.getByLabel('Art des Schreibens').selectOption('decision');
      await drafter.page.getByRole('button', { name: 'Entwurf erzeugen' }).click();
      await drafter.page.getByRole('heading', { name: /Bescheid \(Fassung 1\)/ }).waitFor();
      await check(drafter, 'Schreiben (Entwurf)');
      // Without a signatory: the error summary, the page stays.
      await drafter.page.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
      await drafter.page.locator('.error-summary').waitFor();
      assert.match(await drafter.page.title(), /^Fehler: /);
      await drafter.page.goBack();
      await check(drafter, 'Schreiben (Fehler)', async (page) => {
        await page.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
        await page.locator('.error-summary').waitFor();
      });
      await drafter.page.getByLabel('Unterzeichnung durch').selectOption('sig-1');
      await drafter.page.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
      await drafter.page.getByText('Das Schreiben liegt zur Zeichnung vor.').waitFor();

      const supervisor = await logIn(world.users.supervisor.email);
      await supervisor.page.goto(`${base}/zeichnung`);
      await check(supervisor, 'Zur Zeichnung');
      await supervisor.page.getByRole('link', { name: /Bescheid \(Fassung 1\)/ }).click();
      await check(supervisor, 'Schreiben (Zeichnung)');
      await supervisor.page.getByRole('button', { name: 'Schreiben zeichnen' }).click();
      await supervisor.page
        .getByText('Das Schreiben ist gezeichnet und in der Akte abgelegt.')
        .waitFor();
      await check(supervisor, 'Schreiben (gezeichnet)');

      await drafter.page.reload();
      await drafter.page.getByRole('button', { name: 'Schreiben zustellen' }).click();
      await drafter.page.getByText('Das Schreiben wurde zugestellt.').waitFor();
      await check(drafter, 'Schreiben (zugestellt)');

      const applicant = await logIn(world.users.applicant.email);
      await applicant.page.goto(letters);
      await applicant.page.getByRole('link', { name: 'Bescheid' }).click();
      await check(applicant, 'Schreiben (Antragstellerin)');
      const download = applicant.page.waitForEvent('download');
      await applicant.page.getByRole('link', { name: /Gezeichnetes Schreiben als PDF/ }).click();
      assert.match((await download).suggestedFilename(), /^Bescheid-Fassung-1\.pdf$/);

      const admin = await logIn(world.users.admin.email);
      await admin.page.goto(`${base}/organisation/vorlagen`);
      await check(admin, 'Textvorlagen');
      const refuseTemplate = async (page: Page) => {
        await page.getByLabel('Einleitung – Eingangsbestätigung').fill('Zum {vorhabn}');
        await page.getByRole('button', { name: 'Vorlage „Eingangsbestätigung“ speichern' }).click();
        await page.locator('.error-summary').waitFor();
      };
      await refuseTemplate(admin.page);
      assert.match(await admin.page.content(), /„\{vorhabn\}“ ist kein bekannter Platzhalter/);
      await admin.page.goto(`${base}/organisation/vorlagen`);
      await check(admin, 'Textvorlagen (Fehler)', refuseTemplate);
      for (const session of [drafter, supervisor, applicant, admin]) {
        await session.context.close();
        await session.axe.close();
      }
      assert.equal(problems.join('\n'), '');
    });
  },
);
