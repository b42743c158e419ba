import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const MUNICIPALITY = 'bauamt@lichtenau.example';
const WORKER = 'sachbearbeitung@kreis-paderborn.example';

/**
 * The municipality's Einvernehmen in the browser without JavaScript: the municipality refuses it
 * on its case page (first without reasons), the case worker replaces it; axe checks each state.
 */
describe('consent steps in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  const contexts: Record<string, BrowserContext> = {};
  const problems: string[] = [];

  async function as(email: string): Promise<Page> {
    contexts[email] ??= await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await contexts[email].newPage();
    await page.goto(`${base}/anmelden`);
    if (page.url().endsWith('/anmelden')) {
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(/\/konto$/);
    }
    return page;
  }

  async function axe(page: Page, label: string) {
    const html = await page.content();
    const probe = await (contexts.axe ??= await browser.newContext({ locale: 'de-DE' })).newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) problems.push(describeViolations(label, violations));
    await probe.close();
  }

  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('the municipality refuses its Einvernehmen; the case worker replaces it', async () => {
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const worker = await apiAs(t, WORKER);
    const kreis = await orgId(t, 'Kreis Paderborn');
    const gemeinde = await orgId(t, 'Stadt Lichtenau');
    const project = DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nord')!;
    const id = (
      await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 2))
    ).json<{ id: string }>().id;
    await applicant.post(`/api/v1/procedures/${id}/actions/submit`);
    await worker.post(`/api/v1/procedures/${id}/actions/confirm-receipt`);
    const confirmed = await worker.post(`/api/v1/procedures/${id}/actions/confirm-completeness`, {
      completenessDate: berlinDate(t.deps.clock.now()),
      agencies: [gemeinde],
      timetable: 'Stellungnahmen in einem Monat.',
      missingDocumentsReason: 'Die Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const municipality = await as(MUNICIPALITY);
    await municipality.goto(`${base}/verfahren/${id}`);
    assert.match(await municipality.locator('main').innerText(), /Einvernehmen erbeten/);
    await axe(municipality, '/verfahren/:id (Gemeinde, Einvernehmen erbeten)');
    await municipality
      .getByRole('button', { name: 'Einvernehmen bzw. Zustimmung verweigern' })
      .click();
    await municipality.locator('.error-summary').waitFor();
    assert.match(
      await municipality.locator('.error-summary').innerText(),
      /Begründung der Verweigerung fehlt/,
    );
    await axe(municipality, '/verfahren/:id (Verweigerung, Fehler)');
    await municipality
      .getByLabel('Begründung der Verweigerung')
      .fill('Der Standort widerspricht dem Flächennutzungsplan.\n\nEine Ausnahme liegt nicht vor.');
    await municipality
      .getByRole('button', { name: 'Einvernehmen bzw. Zustimmung verweigern' })
      .click();
    await municipality.waitForURL(/ok=refuse-consent/);
    assert.match(await municipality.locator('main').innerText(), /Einvernehmen verweigert/);
    await axe(municipality, '/verfahren/:id (Einvernehmen verweigert)');

    const staff = await as(WORKER);
    await staff.goto(`${base}/verfahren/${id}`);
    await axe(staff, '/verfahren/:id (Sachbearbeitung, Einvernehmen verweigert)');
    await staff
      .getByLabel('Begründung der Ersetzung')
      .fill('Der Flächennutzungsplan entfaltet keine Ausschlusswirkung.');
    await staff
      .getByRole('button', { name: 'Verweigertes Einvernehmen der Gemeinde ersetzen' })
      .click();
    await staff.waitForURL(/ok=replace-consent/);
    assert.match(await staff.locator('main').innerText(), /Einvernehmen ersetzt/);
    await axe(staff, '/verfahren/:id (Einvernehmen ersetzt)');
    assert.equal(problems.join('\n'), '');
  });
});
