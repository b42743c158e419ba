import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { DEMO_PROJECTS } from '../helpers/permits.ts';
import type { TestApp } from '../helpers/app.ts';
import { signLetter } from '../helpers/letters.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * A simplified permit procedure clicked through in Chromium with JavaScript switched off, as
 * applicant, case worker and agency; axe runs on every permit page type on the way.
 */
describe('permit procedure in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const as = (email: string) => sessions.as(email);
  const axe = (page: Page, label: string) => sessions.axe(page, label);
  const problems = sessions.problems;

  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('runs from application to delivered decision by clicking', async () => {
    // Two turbines of a project in Kreis Paderborn, the authority the applicant chooses below.
    const demo = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
    const project = { ...demo, turbines: demo.turbines.slice(0, 2) };
    const applicant = await as('antrag@windpark-sintfeld.example');
    await applicant.goto(`${base}/antraege/neu`);
    await axe(applicant, '/antraege/neu');
    await applicant.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await applicant.locator('.error-summary').waitFor();
    await axe(applicant, '/antraege/neu (Fehler)');
    await applicant
      .getByLabel('Zuständige Genehmigungsbehörde')
      .selectOption({ label: 'Kreis Paderborn – Untere Immissionsschutzbehörde' });
    await applicant.getByLabel('Bezeichnung des Vorhabens').fill(project.title);
    await applicant.locator('#feld-site-gemeinde').fill(project.gemeinde);
    await applicant.locator('#feld-site-gemarkung').fill(project.parcel.gemarkungKey);
    await applicant.locator('#feld-site-flur').fill(project.parcel.flur);
    await applicant.locator('#feld-site-flurstueck').fill(project.parcel.flurstueck);
    for (const [i, turbine] of project.turbines.entries()) {
      await applicant.locator(`#feld-turbines-${i}-type`).fill(turbine.type);
      await applicant
        .locator(`#feld-turbines-${i}-hubHeightM`)
        .fill(String(turbine.hubHeightM).replace('.', ','));
      await applicant
        .locator(`#feld-turbines-${i}-rotorDiameterM`)
        .fill(String(turbine.rotorDiameterM));
      await applicant
        .locator(`#feld-turbines-${i}-ratedPowerKw`)
        .fill(String(turbine.ratedPowerKw));
      await applicant
        .locator(`#feld-turbines-${i}-lon`)
        .fill(String(turbine.lon).replace('.', ','));
      await applicant.locator(`#feld-turbines-${i}-lat`).fill(String(turbine.lat));
    }
    await applicant.getByLabel('Geplante Inbetriebnahme').fill('2028-06');
    await applicant
      .getByLabel('Allgemein verständliche Kurzbeschreibung')
      .fill(
        'Zwei Windenergieanlagen bei Büren; Schall und Schattenwurf werden durch Abschaltungen begrenzt.',
      );
    await applicant.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await applicant.waitForURL(/\/verfahren\/[0-9a-f-]+\?ok=angelegt/);
    const caseUrl = applicant.url().split('?')[0]!;
    await axe(applicant, '/verfahren/:id (Entwurf, Antragstellung)');

    await applicant.getByLabel('Art der Unterlage').selectOption('site-plans');
    await applicant
      .locator('#datei')
      .setInputFiles({ name: 'lageplan.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await applicant.getByRole('button', { name: 'Hochladen' }).click();
    await applicant.waitForURL(/ok=hochgeladen/);
    await applicant.locator('#datei').setInputFiles({
      name: 'bild.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('kein PDF, sondern Text'),
    });
    await applicant.getByRole('button', { name: 'Hochladen' }).click();
    await applicant.locator('.error-summary').waitFor();
    assert.match(await applicant.locator('.error-summary').innerText(), /kein PDF, PNG oder JPEG/);
    await applicant.goto(caseUrl);
    await applicant.getByRole('button', { name: /einreichen/i }).click();
    await applicant.waitForURL(/ok=submit/);

    const worker = await as('sachbearbeitung@kreis-paderborn.example');
    await worker.goto(`${base}/arbeitskorb`);
    await axe(worker, '/arbeitskorb');
    await worker.getByRole('link', { name: project.title }).click();
    await axe(worker, '/verfahren/:id (Sachbearbeitung)');
    await worker.getByRole('button', { name: /Eingang bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-receipt/);
    // The directory preselects the authority's defaults for wind; this walk asks LANUK only.
    const preselected = worker.locator('input[name="confirm-completeness.agencies"]:checked');
    assert.ok((await preselected.count()) > 0, 'Standardauswahl aus dem Verzeichnis');
    const boxes = worker.locator('input[name="confirm-completeness.agencies"]');
    for (const box of await boxes.all()) await box.uncheck();
    await worker.getByLabel('Landesamt für Natur, Umwelt und Klima NRW (Beispiel)').check();
    await worker
      .getByLabel('Zeitplan für das Verfahren')
      .fill('Stellungnahmen in einem Monat, Entscheidung danach.');
    // Only the site plans are uploaded: confirming anyway needs a recorded reason.
    await worker
      .getByLabel('Begründung für die Bestätigung trotz fehlender Unterlagen')
      .fill('Die übrigen Gutachten liegen der Behörde aus der Vorprüfung vor.');
    await worker.getByRole('button', { name: /Vollständigkeit bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-completeness/);

    const agency = await as('toeb@lanuk.example');
    await agency.goto(`${base}/stellungnahmen`);
    await axe(agency, '/stellungnahmen');
    await agency.getByRole('link', { name: project.title }).click();
    await axe(agency, '/verfahren/:id (Fachbehörde)');
    await agency.getByLabel('Keine Bedenken mit Nebenbestimmungen').check();
    await agency
      .getByLabel('Begründung und Hinweise')
      .fill('Keine Bedenken.\n\nBei Fledermausabschaltung von April bis Oktober.');
    await agency
      .locator('#feld-record-agency-statement-conditions-0')
      .fill('Fledermausabschaltung von April bis Oktober.');
    await agency.getByRole('button', { name: /Stellungnahme/ }).click();
    await agency.waitForURL(/ok=record-agency-statement/);

    await worker.goto(caseUrl);
    await worker.getByRole('button', { name: /Beteiligung der Behörden abschließen/i }).click();
    await worker.waitForURL(/ok=complete-agency-involvement/);
    await worker
      .getByLabel('Nebenbestimmungen (eine je Zeile, nur bei Genehmigung)')
      .fill('Fledermausabschaltung April bis Oktober.');
    await worker
      .locator('#feld-decide textarea[name="decide.reasons"]')
      .fill('Die Voraussetzungen des § 6 BImSchG liegen vor.');
    await worker.locator('#feld-decide button[type=submit]').click();
    await worker.waitForURL(/ok=decide/);
    // The Bescheid goes out only once a second person has signed it (409 with the reason).
    await worker.locator('#feld-deliver-decision button[type=submit]').click();
    assert.match(await worker.locator('main').innerText(), /von einer zweiten Person gezeichnet/);
    await signLetter(t, caseUrl.split('/').at(-1)!, 'decision');
    await worker.goto(caseUrl);
    await worker.locator('#feld-deliver-decision button[type=submit]').click();
    await worker.waitForURL(/ok=deliver-decision/);
    assert.match(await worker.locator('main').innerText(), /Bescheid zugestellt/);
    await worker.goto(`${base}/aufsicht/fristen`);
    await axe(worker, '/aufsicht/fristen');
    await applicant.goto(`${base}/antraege`);
    await axe(applicant, '/antraege');
    const finder = await as('antrag@windpark-sintfeld.example');
    await finder.goto(
      `${base}/verfahrensfinder?pruefen=1&turbineCount=8&maxTotalHeightM=200&areaMode=outside`,
    );
    await axe(finder, '/verfahrensfinder (Ergebnis)');
    assert.equal(problems.join('\n'), '');
  });
});
