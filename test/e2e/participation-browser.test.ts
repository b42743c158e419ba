import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import type { TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections, WORKER } from '../helpers/participation.ts';

const skip = browserSkipReason();

/**
 * The public side of participation in Chromium: list, display, notices and the objection form,
 * once without JavaScript (waiting-time rule) and once with the proof-of-work script; axe runs on
 * every public page type, including the form's error state and the receipt.
 */
describe('public participation in the browser', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let procedureId: string;
  const problems: string[] = [];
  let scripted: BrowserContext;
  let plain: BrowserContext;
  let stop: (() => Promise<void>) | undefined;

  async function axe(page: Page, label: string) {
    const html = await page.content();
    const probe = await scripted.newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) problems.push(describeViolations(label, violations));
    await probe.close();
  }

  before(async () => {
    const env = await startBrowserApp({
      env: {
        OBJECTION_POW_DIFFICULTY: '12',
        OBJECTION_FORM_MIN_SECONDS: '2',
        OBJECTION_RATE_LIMIT: '0',
      },
    });
    ({ browser, base, t } = env);
    stop = () => env.close();
    procedureId = (await createPublishedProcedure(t, { documents: true, leadDays: 7 })).id;
    plain = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    scripted = await browser.newContext({ locale: 'de-DE' });
  });
  after(async () => stop?.());

  it('without JavaScript: find the procedure, read the notice, object, get the receipt', async () => {
    const page = await plain.newPage();
    await page.goto(`${base}/beteiligung`);
    await axe(page, '/beteiligung');
    await page.getByLabel('Suche in Vorhaben und Bekanntmachungen').fill('Lichtenau');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('link', { name: 'Windpark Lichtenau-Nordost (Beispiel)' }).first().click();
    await page.waitForURL(new RegExp(`/beteiligung/${procedureId}$`));
    await axe(page, '/beteiligung/:id');
    await page.getByRole('link', { name: /Öffentliche Bekanntmachung/ }).click();
    await axe(page, '/bekanntmachungen/:id');
    await page.goto(`${base}/bekanntmachungen`);
    await axe(page, '/bekanntmachungen');
    await page.goto(`${base}/beteiligung/${procedureId}`);
    await page.getByRole('link', { name: 'Einwendung erheben' }).click();
    await axe(page, '/beteiligung/:id/einwendung');
    await page.getByRole('button', { name: 'Einwendung absenden' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    await axe(page, '/beteiligung/:id/einwendung (Fehler)');
    await page.getByLabel('Ihre Einwendung').fill('Der Lärm stört. <b>fett</b>');
    await page.getByLabel('Vor- und Nachname').fill('Browser Ohne Skript');
    await page.getByLabel('Anschrift', { exact: true }).fill('Testweg 1, 33165 Lichtenau');
    await page.waitForTimeout(2_500); // the waiting-time rule for forms without script
    await page.getByRole('button', { name: 'Einwendung absenden' }).click();
    await page.waitForURL(/\/eingang\/[A-Za-z0-9_-]+\?neu=1$/);
    assert.match(await page.locator('h1').innerText(), /^Eingangsbestätigung EW-\d{4}-\d{7}$/);
    await axe(page, '/eingang/:token');
  });

  it('with JavaScript the proof of work is solved in the browser before sending', async () => {
    const page = await scripted.newPage();
    await page.goto(`${base}/beteiligung/${procedureId}/einwendung`);
    await page.getByLabel('Ihre Einwendung').fill('Schattenwurf auf unser Haus.');
    await page.getByLabel('Vor- und Nachname').fill('Browser Mit Skript');
    await page.getByLabel('Anschrift', { exact: true }).fill('Testweg 2, 33165 Lichtenau');
    await page
      .locator('[data-pow-status]')
      .filter({ hasText: 'abgeschlossen' })
      .waitFor({ timeout: 30_000 });
    const nonce = await page.locator('input[name="nonce"]').inputValue();
    assert.match(nonce, /^\d+$/);
    await page.getByRole('button', { name: 'Einwendung absenden' }).click();
    await page.waitForURL(/\/eingang\/[A-Za-z0-9_-]+\?neu=1$/);
    const stored = await t.database.db
      .selectFrom('objections')
      .select('submission_key')
      .where('name', '=', 'Browser Mit Skript')
      .executeTakeFirstOrThrow();
    assert.ok(stored.submission_key, 'the challenge id is the idempotency key');
  });

  it('case worker pages: objections, detail with redaction, groups, catalogue, manual entry, hearing', async () => {
    const tenant = await t.database.db
      .selectFrom('procedures')
      .select('tenant_id')
      .where('id', '=', procedureId)
      .executeTakeFirstOrThrow();
    const letter =
      'Wir erheben Einwendungen gegen den Windpark. Der Lärm der Anlagen in der Nacht überschreitet die Richtwerte, der Schattenwurf trifft unsere Häuser am Nachmittag, und im Wald nebenan brütet der Rotmilan. Die Unterlagen sind unvollständig, die Prüfung des Artenschutzes fehlt. Wir bitten, den Antrag abzulehnen. Mit freundlichen Grüßen';
    await seedObjections(
      t,
      { id: procedureId, tenantId: tenant.tenant_id },
      Array.from({ length: 6 }, (_, i) => ({
        text: `${letter} Familie Beispiel${i}, Tel. 0171 1234${i}`,
        name: `Person ${i}`,
        address: `Weg ${i}`,
        signatures: i === 0 ? 60 : 1,
      })),
    );
    const page = await plain.newPage();
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(WORKER);
    await page.getByLabel('Passwort').fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/konto$/);
    await page.goto(`${base}/verfahren/${procedureId}`);
    await page.getByRole('link', { name: 'Gleichförmige Einwendungen' }).click();
    await page.getByRole('button', { name: /erkennen/ }).click();
    await axe(page, '/verfahren/:id/einwendungen/gruppen');
    const group = page.locator('a[href*="/einwendungen/gruppen/"]').first();
    await group.click();
    await axe(page, '/verfahren/:id/einwendungen/gruppen/:gid');
    await page.goto(`${base}/verfahren/${procedureId}/einwendungen`);
    await axe(page, '/verfahren/:id/einwendungen');
    await page
      .locator('a[href*="/einwendungen/"][href$="0"], main a[href*="/einwendungen/"]')
      .first()
      .click();
    await axe(page, '/verfahren/:id/einwendungen/:oid');
    await page.goto(`${base}/verfahren/${procedureId}/belange`);
    await page.getByRole('button', { name: /Vorschläge berechnen/ }).click();
    await axe(page, '/verfahren/:id/belange');
    await page.goto(`${base}/verfahren/${procedureId}/einwendungen/neu`);
    await axe(page, '/verfahren/:id/einwendungen/neu');
    await page.getByRole('button', { name: 'Einwendung speichern' }).click();
    await page.locator('.error-summary').waitFor();
    await axe(page, '/verfahren/:id/einwendungen/neu (Fehler)');
    await page.goto(`${base}/verfahren/${procedureId}/eroerterung`);
    await axe(page, '/verfahren/:id/eroerterung');
  });

  it('axe finds no violations on the participation pages', () => {
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
});
