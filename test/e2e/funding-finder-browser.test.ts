import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();

/**
 * The Förderfinder in Chromium without JavaScript: the form, the results with their reasons, an
 * error state, and a company saving the search as an alert. axe runs as a script, so each page as
 * shown is copied into a scripted page on the same URL and checked there.
 */
describe('Förderfinder in Chromium without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let stop: (() => Promise<void>) | undefined;
  let axeContext: BrowserContext;
  const problems: string[] = [];
  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base } = env);
    stop = () => env.close();
    axeContext = await browser.newContext({ locale: 'de-DE' });
  });
  after(async () => stop?.());

  async function axe(page: Page, label: string) {
    const html = await page.content();
    const probe = await axeContext.newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) problems.push(describeViolations(label, violations));
    await probe.close();
  }

  it('a visitor fills the form, sees results and reasons, and is corrected by field', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Zum Förderfinder' }).click();
    await page.waitForURL(`${base}/foerderfinder`);
    await axe(page, 'Förderfinder leer');

    await page.getByLabel('Wirtschaftszweig (WZ 2008 / NACE)').fill('25.11');
    await page.getByLabel('Beschäftigte (Jahresarbeitseinheiten)').fill('30');
    await page.getByLabel('Jahresumsatz in Euro').fill('zehn Millionen');
    await page.getByLabel('Vorhaben in Nordrhein-Westfalen').selectOption('ja');
    await page.getByLabel('Art der Maßnahme').selectOption('transformation-concept');
    await page.getByLabel('Förderfähige Kosten in Euro').fill('80.000');
    await page.getByLabel('Geplanter Beginn').fill('01.03.2027');
    await page.getByRole('button', { name: 'Programme finden' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: Förderfinder/);
    assert.match(
      await page.locator('.error-summary').innerText(),
      /Jahresumsatz „zehn Millionen“ ist kein Eurobetrag/,
    );
    assert.equal(await page.getByLabel('Jahresumsatz in Euro').inputValue(), 'zehn Millionen');
    assert.equal(await page.getByLabel('Förderfähige Kosten in Euro').inputValue(), '80.000');
    await axe(page, 'Förderfinder mit Fehler');

    await page.getByLabel('Jahresumsatz in Euro').fill('5.000.000');
    await page
      .getByLabel('Unternehmen in Schwierigkeiten (Art. 2 Nr. 18 AGVO)')
      .selectOption('nein');
    await page.getByRole('button', { name: 'Programme finden' }).click();
    await page.locator('#ergebnis').waitFor();
    const concept = page.locator('section.finder-entry', {
      hasText: 'Förderung von Transformationskonzepten',
    });
    assert.match(await concept.innerText(), /förderfähig/);
    assert.match(await concept.innerText(), /52\.000,00 €/);
    assert.match(await concept.innerText(), /Mit dem Vorhaben wurde vor der Antragstellung/);
    // The whole rule tree and the computation open without script (<details>).
    await concept.getByText('Berechnung des Betrags').click();
    assert.match(await concept.innerText(), /Fördersatz 65 %/);
    await concept.getByText(/Alle Voraussetzungen/).click();
    assert.match(await concept.innerText(), /WZ-2008-Abteilung 10 bis 33/);
    const tax = page.locator('section.finder-entry', { hasText: 'Stromsteuer' });
    assert.match(await tax.innerText(), /weitere Angaben nötig/);
    // The result is a link: the same URL shows the same result.
    assert.match(page.url(), /\/foerderfinder\?pruefen=1&/);
    await axe(page, 'Förderfinder Ergebnis');
    await context.close();
  });

  it('a company applicant saves the search and manages it without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill('antrag@windpark-sintfeld.example');
    await page.getByLabel('Passwort').fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/konto`);
    await page.goto(
      `${base}/foerderfinder?pruefen=1&naceCode=43.22&staffHeadcount=8&seatAgs=05315000&craftsChamberMember=ja&trade=shk&measure=heat-pump-training&employeesToTrain=2&trainingDaysPerEmployee=3&trainingForPlanningStaff=ja`,
    );
    const bonus = page.locator('section.finder-entry', { hasText: 'Bildungsprämie Wärmepumpe' });
    assert.match(await bonus.innerText(), /3\.000,00 €/);
    await page.getByLabel('Bezeichnung der Suche').fill('Wärmepumpen-Schulung');
    await page
      .getByRole('button', { name: 'Bei neuen passenden Programmen benachrichtigen' })
      .click();
    await page.waitForURL(`${base}/foerderfinder/benachrichtigungen?gespeichert=1`);
    assert.match(await page.locator('main').innerText(), /Wärmepumpen-Schulung/);
    await axe(page, 'Benachrichtigungen');
    await page.getByRole('button', { name: /Löschen.*Wärmepumpen-Schulung/ }).click();
    await page.waitForURL(`${base}/foerderfinder/benachrichtigungen?geloescht=1`);
    assert.match(await page.locator('main').innerText(), /keine gespeicherten Suchen/);
    await axe(page, 'Benachrichtigungen leer');
    await context.close();
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});
