import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const KREIS_ADMIN = 'verwaltung@kreis-paderborn.example';

/**
 * The agency pages with JavaScript off: the authority's directory (kept by its admin), the
 * agency's list and its structured statement with an error state; axe checks each of them.
 */
describe('agency pages in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const as = (email: string) => sessions.as(email);
  const axe = (page: Page, label: string) => sessions.axe(page, label);
  const problems = sessions.problems;

  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
    const kreis = await orgId(t, 'Kreis Paderborn');
    const user = await t.database.db
      .insertInto('users')
      .values({
        email: KREIS_ADMIN,
        display_name: 'Verwaltung Kreis',
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: kreis, role: 'admin' })
      .execute();
  });
  after(async () => stop?.());

  it('directory, agency list and statement form work and pass axe', async () => {
    const admin = await as(KREIS_ADMIN);
    await admin.getByRole('link', { name: 'Beteiligte Stellen' }).click();
    await admin.waitForURL(/beteiligte-stellen/);
    await axe(admin, '/organisation/beteiligte-stellen');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.locator('.error-summary').waitFor();
    await axe(admin, '/organisation/beteiligte-stellen (Fehler)');
    await admin.getByLabel('Stelle', { exact: true }).selectOption({
      label: 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel) (im Verzeichnis)',
    });
    await admin.getByLabel('Rolle im Verfahren').selectOption('nature');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.waitForURL(/ok=gespeichert/);
    assert.match(await admin.locator('main').innerText(), /gespeichert/);

    // A procedure in which LANUK is asked, brought there through the API.
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    const kreis = await orgId(t, 'Kreis Paderborn');
    const lanuk = await orgId(t, 'Landesamt für Natur');
    const project = DEMO_PROJECTS.find((p) => p.key === 'bad-wuennenberg-nord')!;
    const id = (
      await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 2))
    ).json<{ id: string }>().id;
    await applicant.post(`/api/v1/procedures/${id}/actions/submit`);
    await worker.post(`/api/v1/procedures/${id}/actions/confirm-receipt`);
    const confirmed = await worker.post(`/api/v1/procedures/${id}/actions/confirm-completeness`, {
      completenessDate: berlinDate(t.deps.clock.now()),
      agencies: [lanuk],
      timetable: 'Stellungnahmen in einem Monat.',
      missingDocumentsReason: 'Die Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const agency = await as('toeb@lanuk.example');
    await agency.goto(`${base}/stellungnahmen`);
    await axe(agency, '/stellungnahmen');
    await agency.getByRole('link', { name: project.title }).click();
    await agency.getByLabel('Bedenken (mit Begründung)').check();
    await agency.getByRole('button', { name: /Stellungnahme/ }).click();
    await agency.locator('.error-summary').waitFor();
    assert.match(await agency.locator('.error-summary').innerText(), /Begründung der Bedenken/);
    await axe(agency, '/verfahren/:id (Stellungnahme, Fehler)');
    await agency.getByLabel('Bedenken (mit Begründung)').check();
    await agency
      .getByLabel('Begründung und Hinweise')
      .fill('Bedenken wegen des Rotmilans.\n\nEine Kartierung ist nachzureichen.');
    await agency
      .locator('#feld-record-agency-statement-conditions-0')
      .fill('Kartierung vor Baubeginn.');
    await agency.getByRole('button', { name: /Stellungnahme/ }).click();
    await agency.waitForURL(/ok=record-agency-statement/);
    await axe(agency, '/verfahren/:id (Stellungnahme erfasst)');
    const text = await agency.locator('main').innerText();
    assert.match(text, /Bedenken wegen des Rotmilans\.\n+Eine Kartierung ist nachzureichen\./);
    assert.equal(problems.join('\n'), '');
  });
});
