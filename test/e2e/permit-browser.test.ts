import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { DEMO_PROJECTS } from '../helpers/permits.ts';

const skip = browserSkipReason();

/**
 * A simplified permit procedure clicked through in Chromium with JavaScript switched off, as
 * applicant, case worker and agency; axe runs on every permit page type on the way.
 */
describe('permit procedure in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  const contexts: Record<string, BrowserContext> = {};
  const problems: string[] = [];

  async function as(email: string): Promise<Page> {
    contexts[email] ??= await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await contexts[email].newPage();
    await page.goto(`${base}/anmelden`);
    if (page.url().endsWith('/anmelden')) {
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort').fill('Demo-Passwort-2026');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(/\/konto$/);
    }
    return page;
  }

  async function axe(page: Page, label: string) {
    // axe is a script, and scripts are off in this context: the page as the user sees it (also an
    // error state after a POST) is copied into a scripted page on the same URL and checked there.
    const html = await page.content();
    const probe = await (contexts.axe ??= await browser.newContext({ locale: 'de-DE' })).newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) problems.push(describeViolations(label, violations));
    await probe.close();
  }

  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('runs from application to delivered decision by clicking', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'wilnsdorf-ost')!;
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
        'Zwei Windenergieanlagen bei Wilnsdorf; Schall und Schattenwurf werden durch Abschaltungen begrenzt.',
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
    await agency
      .getByLabel('Stellungnahme')
      .fill('Keine Bedenken bei Fledermausabschaltung von April bis Oktober.');
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
