import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { referenceLabel } from '../../src/procedures/reference.ts';
import { WIND_CONDITIONS } from '../../src/seed/demo-conditions.ts';
import { DEMO_PASSWORD, fixedClock, type TestApp } from '../helpers/app.ts';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';
import { DEMO_PROJECTS, type DemoProject } from '../helpers/permits.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const DAY_MS = 86_400_000;

const APPLICANT = 'antrag@windpark-sintfeld.example';
const WORKER = 'sachbearbeitung@kreis-paderborn.example';
const HEAD = 'leitung@kreis-paderborn.example';
const NATURE_AGENCY = 'toeb@lanuk.example';
const MUNICIPALITY = 'bauamt@lichtenau.example';
const NATURE_AGENCY_NAME = 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel)';
const MUNICIPALITY_NAME = 'Stadt Lichtenau – Bauamt (Beispiel)';
/** The signatory the case worker chooses (Kreis Paderborn's master data, demo seed). */
const SIGNATORY = 'Dr. Petra Beispiel';
const SIGNATORY_FUNCTION = 'Leiterin der Unteren Immissionsschutzbehörde';

/** A condition the nature agency proposes; the Bescheid must carry it word for word. */
const AGENCY_CONDITION =
  'Die Anlagen sind von April bis Oktober nachts bei Windgeschwindigkeiten unter 6 m/s in Gondelhöhe abzuschalten (Fledermausschutz).';
/** An entry of the authority's catalogue the case worker adds. */
const CATALOGUE = WIND_CONDITIONS.find((c) => c.key === 'wind-schall-abnahme')!;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Both procedure types from the application to the delivered, signed-off decision, clicked
 * through in Chromium with JavaScript off, each step by the role whose step it is: the applicant
 * applies in Kreis Paderborn; the case worker confirms receipt and completeness and asks two
 * agencies; the nature agency answers with a structured statement proposing a condition, the
 * municipality stays silent; the case worker adopts the proposal and a catalogue condition,
 * decides, drafts the Bescheid as a letter, previews it and submits it for sign-off; the head of
 * the authority signs it; the case worker delivers it (simplified) or publishes it (formal, then
 * deemed delivered after the display). The clock is the test's: it is moved past the agencies'
 * month, the municipality's two months, the participation periods and the display of the
 * decision, and the deadline watcher runs each day as its hourly job would.
 */
describe('decision flow of both procedure types in the browser', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  const clock = fixedClock(new Date());

  const sessions = new BrowserSessions(
    () => browser,
    () => base,
    DEMO_PASSWORD,
  );
  const as = (email: string) => sessions.as(email);
  const problems = sessions.problems;
  /** Page types axe has checked; the second procedure meets the same types again. */
  const checked = new Set<string>();
  async function axe(page: Page, label: string) {
    if (checked.has(label)) return;
    checked.add(label);
    await sessions.axe(page, label);
  }

  const main = (page: Page) => page.locator('main').innerText();

  /** Time passes; the watcher runs in the morning as the hourly job would. */
  async function daysPass(days: number) {
    for (let d = 0; d < days; d++) {
      clock.advance(DAY_MS);
      await runDeadlineWatch(t.deps);
    }
  }

  const inDays = (days: number) => berlinDate(new Date(clock.now().getTime() + days * DAY_MS));
  const procedureId = (caseUrl: string) => caseUrl.split('/').pop()!;

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

  /** Two turbines of a demo project in Lichtenau (Kreis Paderborn): the Kreis is competent. */
  function project(key: string): DemoProject {
    const demo = DEMO_PROJECTS.find((p) => p.key === key)!;
    return { ...demo, turbines: demo.turbines.slice(0, 2) };
  }

  /**
   * The applicant fills in the form in German number format, sees what is still missing before
   * submission, uploads the site plans and submits anyway (the authority then decides).
   */
  async function apply(p: DemoProject, formal: boolean): Promise<string> {
    const applicant = await as(APPLICANT);
    await applicant.goto(`${base}/antraege/neu${formal ? '?verfahren=foermlich' : ''}`);
    // The heading follows the chosen procedure.
    assert.equal(
      await applicant.locator('h1').innerText(),
      formal
        ? 'Neuer Antrag auf Genehmigung von Windenergieanlagen im förmlichen Verfahren (§ 10 BImSchG)'
        : 'Neuer Antrag auf Genehmigung von Windenergieanlagen',
    );
    await applicant
      .getByLabel('Zuständige Genehmigungsbehörde')
      .selectOption({ label: 'Kreis Paderborn – Untere Immissionsschutzbehörde' });
    await applicant.getByLabel('Bezeichnung des Vorhabens').fill(p.title);
    await applicant.locator('#feld-site-gemeinde').fill(p.gemeinde);
    await applicant.locator('#feld-site-gemarkung').fill(p.parcel.gemarkungKey);
    await applicant.locator('#feld-site-flur').fill(p.parcel.flur);
    await applicant.locator('#feld-site-flurstueck').fill(p.parcel.flurstueck);
    const german = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 6 });
    for (const [i, turbine] of p.turbines.entries()) {
      await applicant.locator(`#feld-turbines-${i}-type`).fill(turbine.type);
      await applicant.locator(`#feld-turbines-${i}-hubHeightM`).fill(german(turbine.hubHeightM));
      await applicant
        .locator(`#feld-turbines-${i}-rotorDiameterM`)
        .fill(german(turbine.rotorDiameterM));
      await applicant
        .locator(`#feld-turbines-${i}-ratedPowerKw`)
        .fill(german(turbine.ratedPowerKw));
      await applicant.locator(`#feld-turbines-${i}-lon`).fill(german(turbine.lon));
      await applicant.locator(`#feld-turbines-${i}-lat`).fill(german(turbine.lat));
    }
    await applicant.getByLabel('Geplante Inbetriebnahme').fill('2028-06');
    await applicant
      .getByLabel('Allgemein verständliche Kurzbeschreibung')
      .fill(`Windenergieanlagen in ${p.gemeinde}; Schall und Schattenwurf werden begrenzt.`);
    await applicant.getByLabel('Errichtungskosten (Investitionskosten) in Euro').fill('9.400.000');
    await applicant.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await applicant.waitForURL(/\/verfahren\/[0-9a-f-]+\?ok=angelegt/);
    const caseUrl = applicant.url().split('?')[0]!;
    // Shown again as typed: German decimals and thousands.
    assert.equal(
      await applicant.locator('#feld-turbines-0-hubHeightM').inputValue(),
      german(p.turbines[0]!.hubHeightM),
    );
    assert.equal(
      await applicant.locator('#feld-turbines-0-ratedPowerKw').inputValue(),
      german(p.turbines[0]!.ratedPowerKw),
    );
    // Before submission: what the authority will miss.
    const missing = applicant.locator('.kern-alert', {
      hasText: 'Vor dem Einreichen: Diese Angaben und Unterlagen fehlen noch',
    });
    assert.match(await missing.innerText(), /Lagepläne/);
    await applicant.getByLabel('Art der Unterlage').selectOption('site-plans');
    await applicant
      .locator('#datei')
      .setInputFiles({ name: 'lageplan.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await applicant.getByRole('button', { name: 'Hochladen' }).click();
    await applicant.waitForURL(/ok=hochgeladen/);
    assert.doesNotMatch(await missing.innerText(), /Lagepläne/);
    assert.match(await missing.innerText(), /Sie können den Antrag trotzdem einreichen/);
    await axe(applicant, '/verfahren/:id (Entwurf mit Übersicht des Fehlenden)');
    await applicant.getByRole('button', { name: /einreichen/i }).click();
    await applicant.waitForURL(/ok=submit/);
    await applicant.close();
    return caseUrl;
  }

  /** Receipt, then completeness with a reason for the missing documents and two agencies asked. */
  async function intake(caseUrl: string): Promise<Page> {
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    await worker.getByRole('button', { name: /Eingang bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-receipt/);
    for (const box of await worker.locator('input[name="confirm-completeness.agencies"]').all())
      await box.uncheck();
    await worker.getByLabel(NATURE_AGENCY_NAME).check();
    await worker.getByLabel(MUNICIPALITY_NAME).check();
    await worker
      .getByLabel('Zeitplan für das Verfahren')
      .fill('Stellungnahmen in einem Monat, Entscheidung danach.');
    // Required documents are missing: confirming without a reason is refused.
    await worker.getByRole('button', { name: /Vollständigkeit bestätigen/i }).click();
    await worker.locator('.error-summary').waitFor();
    assert.match(
      await worker.locator('.error-summary').innerText(),
      /erforderliche Unterlagen fehlen .*nur mit einer Begründung/s,
    );
    // The refused form keeps what was chosen: the two agencies, not the directory's defaults.
    const ticked = worker.locator('input[name="confirm-completeness.agencies"]:checked');
    assert.equal(await ticked.count(), 2);
    assert.ok(await worker.getByLabel(NATURE_AGENCY_NAME).isChecked());
    assert.ok(await worker.getByLabel(MUNICIPALITY_NAME).isChecked());
    await worker
      .getByLabel('Begründung für die Bestätigung trotz fehlender Unterlagen')
      .fill('Die übrigen Gutachten liegen der Behörde aus der Vorprüfung vor.');
    await worker.getByRole('button', { name: /Vollständigkeit bestätigen/i }).click();
    await worker.waitForURL(/ok=confirm-completeness/);
    const text = await main(worker);
    assert.match(text, new RegExp(`${NATURE_AGENCY_NAME.replace(/[()]/g, '\\$&')}\\s+\\S`));
    assert.match(text, /Stadt Lichtenau – Bauamt/);
    return worker;
  }

  /**
   * The nature agency answers with a structured statement and a proposed condition; the
   * municipality sees the case on its own list with its own deadline and stays silent.
   */
  async function agencyStatements(p: DemoProject) {
    const agency = await as(NATURE_AGENCY);
    await agency.goto(`${base}/stellungnahmen`);
    await agency.getByRole('link', { name: p.title }).click();
    await axe(agency, '/verfahren/:id (Stellungnahme der Fachbehörde, Formular)');
    await agency.getByLabel('Keine Bedenken mit Nebenbestimmungen').check();
    await agency
      .getByLabel('Begründung und Hinweise')
      .fill(
        'Aus Sicht des Artenschutzes bestehen keine Bedenken.\n\nVoraussetzung ist der Schutz der Fledermäuse.',
      );
    await agency.locator('#feld-record-agency-statement-conditions-0').fill(AGENCY_CONDITION);
    await agency.getByRole('button', { name: /Stellungnahme/ }).click();
    await agency.waitForURL(/ok=record-agency-statement/);
    await axe(agency, '/verfahren/:id (Stellungnahme erfasst)');
    const text = await main(agency);
    assert.match(text, /Keine Bedenken mit Nebenbestimmungen/);
    assert.match(text, /keine Bedenken\.\n+Voraussetzung ist der Schutz der Fledermäuse\./);
    await agency.close();

    const municipality = await as(MUNICIPALITY);
    await municipality.goto(`${base}/stellungnahmen`);
    await axe(municipality, '/stellungnahmen (Gemeinde)');
    assert.ok((await main(municipality)).includes(p.title));
    await municipality.close();
  }

  /** The municipality's month runs out without an answer: the watcher records its silence. */
  async function municipalityStaysSilent(caseUrl: string) {
    await daysPass(32);
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    const row = worker.locator('#behoerden ~ * tr', { hasText: 'Stadt Lichtenau' });
    assert.match(await row.innerText(), /keine Äußerung \(Frist abgelaufen\)/);
    await worker.close();
  }

  /**
   * Two months after the municipality was asked. Its consent under § 36 BauGB (Einvernehmen)
   * counts as given when not refused within two months (§ 36 Abs. 2 S. 2 BauGB): the watcher
   * records it on the day after the period, which may have moved past a weekend or holiday.
   */
  async function municipalityConsent(caseUrl: string): Promise<void> {
    const id = caseUrl.split('/').pop()!;
    const status = async () =>
      (
        await t.database.db
          .selectFrom('procedure_agencies')
          .select('consent_status')
          .where('procedure_id', '=', id)
          .where('consent', '=', 'municipality')
          .executeTakeFirst()
      )?.consent_status;
    for (let day = 0; day < 5 && (await status()) !== 'deemed-given'; day++) await daysPass(1);
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    const row = worker.locator('#behoerden ~ * tr', { hasText: 'Stadt Lichtenau' });
    assert.match(
      await row.innerText(),
      /Einvernehmen gilt als erteilt \(§ 36 Abs\. 2 Satz 2 BauGB\)/,
    );
    await axe(worker, '/verfahren/:id (Einvernehmen gilt als erteilt)');
    await worker.close();
  }

  /** The case worker adopts the agency's proposal and adds an entry of the catalogue. */
  async function conditions(caseUrl: string) {
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    await worker.getByRole('link', { name: 'Nebenbestimmungen bearbeiten' }).click();
    await worker.waitForURL(/\/nebenbestimmungen$/);
    await axe(worker, '/verfahren/:id/nebenbestimmungen');
    const proposal = worker.locator('li', { hasText: AGENCY_CONDITION });
    assert.match(await proposal.innerText(), /Vorschlag von Landesamt für Natur/);
    assert.match(await proposal.innerText(), /vorgeschlagen, nicht entschieden/);
    await proposal.getByRole('button', { name: 'Übernehmen', exact: true }).click();
    await worker.waitForURL(/ok=uebernommen/);
    await worker
      .getByLabel('Eintrag des Katalogs')
      .selectOption({ label: `${CATALOGUE.category}: ${CATALOGUE.title}` });
    await worker
      .locator('form[action$="/nebenbestimmungen/katalog"]')
      .getByRole('button', { name: 'Übernehmen' })
      .click();
    await worker.waitForURL(/ok=katalog/);
    await axe(worker, '/verfahren/:id/nebenbestimmungen (übernommen)');
    const text = await main(worker);
    assert.match(text, /2 übernommen, 0 Vorschläge offen/);
    assert.ok(oneLine(text).includes(CATALOGUE.text));
    await worker.close();
  }

  /** The decision itself; its conditions are the list the case worker just kept. */
  async function decide(caseUrl: string) {
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    await worker.locator('#feld-decide select[name="decide.outcome"]').selectOption('granted');
    await worker
      .locator('#feld-decide textarea[name="decide.reasons"]')
      .fill('Die Voraussetzungen des § 6 BImSchG liegen vor; die Nebenbestimmungen sichern sie.');
    await worker.locator('#feld-decide button[type=submit]').click();
    await worker.waitForURL(/ok=decide/);
    await axe(worker, '/verfahren/:id (entschieden)');
    await worker.close();
  }

  /** What the applicant sees of the letters: nothing before delivery. */
  async function applicantSeesNoLetter(caseUrl: string, letterUrl: string) {
    const applicant = await as(APPLICANT);
    await applicant.goto(caseUrl);
    assert.match(await main(applicant), /Es wurden Ihnen noch keine Schreiben zugestellt\./);
    assert.equal(await applicant.locator(`a[href$="${new URL(letterUrl).pathname}"]`).count(), 0);
    const page = await applicant.request.get(letterUrl);
    assert.equal(page.status(), 404, 'Schreiben vor der Zustellung');
    const pdf = await applicant.request.get(`${letterUrl}/pdf`);
    assert.equal(pdf.status(), 404, 'PDF vor der Zustellung');
    await applicant.close();
  }

  /**
   * Drafting → preview → submission for sign-off with a signatory (case worker) → sign-off by the
   * head of the authority; the drafter cannot sign her own letter. Returns the letter's URL.
   */
  async function draftAndSign(caseUrl: string, p: DemoProject): Promise<string> {
    const worker = await as(WORKER);
    await worker.goto(caseUrl);
    await worker
      .getByRole('link', { name: 'Alle Schreiben und neues Schreiben entwerfen' })
      .click();
    await worker.waitForURL(/\/schreiben$/);
    await axe(worker, '/verfahren/:id/schreiben');
    await worker.getByLabel('Art des Schreibens').selectOption({ label: 'Bescheid' });
    await worker.getByRole('button', { name: 'Entwurf erzeugen' }).click();
    await worker.waitForURL(/\/schreiben\/[0-9a-f-]+\?ok=entworfen/);
    const letterUrl = worker.url().split('?')[0]!;
    await axe(worker, '/verfahren/:id/schreiben/:letterId (Entwurf)');
    const draft = oneLine(await main(worker));
    assert.ok(draft.includes(AGENCY_CONDITION), 'Auflage der Fachbehörde im Entwurf');
    assert.ok(draft.includes(CATALOGUE.text), 'Auflage aus dem Katalog im Entwurf');

    // The preview is the PDF that sign-off would file today.
    const preview = await worker.request.get(
      `${base}${await worker.getByRole('link', { name: /Vorschau als PDF/ }).getAttribute('href')}`,
    );
    assert.equal(preview.status(), 200);
    assert.equal(preview.headers()['content-type'], 'application/pdf');
    assert.equal((await preview.body()).subarray(0, 5).toString('latin1'), '%PDF-');

    await worker
      .getByLabel('Unterzeichnung durch')
      .selectOption({ label: `${SIGNATORY} – ${SIGNATORY_FUNCTION}` });
    await worker.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
    await worker.waitForURL(/ok=vorgelegt/);
    await axe(worker, '/verfahren/:id/schreiben/:letterId (vorgelegt)');
    // Four eyes: the drafter is offered no sign-off, and the server refuses one.
    assert.equal(await worker.getByRole('button', { name: 'Schreiben zeichnen' }).count(), 0);
    const csrf = await worker.locator('input[name=_csrf]').first().inputValue();
    const selfSign = await worker.request.post(`${letterUrl}/zeichnen`, {
      form: { _csrf: csrf },
      maxRedirects: 0,
    });
    assert.equal(selfSign.status(), 403);
    assert.match(await selfSign.text(), /Vier-Augen-Prinzip/);
    await worker.close();

    await applicantSeesNoLetter(caseUrl, letterUrl);

    const head = await as(HEAD);
    await head.goto(`${base}/zeichnung`);
    await axe(head, '/zeichnung');
    await head
      .getByRole('row', { name: new RegExp(p.title.replace(/[()]/g, '\\$&')) })
      .getByRole('link', { name: 'Bescheid (Fassung 1)' })
      .click();
    await head.waitForURL(letterUrl);
    await axe(head, '/verfahren/:id/schreiben/:letterId (zur Zeichnung)');
    await head.getByRole('button', { name: 'Schreiben zeichnen' }).click();
    await head.waitForURL(/ok=gezeichnet/);
    await axe(head, '/verfahren/:id/schreiben/:letterId (gezeichnet)');
    assert.match(await main(head), /Gezeichnet\s+Lena Leitung/);
    await head.close();

    await applicantSeesNoLetter(caseUrl, letterUrl);
    return letterUrl;
  }

  /**
   * The decision in the case is the signed letter's PDF (same hash), and that PDF carries the
   * adopted conditions word for word, the Aktenzeichen and the signatory.
   */
  async function assertDecisionDocument(caseUrl: string): Promise<Buffer> {
    const id = procedureId(caseUrl);
    const db = t.database.db;
    const letter = await db
      .selectFrom('letters')
      .select(['status', 'pdf_sha256'])
      .where('procedure_id', '=', id)
      .where('kind', '=', 'decision')
      .executeTakeFirstOrThrow();
    assert.equal(letter.status, 'delivered');
    const documents = await db
      .selectFrom('documents')
      .select(['sha256'])
      .where('procedure_id', '=', id)
      .where('doc_type', '=', 'decision')
      .execute();
    assert.deepEqual(
      documents.map((d) => d.sha256),
      [letter.pdf_sha256],
      'Bescheid in der Akte ist das gezeichnete PDF',
    );
    const chunks: Buffer[] = [];
    for await (const chunk of t.deps.store.open(letter.pdf_sha256!)) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    assert.equal(sha256(pdf), letter.pdf_sha256);
    const procedure = await db
      .selectFrom('procedures')
      .select(['reference', 'step'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(procedure.step, 'delivered');
    const text = await pdfPlainText(pdf);
    assert.ok(text.includes(oneLine(AGENCY_CONDITION)), 'Auflage der Fachbehörde im Bescheid');
    assert.ok(text.includes(oneLine(CATALOGUE.text)), 'Auflage aus dem Katalog im Bescheid');
    assert.ok(text.includes(referenceLabel(procedure.reference)), 'Aktenzeichen im Bescheid');
    assert.ok(text.includes(SIGNATORY), 'Unterzeichnung im Bescheid');
    return pdf;
  }

  /** After delivery the applicant reads the Bescheid and downloads exactly the signed PDF. */
  async function applicantReceives(caseUrl: string, letterUrl: string, pdf: Buffer) {
    const applicant = await as(APPLICANT);
    await applicant.goto(caseUrl);
    assert.match(await main(applicant), /Bescheid zugestellt/);
    await applicant.getByRole('link', { name: 'Bescheid', exact: true }).click();
    await applicant.waitForURL(letterUrl);
    await axe(applicant, '/verfahren/:id/schreiben/:letterId (Antragstellerin)');
    const download = await applicant.request.get(`${letterUrl}/pdf`);
    assert.equal(download.status(), 200);
    assert.equal(sha256(await download.body()), sha256(pdf));
    await applicant.close();
  }

  // Each walk takes minutes on a shared machine (several signed PDFs, axe, a hundred watcher runs).
  const walk = { timeout: 600_000 };

  it(
    'simplified: application to the delivered, signed-off decision with two agencies',
    walk,
    async () => {
      const p = project('lichtenau-nord');
      const caseUrl = await apply(p, false);
      await (await intake(caseUrl)).close();
      await agencyStatements(p);
      await municipalityStaysSilent(caseUrl);
      // The municipality's second month passes before the decision.
      await daysPass(30);
      await municipalityConsent(caseUrl);

      const worker = await as(WORKER);
      await worker.goto(caseUrl);
      assert.match(await main(worker), /Vereinfachtes Verfahren/);
      await worker.getByRole('button', { name: /Beteiligung der Behörden abschließen/i }).click();
      await worker.waitForURL(/ok=complete-agency-involvement/);
      await worker.close();
      await conditions(caseUrl);
      await decide(caseUrl);
      const letterUrl = await draftAndSign(caseUrl, p);

      const deliverer = await as(WORKER);
      await deliverer.goto(caseUrl);
      await deliverer.locator('#feld-deliver-decision button[type=submit]').click();
      await deliverer.waitForURL(/ok=deliver-decision/);
      assert.match(await main(deliverer), /Bescheid zugestellt/);
      await deliverer.close();
      const pdf = await assertDecisionDocument(caseUrl);
      await applicantReceives(caseUrl, letterUrl, pdf);
      assert.equal(problems.join('\n'), '');
    },
  );

  it(
    'formal: application, notice, objection period, signed decision published and deemed delivered',
    walk,
    async () => {
      const p = project('lichtenau-nordost');
      const caseUrl = await apply(p, true);
      const first = await intake(caseUrl);
      assert.match(await main(first), /Förmliches Verfahren/);
      await first.close();
      await agencyStatements(p);
      await municipalityStaysSilent(caseUrl);

      let worker = await as(WORKER);
      await worker.goto(caseUrl);
      await worker.getByRole('button', { name: /Öffentlichkeitsbeteiligung vorbereiten/i }).click();
      await worker.waitForURL(/ok=prepare-participation/);
      await worker.getByLabel('Erster Tag der Auslegung').fill(inDays(8));
      await worker
        .getByLabel('Wird eine Umweltverträglichkeitsprüfung durchgeführt?')
        .selectOption('nein');
      await worker.locator('#feld-publish-notice button[type=submit]').click();
      await worker.waitForURL(/ok=publish-notice/);
      await axe(worker, '/verfahren/:id (Öffentlichkeitsbeteiligung)');
      await worker.close();

      // One week's lead, one month's display, two weeks for objections (§ 10 Abs. 3 BImSchG); the
      // municipality's two months pass on the way.
      await daysPass(60);
      await municipalityConsent(caseUrl);
      worker = await as(WORKER);
      await worker.goto(caseUrl);
      await worker
        .locator('#feld-skip-hearing textarea')
        .fill('Es sind keine Einwendungen eingegangen; ein Erörterungstermin ist entbehrlich.');
      await worker.locator('#feld-skip-hearing button[type=submit]').click();
      await worker.waitForURL(/ok=skip-hearing/);
      await worker.close();
      await conditions(caseUrl);
      await decide(caseUrl);
      const letterUrl = await draftAndSign(caseUrl, p);

      worker = await as(WORKER);
      await worker.goto(caseUrl);
      await worker.locator('#feld-publish-decision button[type=submit]').click();
      await worker.waitForURL(/ok=publish-decision/);
      await worker.close();
      // The public notice of the decision points to its conditions (§ 10 Abs. 8 S. 2 BImSchG):
      // those of the signed Bescheid, adopted on the conditions page.
      const reader = await as(APPLICANT);
      await reader.goto(`${base}/beteiligung/${procedureId(caseUrl)}`);
      await reader.getByRole('link', { name: /Bekanntmachung des Genehmigungsbescheids/ }).click();
      const notice = oneLine(await main(reader));
      assert.ok(notice.includes(AGENCY_CONDITION), 'Auflage der Fachbehörde in der Bekanntmachung');
      assert.ok(notice.includes(CATALOGUE.text), 'Auflage aus dem Katalog in der Bekanntmachung');
      await reader.close();

      // The decision counts as delivered at the end of its two-week display (§ 10 Abs. 8 BImSchG).
      await daysPass(16);
      const pdf = await assertDecisionDocument(caseUrl);
      await applicantReceives(caseUrl, letterUrl, pdf);
      assert.equal(problems.join('\n'), '');
    },
  );
});
