import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock, type TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  BrowserSessions,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { BODY, CONCEPT_FORM, FOUNDRY, HEAD, openCall, REVIEWER } from '../helpers/funding.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * The grant procedure in Chromium with JavaScript off, as the company, the case worker and the
 * head would click through it: a concept grant from the application to the closing, a second
 * case ending in partial revocation with repayment, a refused payment request; axe on every page
 * type on the way (the pages are copied into a scripted page for axe, see BrowserSessions).
 */
describe('funding procedure in Chromium without JavaScript', { skip }, () => {
  const clock = fixedClock(new Date('2026-06-01T08:00:00Z'));
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let lineId: string;
  let stop: (() => Promise<void>) | undefined;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);

  /**
   * axe on the page as a phone shows it (320 CSS pixels, WCAG 1.4.10): wide tables scroll there
   * and must be reachable by keyboard.
   */
  async function axeNarrow(page: Page, label: string): Promise<void> {
    const html = await page.content();
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 320, height: 640 },
    });
    const probe = await context.newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) sessions.problems.push(describeViolations(label, violations));
    await context.close();
  }

  before(async () => {
    const env = await startBrowserApp({ clock });
    ({ browser, base, t } = env);
    stop = () => env.close();
    lineId = await openCall(t, {
      programmeId: 'nrw-transformationskonzepte',
      year: 2026,
      euros: 1_000_000,
      line: '1410/686 99',
    });
  });
  after(async () => stop?.());

  const caseUrl = (id: string) => `${base}/foerderung/antraege/${id}`;

  /** The case's „Stand“ as shown at the top of the case page. */
  async function stand(page: Page): Promise<string> {
    return (
      await page
        .locator('xpath=(//dl[contains(@class,"facts")])[1]/dt[.="Stand"]/following-sibling::dd[1]')
        .innerText()
    ).trim();
  }

  /**
   * Opens the case page, fills the step's form (fields by their name without the step prefix,
   * as in the integration helpers) and sends it with its button. Returns after the response
   * page has loaded; `ok` says whether the step is expected to go through (PRG with a message).
   */
  async function act(
    page: Page,
    id: string,
    label: string,
    fields: Record<string, string> = {},
    ok = true,
  ): Promise<void> {
    await page.goto(caseUrl(id));
    const form = page
      .locator('form.action-form')
      .filter({ has: page.getByRole('heading', { name: label, exact: true }) });
    const target = await form.getAttribute('action');
    const action = /\/schritt\/([a-z-]+)$/.exec(target ?? '')?.[1];
    assert.ok(action, `kein Formular „${label}“ auf der Seite`);
    for (const [name, value] of Object.entries(fields)) {
      const field = form.locator(`[name="${action}.${name}"]`);
      if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    const confirm = form.getByLabel(/Ich bestätige/);
    if ((await confirm.count()) > 0) await confirm.check();
    await form.getByRole('button', { name: label, exact: true }).click();
    if (ok) {
      await page.waitForURL(/\?ok=/);
      await page.locator('.kern-alert').first().waitFor();
    } else {
      await page.locator('.error-summary').waitFor();
    }
  }

  /** Drafts the letter through the letters pages, submits it for sign-off, the head signs. */
  async function signedLetter(worker: Page, id: string, kind: string): Promise<void> {
    await worker.goto(caseUrl(id));
    await worker
      .getByRole('link', { name: 'Alle Schreiben und neues Schreiben entwerfen' })
      .click();
    await worker.getByLabel('Art des Schreibens').selectOption(kind);
    await worker.getByRole('button', { name: 'Entwurf erzeugen' }).click();
    await worker.getByLabel('Unterzeichnung durch').selectOption({ index: 1 });
    await worker.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
    await worker.getByText('Das Schreiben liegt zur Zeichnung vor.').waitFor();
    const letterUrl = worker.url().replace(/\?.*$/, '');
    const head = await sessions.as(HEAD);
    await head.goto(`${base}/zeichnung`);
    assert.match(await head.locator('main').innerText(), /Zur Zeichnung/);
    await head.goto(letterUrl);
    await head.getByRole('button', { name: 'Schreiben zeichnen' }).click();
    await head.getByText('Das Schreiben ist gezeichnet und in der Akte abgelegt.').waitFor();
    await head.close();
  }

  /** Fills the application form by the field names of CONCEPT_FORM. */
  async function fillApplication(page: Page, values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values))
      await page.locator(`form[method="post"] [name="${name}"]`).fill(value);
  }

  /**
   * The company applies through the pages (call → form → draft → submit), the body confirms,
   * asks for a document, the company sends it, the body checks, assesses, has the decision
   * signed and grants. With `checks`, axe and the error state of the form are checked on the way.
   */
  async function grantedCase(title: string, checks: boolean): Promise<string> {
    clock.set(new Date('2026-06-01T08:00:00Z'));
    const company = await sessions.as(FOUNDRY);
    await company.goto(`${base}/unternehmen/foerderung`);
    assert.match(await company.locator('h1').innerText(), /Förderverfahren: Gießerei Hellweg/);
    if (checks) await axe(company, 'Förderverfahren des Unternehmens');
    await company.getByRole('link', { name: 'Neuen Förderantrag stellen' }).click();
    await company.waitForURL(`${base}/foerderung/antraege/neu`);
    if (checks) await axe(company, 'Neuer Förderantrag (leer)');
    await company.getByLabel('Förderaufruf').selectOption(lineId);
    await company.getByRole('button', { name: 'Auswählen' }).click();
    await company.waitForURL(/aufruf=/);
    const measure = company.getByLabel('Maßnahme', { exact: true });
    if ((await measure.count()) > 0) {
      await measure.selectOption('transformation-concept');
      await company.getByRole('button', { name: 'Auswählen' }).click();
      await company.waitForURL(/massnahme=/);
    }
    if (checks) {
      const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
      await fillApplication(company, {
        ...CONCEPT_FORM,
        titel: title,
        kosten_k1: '-5',
        ende: '2020-01-01',
      });
      await company.getByRole('button', { name: 'Entwurf anlegen' }).click();
      await company.locator('.error-summary').waitFor();
      assert.match(await company.title(), /^Fehler: /);
      const summary = await company.locator('.error-summary').innerText();
      assert.match(summary, /ist kein Betrag in Euro/);
      assert.match(summary, /Das Ende liegt vor dem Beginn/);
      assert.equal(await company.locator('[name="titel"]').inputValue(), title);
      assert.equal(await company.locator('[name="kosten_k1"]').inputValue(), '-5');
      await axe(company, 'Neuer Förderantrag (Fehler)');
      assert.deepEqual(
        changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
        [],
      );
    }
    await fillApplication(company, { ...CONCEPT_FORM, titel: title });
    await company.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await company.waitForURL(/\/foerderung\/antraege\/[0-9a-f-]{36}\?ok=angelegt$/);
    const id = /antraege\/([0-9a-f-]{36})/.exec(company.url())![1]!;
    assert.equal(await stand(company), 'Entwurf');
    assert.equal(await company.locator('h1').innerText(), title);
    if (checks) await axe(company, 'Förderfall (Unternehmen, Entwurf)');
    await act(company, id, 'Antrag einreichen');
    assert.match(
      await company.locator('main').innerText(),
      /Der Antrag ist eingereicht\. Sie erhalten eine Eingangsbestätigung\./,
    );
    assert.equal(await stand(company), 'Eingegangen');

    const worker = await sessions.as(BODY);
    await worker.goto(`${base}/foerderstelle/antraege`);
    if (checks) await axe(worker, 'Förderanträge (Förderstelle)');
    await worker.getByRole('link', { name: new RegExp(title) }).click();
    await worker.waitForURL(caseUrl(id));
    assert.equal(await stand(worker), 'Eingegangen');
    await act(worker, id, 'Eingang bestätigen');
    assert.equal(await stand(worker), 'Formale Prüfung');
    await act(worker, id, 'Unterlagen nachfordern', {
      items: 'Angebot der Beratung mit Tagessätzen',
      wochen: '4',
    });
    // The requested offer as a file, through the case page's upload form (no script needed).
    await company.goto(caseUrl(id));
    await company.getByLabel('Art der Unterlage').selectOption('requested');
    await company.getByLabel(/^Datei \(PDF/).setInputFiles({
      name: 'Angebot_Beratung_Hellweg.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    await company.getByRole('button', { name: 'Hochladen' }).click();
    await company.waitForURL(/ok=hochgeladen/);
    assert.match(
      await company.locator('#unterlagen').locator('..').innerText(),
      /Angebot_Beratung_Hellweg\.pdf\s+Nachgeforderte Unterlage/,
    );
    if (checks) await axe(company, 'Förderfall (Unternehmen, Unterlage hochgeladen)');
    await act(company, id, 'Unterlagen nachreichen', {
      documents: 'Angebot_Beratung_Hellweg.pdf',
    });
    await act(worker, id, 'Formale Prüfung abschließen');
    assert.equal(await stand(worker), 'Fachliche Prüfung');
    if (checks) await axe(worker, 'Förderfall (Förderstelle, fachliche Prüfung)');
    await act(worker, id, 'Fachliche Prüfung abschließen', {
      note: 'Kosten plausibel, Angebot marktüblich.',
    });
    assert.equal(await stand(worker), 'Entscheidung');
    assert.match(
      await worker.locator('main').innerText(),
      /Empfehlung: Bewilligung von 40\.000,00/,
    );
    await signedLetter(worker, id, 'decision');
    await act(worker, id, 'Zuwendung bewilligen');
    assert.equal(await stand(worker), 'Bewilligt – Durchführung');
    await company.goto(caseUrl(id));
    assert.equal(await stand(company), 'Bewilligt – Durchführung');
    assert.match(await company.locator('#geld').locator('..').innerText(), /40\.000,00/);
    await company.close();
    await worker.close();
    return id;
  }

  it('a concept grant runs from the application to the closing', async () => {
    const id = await grantedCase('Transformationskonzept Gießerei Hellweg', true);
    const company = await sessions.as(FOUNDRY);

    // A bad amount: the error summary, the values as typed, nothing stored.
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    await act(
      company,
      id,
      'Mittel abrufen',
      {
        betrag: 'zwanzigtausend',
        faellige_ausgaben: '40.000,00',
        benoetigt_bis: '2026-07-15',
        zweck: 'Abschlag Beratung',
      },
      false,
    );
    assert.match(await company.title(), /^Fehler: /);
    assert.match(await company.locator('.error-summary').innerText(), /Betrag/);
    assert.equal(
      await company.locator('[name="request-payment.betrag"]').inputValue(),
      'zwanzigtausend',
    );
    assert.equal(
      await company.locator('[name="request-payment.zweck"]').inputValue(),
      'Abschlag Beratung',
    );
    await axe(company, 'Förderfall (Unternehmen, Mittelabruf mit Fehler)');
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );

    await act(company, id, 'Mittel abrufen', {
      betrag: '20.000,00',
      faellige_ausgaben: '40.000,00',
      benoetigt_bis: '2026-07-15',
      zweck: 'Abschlag Beratung',
    });
    assert.match(await company.locator('main').innerText(), /Der Mittelabruf ist eingegangen\./);
    const worker = await sessions.as(BODY);
    await act(worker, id, 'Auszahlung anordnen', { antrag: '1' });
    const payments = await worker.locator('table', { hasText: 'Abschlag Beratung' }).innerText();
    assert.match(payments, /20\.000,00[^]*ausgezahlt am 1\. Juni 2026/);
    await axe(worker, 'Förderfall (Förderstelle, bewilligt mit Zahlungen)');
    await axeNarrow(worker, 'Förderfall (Förderstelle, bewilligt mit Zahlungen, schmal)');
    await company.goto(caseUrl(id));
    await axe(company, 'Förderfall (Unternehmen, bewilligt mit Zahlungen)');
    await company.close();
    await worker.close();

    // Months later the sessions of June have expired: everyone logs in again.
    clock.set(new Date('2027-01-11T09:00:00Z'));
    const companyLater = await sessions.as(FOUNDRY);
    await companyLater.goto(`${base}/unternehmen/foerderung`);
    await axeNarrow(companyLater, 'Förderverfahren des Unternehmens (schmal)');
    assert.match(
      await companyLater.locator('main').innerText(),
      /Fällige Verwendungsnachweise[^]*Vorlage des Verwendungsnachweises bis 30\. Juni 2027/,
    );
    await act(companyLater, id, 'Verwendungsnachweis einreichen', {
      bericht: 'Konzept erstellt und im Betrieb vorgestellt; Maßnahmenplan bis 2045 liegt vor.',
      ausgaben_k1: '80.000,00',
      ausgaben_k2: '0',
      eigenmittel: '40.000,00',
      andere: '0',
    });
    assert.match(
      await companyLater.locator('main').innerText(),
      /Der Verwendungsnachweis ist eingereicht\./,
    );
    assert.equal(await stand(companyLater), 'Prüfung des Verwendungsnachweises');
    const workerLater = await sessions.as(BODY);
    await workerLater.goto(caseUrl(id));
    await axe(workerLater, 'Förderfall (Förderstelle, Prüfung des Verwendungsnachweises)');
    await act(workerLater, id, 'Verwendungsnachweis prüfen', {
      note: 'Belege vollständig, Ausgaben wie geplant.',
    });
    await act(workerLater, id, 'Verwendung bestätigen und abschließen');
    assert.equal(await stand(workerLater), 'Abgeschlossen');
    assert.match(
      await workerLater.locator('main').innerText(),
      /Im Moment ist von Ihrer Seite nichts zu tun\./,
    );
    await axe(workerLater, 'Förderfall (Förderstelle, abgeschlossen)');
    await companyLater.goto(caseUrl(id));
    assert.equal(await stand(companyLater), 'Abgeschlossen');
    await companyLater.close();
    await workerLater.close();
  });

  it('a second case ends in partial revocation and the repayment is booked', async () => {
    const id = await grantedCase('Transformationskonzept Werk Süd', false);
    const company = await sessions.as(FOUNDRY);
    await act(company, id, 'Mittel abrufen', {
      betrag: '40.000,00',
      faellige_ausgaben: '80.000,00',
      benoetigt_bis: '2026-07-20',
      zweck: 'Beratung gesamt',
    });
    const worker = await sessions.as(BODY);
    await act(worker, id, 'Auszahlung anordnen', { antrag: '1' });
    await company.close();
    await worker.close();

    clock.set(new Date('2027-01-11T09:00:00Z'));
    const companyLater = await sessions.as(FOUNDRY);
    await act(companyLater, id, 'Verwendungsnachweis einreichen', {
      bericht: 'Konzept erstellt; Teile der Beratung entfielen, die Kosten waren geringer.',
      ausgaben_k1: '50.000,00',
      ausgaben_k2: '0',
      eigenmittel: '25.000,00',
      andere: '0',
    });
    const workerLater = await sessions.as(BODY);
    await act(workerLater, id, 'Verwendungsnachweis prüfen', {
      note: 'Geringere Ausgaben; Zuwendung ermäßigt sich.',
    });
    assert.match(
      await workerLater.locator('#nachweis').locator('..').innerText(),
      /Zuwendung danach: 25\.000,00\s*€; ausgezahlt: 40\.000,00\s*€[^]*Zurückzufordern: 15\.000,00/,
    );
    await axe(workerLater, 'Förderfall (Förderstelle, Verwendungsnachweis geprüft)');
    await signedLetter(workerLater, id, 'revocation');
    await act(workerLater, id, 'Teilweise widerrufen und zurückfordern');
    assert.equal(await stand(workerLater), 'Rückforderung');
    const money = await workerLater.locator('#geld').locator('..').innerText();
    const shown = /Zurückgefordert\s+([\d.]+,\d{2})\s*€ zuzüglich ([\d.]+,\d{2})\s*€ Zinsen/.exec(
      money,
    );
    assert.ok(shown, money);
    assert.equal(shown[1], '15.000,00');
    const cents = (s: string) => Number(s.replace(/\./g, '').replace(',', ''));
    const interest = cents(shown[2]!);
    assert.ok(interest > 0, 'Zinsen nach § 49a Abs. 3 VwVfG NRW');
    await axe(workerLater, 'Förderfall (Förderstelle, Rückforderung)');
    await companyLater.goto(caseUrl(id));
    assert.equal(await stand(companyLater), 'Rückforderung');
    await axe(companyLater, 'Förderfall (Unternehmen, Rückforderung)');

    const total = ((1_500_000 + interest) / 100).toFixed(2).replace('.', ',');
    await act(workerLater, id, 'Zahlungseingang der Erstattung buchen', { betrag: total });
    assert.equal(await stand(workerLater), 'Abgeschlossen');
    assert.match(
      await workerLater.locator('#geld').locator('..').innerText(),
      /erstattet 15\.000,00/,
    );
    await companyLater.close();
    await workerLater.close();
  });

  it('the reviewers’ queue passes axe, and no page had an axe finding', async () => {
    const reviewer = await sessions.as(REVIEWER);
    await reviewer.goto(`${base}/begutachtung`);
    assert.equal(new URL(reviewer.url()).pathname, '/begutachtung');
    await axe(reviewer, 'Begutachtung');
    await reviewer.close();
    assert.equal(sessions.problems.join('\n'), '');
  });
});
