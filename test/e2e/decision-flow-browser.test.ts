import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { berlinDate } from '../../src/permits/permit.queries.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { fixedClock, type TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { DEMO_PROJECTS } from '../helpers/permits.ts';

type DemoWindProject = (typeof DEMO_PROJECTS)[number];

const skip = browserSkipReason();
const DAY_MS = 86_400_000;

/** A condition the nature agency proposes; the decision must carry it word for word. */
const AGENCY_CONDITION =
  'Die Anlagen sind von April bis Oktober nachts bei Windgeschwindigkeiten unter 6 m/s abzuschalten (Fledermausschutz).';

/**
 * Both procedure types from the application to the delivered decision, clicked through in
 * Chromium with JavaScript off, each step by the role whose step it is: applicant, case worker,
 * two agencies (the nature agency proposes a condition that ends up in the decision; the
 * municipality stays silent and its deadline runs out). The clock is the test's: it is moved past
 * the agencies' month, the display and objection period, and the display of the decision, and the
 * deadline watcher runs as its hourly job would.
 */
describe('decision flow of both procedure types in the browser', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  const clock = fixedClock(new Date());
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
    // Scripts are off in the user's context: the page as seen is copied into a scripted one.
    const html = await page.content();
    const probe = await (contexts.axe ??= await browser.newContext({ locale: 'de-DE' })).newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) problems.push(describeViolations(label, violations));
    await probe.close();
  }

  /** Time passes; the watcher runs in the morning as the hourly job would. */
  async function daysPass(days: number) {
    for (let d = 0; d < days; d++) {
      clock.advance(DAY_MS);
      await runDeadlineWatch(t.deps);
    }
  }

  const today = () => berlinDate(clock.now());
  const inDays = (days: number) => berlinDate(new Date(clock.now().getTime() + days * DAY_MS));

  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    // A Tuesday morning, so that no deadline of the walk starts on a weekend by chance.
    const start = new Date();
    start.setUTCHours(8, 0, 0, 0);
    while (start.getUTCDay() !== 2) start.setTime(start.getTime() + DAY_MS);
    clock.set(start);
    const env = await startBrowserApp({ clock });
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  async function apply(project: DemoWindProject, formal: boolean): Promise<string> {
    const applicant = await as('antrag@windpark-sintfeld.example');
    await applicant.goto(`${base}/antraege/neu`);
    await applicant
      .getByLabel('Zuständige Genehmigungsbehörde')
      .selectOption({ label: 'Kreis Paderborn – Untere Immissionsschutzbehörde' });
    await applicant.getByLabel('Bezeichnung des Vorhabens').fill(project.title);
    if (formal) await applicant.locator('select[name=permitWish]').selectOption('formal');
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
      .fill(`Windenergieanlagen in ${project.gemeinde}; Schall und Schattenwurf werden begrenzt.`);
    await applicant.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await applicant.waitForURL(/\/verfahren\/[0-9a-f-]+\?ok=angelegt/);
    const caseUrl = applicant.url().split('?')[0]!;
    await applicant.getByLabel('Art der Unterlage').selectOption('site-plans');
    await applicant
      .locator('#datei')
      .setInputFiles({ name: 'lageplan.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await applicant.getByRole('button', { name: 'Hochladen' }).click();
    await applicant.waitForURL(/ok=hochgeladen/);
    await applicant.getByRole('button', { name: /einreichen/i }).click();
    await applicant.waitForURL(/ok=submit/);
    await applicant.close();
    return caseUrl;
  }

  /** Receipt, completeness with two agencies asked: the municipality and the nature agency. */
  async function intake(caseUrl: string): Promise<Page> {
    const worker = await as('sachbearbeitung@kreis-paderborn.example');
    await worker.goto(caseUrl);
    await worker.getByRole('button', { name: /Eingang bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-receipt/);
    await worker.getByLabel('Landesamt für Natur, Umwelt und Klima NRW (Beispiel)').check();
    await worker.getByLabel('Stadt Lichtenau – Bauamt (Beispiel)').check();
    await worker
      .getByLabel('Zeitplan für das Verfahren')
      .fill('Stellungnahmen in einem Monat, Entscheidung danach.');
    await worker
      .getByLabel('Begründung für die Bestätigung trotz fehlender Unterlagen')
      .fill('Die übrigen Gutachten liegen der Behörde aus der Vorprüfung vor.');
    await worker.getByRole('button', { name: /Vollständigkeit bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-completeness/);
    return worker;
  }

  /** The nature agency answers with a proposed condition; the municipality stays silent. */
  async function agencyStatements(project: DemoWindProject) {
    const agency = await as('toeb@lanuk.example');
    await agency.goto(`${base}/stellungnahmen`);
    await agency.getByRole('link', { name: project.title }).click();
    await agency
      .getByLabel('Stellungnahme')
      .fill(`Keine Bedenken unter folgender Nebenbestimmung:\n\n${AGENCY_CONDITION}`);
    await agency.getByRole('button', { name: /Stellungnahme/ }).click();
    await agency.waitForURL(/ok=record-agency-statement/);
    await axe(agency, '/verfahren/:id (Fachbehörde nach Stellungnahme)');
    const municipality = await as('bauamt@lichtenau.example');
    await municipality.goto(`${base}/stellungnahmen`);
    await axe(municipality, '/stellungnahmen (Gemeinde)');
    assert.ok((await municipality.locator('main').innerText()).includes(project.title));
  }

  async function decide(worker: Page, caseUrl: string) {
    await worker.goto(caseUrl);
    await worker
      .getByLabel('Nebenbestimmungen (eine je Zeile, nur bei Genehmigung)')
      .fill(`${AGENCY_CONDITION}\nAbnahmemessung der Schallleistung nach Inbetriebnahme.`);
    await worker
      .locator('#feld-decide textarea[name="decide.reasons"]')
      .fill('Die Voraussetzungen des § 6 BImSchG liegen vor; die Nebenbestimmungen sichern sie.');
    await worker.locator('#feld-decide button[type=submit]').click();
    await worker.waitForURL(/ok=decide/);
    await axe(worker, '/verfahren/:id (entschieden)');
  }

  /** The municipality's month runs out without an answer: its silence is recorded. */
  async function municipalityDeadlinePasses(caseUrl: string) {
    await daysPass(32);
    const worker = await as('sachbearbeitung@kreis-paderborn.example');
    await worker.goto(caseUrl);
    const text = await worker.locator('main').innerText();
    assert.match(text, /Stadt Lichtenau/);
    assert.match(text, /keine Äußerung|ohne Äußerung|Keine Stellungnahme/i);
    return worker;
  }

  async function decisionDocument(caseUrl: string): Promise<string> {
    const id = caseUrl.split('/').pop()!;
    const documents = await t.database.db
      .selectFrom('documents')
      .select(['doc_type'])
      .where('procedure_id', '=', id)
      .execute();
    assert.ok(
      documents.some((d) => d.doc_type === 'decision'),
      'Bescheid in der Akte',
    );
    const row = await t.database.db
      .selectFrom('procedures')
      .select(['step', 'state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const state = row.state as { decision?: { conditions: string[] } };
    assert.ok(state.decision?.conditions.includes(AGENCY_CONDITION), 'Auflage der Fachbehörde');
    return row.step;
  }

  it('simplified: application to delivered decision with two agencies', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'wilnsdorf-ost')!;
    const caseUrl = await apply(project, false);
    await intake(caseUrl);
    await agencyStatements(project);
    const worker = await municipalityDeadlinePasses(caseUrl);
    await worker.getByRole('button', { name: /Beteiligung der Behörden abschließen/i }).click();
    await worker.waitForURL(/ok=complete-agency-involvement/);
    await decide(worker, caseUrl);
    await worker.locator('#feld-deliver-decision button[type=submit]').click();
    await worker.waitForURL(/ok=deliver-decision/);
    assert.match(await worker.locator('main').innerText(), /Bescheid zugestellt/);
    assert.equal(await decisionDocument(caseUrl), 'delivered');
    const applicant = await as('antrag@windpark-sintfeld.example');
    await applicant.goto(caseUrl);
    assert.match(await applicant.locator('main').innerText(), /Bescheid zugestellt/);
    assert.equal(problems.join('\n'), '');
  });

  it('formal: application, notice, objection period, decision published and deemed delivered', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'kempen-ost')!;
    const caseUrl = await apply(project, true);
    const first = await intake(caseUrl);
    assert.match(await first.locator('main').innerText(), /Förmliches Verfahren/);
    await agencyStatements(project);
    let worker = await municipalityDeadlinePasses(caseUrl);
    await worker.getByRole('button', { name: /Öffentlichkeitsbeteiligung vorbereiten/i }).click();
    await worker.waitForURL(/ok=prepare-participation/);
    await worker.getByLabel('Erster Tag der Auslegung').fill(inDays(8));
    await worker
      .getByLabel('Wird eine Umweltverträglichkeitsprüfung durchgeführt?')
      .selectOption('nein');
    await worker.locator('#feld-publish-notice button[type=submit]').click();
    await worker.waitForURL(/ok=publish-notice/);
    await axe(worker, '/verfahren/:id (Öffentlichkeitsbeteiligung)');

    // One week's lead, one month's display, two weeks for objections (§ 10 Abs. 3 BImSchG).
    await daysPass(60);
    worker = await as('sachbearbeitung@kreis-paderborn.example');
    await worker.goto(caseUrl);
    await worker
      .locator('#feld-skip-hearing textarea')
      .fill('Es sind keine Einwendungen eingegangen; ein Erörterungstermin ist entbehrlich.');
    await worker.locator('#feld-skip-hearing button[type=submit]').click();
    await worker.waitForURL(/ok=skip-hearing/);
    await decide(worker, caseUrl);
    await worker.locator('#feld-publish-decision button[type=submit]').click();
    await worker.waitForURL(/ok=publish-decision/);
    const published = today();

    // The decision counts as delivered at the end of its two-week display (§ 10 Abs. 8 BImSchG).
    await daysPass(16);
    assert.equal(await decisionDocument(caseUrl), 'delivered', `bekannt gemacht am ${published}`);
    const applicant = await as('antrag@windpark-sintfeld.example');
    await applicant.goto(caseUrl);
    assert.match(await applicant.locator('main').innerText(), /abgeschlossen|zugestellt/i);
    assert.equal(problems.join('\n'), '');
  });
});
