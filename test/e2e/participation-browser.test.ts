import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  startBrowserApp,
} from '../helpers/browser.ts';
import { runningClock, type TestApp } from '../helpers/app.ts';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';
import { createPublishedProcedure, seedObjections, WORKER } from '../helpers/participation.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
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
      // A fixed working day that runs on in real time: the walk never meets Berlin midnight.
      clock: runningClock(new Date('2026-11-24T09:00:00Z')),
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
    const db = t.database.db;
    const tenant = await db
      .selectFrom('procedures')
      .select('tenant_id')
      .where('id', '=', procedureId)
      .executeTakeFirstOrThrow();
    const letter =
      'Wir erheben Einwendungen gegen den Windpark. Der Lärm der Anlagen in der Nacht überschreitet die Richtwerte, der Schattenwurf trifft unsere Häuser am Nachmittag, und im Wald nebenan brütet der Rotmilan. Die Unterlagen sind unvollständig, die Prüfung des Artenschutzes fehlt. Wir bitten, den Antrag abzulehnen. Mit freundlichen Grüßen';
    const [representativeId] = await seedObjections(
      t,
      { id: procedureId, tenantId: tenant.tenant_id },
      Array.from({ length: 6 }, (_, i) => ({
        text: `${letter} Familie Beispiel${i}, Tel. 0171 1234${i}`,
        name: `Person ${i}`,
        address: `Weg ${i}`,
        signatures: i === 0 ? 60 : 1,
        // The list of 60 names its representative (§ 17 Abs. 1 VwVfG).
        representative:
          i === 0 ? { name: 'Rita Rotmilan', profession: 'Biologin', address: 'Waldweg 1' } : null,
      })),
    );
    const representative = await db
      .selectFrom('objections')
      .select('reference')
      .where('id', '=', representativeId!)
      .executeTakeFirstOrThrow();
    const objectionCount = async () =>
      Number(
        (
          await db
            .selectFrom('objections')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('procedure_id', '=', procedureId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    const page = await plain.newPage();
    // Every page the walk loads: an error status other than the one wrong form on purpose fails.
    const loaded: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document')
        loaded.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    /** After a form was sent: the redirect's target loaded, not an error page instead. */
    const arrivedAt = async (url: RegExp) => {
      await page.waitForLoadState();
      const last = loaded.at(-1) ?? '(keine Seite)';
      assert.match(last, /^200 GET /, `Nach dem Absenden kam ${last}`);
      assert.match(page.url(), url);
    };
    /** The page arrived whole: its heading, and no error page in its place. */
    const expectPage = async (heading: RegExp) => {
      assert.doesNotMatch(await page.title(), /^Fehler/, page.url());
      assert.equal(await page.locator('.error-summary').count(), 0, page.url());
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), heading);
    };

    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(WORKER);
    await page.getByLabel('Passwort').fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await arrivedAt(/\/konto$/);
    await expectPage(/^Mein Konto$/);
    await page.goto(`${base}/verfahren/${procedureId}`);
    await expectPage(/^Windpark Lichtenau-Nordost \(Beispiel\)$/);

    // Uniform submissions: recognised as one group of six, its representative named on the list.
    await page.getByRole('link', { name: 'Gleichförmige Einwendungen' }).click();
    await expectPage(/^Gleichförmige Einwendungen$/);
    await page.getByText('Es gibt noch keine Gruppen.').waitFor();
    await page.getByRole('button', { name: 'Gleichförmige Einwendungen erkennen' }).click();
    // Detection runs as a background job: the status page, then the result after a reload.
    await arrivedAt(/\/auftraege\/[0-9a-f-]{36}$/);
    await expectPage(/^Gleichförmige Einwendungen erkennen$/);
    await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
    await page.getByRole('link', { name: 'Aktualisieren', exact: true }).click();
    await page.getByText('Der Auftrag ist fertig').waitFor();
    await page.getByRole('link', { name: 'Zu den gleichförmigen Einwendungen' }).click();
    await expectPage(/^Gleichförmige Einwendungen$/);
    await page.getByText('1 – mit zusammen 6 Einwendungen (§ 17 VwVfG)').waitFor();
    const groups = await db
      .selectFrom('objection_groups')
      .select(['id', 'representative_id'])
      .where('procedure_id', '=', procedureId)
      .execute();
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.representative_id, representativeId);
    await axe(page, '/verfahren/:id/einwendungen/gruppen');
    await page.locator(`a[href$="/einwendungen/gruppen/${groups[0]!.id}"]`).click();
    await expectPage(/^Gruppe gleichförmiger Einwendungen$/);
    await page.getByText(`${representative.reference} (Vertreter)`).waitFor();
    assert.equal(
      await page.getByRole('checkbox', { name: /^EW-\d{4}-\d{7} auswählen$/ }).count(),
      6,
    );
    await axe(page, '/verfahren/:id/einwendungen/gruppen/:gid');

    // The list counts every objection; the detail shows the objector and proposes the phone number.
    await page.goto(`${base}/verfahren/${procedureId}/einwendungen`);
    await expectPage(/^Einwendungen$/);
    const before = await objectionCount();
    await page.getByText(`${before} Einwendungen`, { exact: true }).waitFor();
    await axe(page, '/verfahren/:id/einwendungen');
    await page.getByRole('link', { name: representative.reference, exact: true }).click();
    await expectPage(new RegExp(`^Einwendung ${representative.reference}$`));
    await page.getByText('Person 0', { exact: true }).first().waitFor();
    await page.getByText('Telefon: „0171 12340“').waitFor();
    await axe(page, '/verfahren/:id/einwendungen/:oid');
    await page.getByRole('button', { name: 'Schwärzung bestätigen' }).click();
    await arrivedAt(/\?ok=schwaerzung$/);
    await expectPage(new RegExp(`^Einwendung ${representative.reference}$`));
    await page.getByText('Die Schwärzung wurde bestätigt.').waitFor();
    const redacted = await db
      .selectFrom('objections')
      .select(['redacted_body', 'redaction_confirmed_at'])
      .where('id', '=', representativeId!)
      .executeTakeFirstOrThrow();
    assert.ok(redacted.redaction_confirmed_at, 'the redaction is confirmed');
    assert.doesNotMatch(redacted.redacted_body ?? '', /0171 12340/);

    // Catalogue: the suggestions the page reports are the links stored.
    await page.goto(`${base}/verfahren/${procedureId}/belange`);
    await expectPage(/^Belange-Katalog$/);
    await page.getByRole('button', { name: 'Vorschläge berechnen' }).click();
    await arrivedAt(/\/belange\?ok=vorschlaege&anzahl=\d+$/);
    await expectPage(/^Belange-Katalog$/);
    const suggested = Number(new URL(page.url()).searchParams.get('anzahl'));
    assert.ok(suggested >= 6, `${suggested} Zuordnungen`);
    await page.getByText(`Vorschläge berechnet: ${suggested} neue Zuordnungen.`).waitFor();
    const links = await db
      .selectFrom('objection_concerns as oc')
      .innerJoin('objections as o', 'o.id', 'oc.objection_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('o.procedure_id', '=', procedureId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(links.n), suggested);
    await axe(page, '/verfahren/:id/belange');

    // Manual entry: refused empty with the error summary, then stored and listed.
    await page.goto(`${base}/verfahren/${procedureId}/einwendungen/neu`);
    await expectPage(/^Einwendung erfassen: Windpark Lichtenau-Nordost \(Beispiel\)$/);
    await axe(page, '/verfahren/:id/einwendungen/neu');
    await page.getByRole('button', { name: 'Einwendung speichern' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.title(), /^Fehler: /);
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /„Text der Einwendung“ fehlt/, 'errors name the form label');
    assert.doesNotMatch(summary, /„(text|receivedAt|channel)“/, 'no internal field keys');
    assert.equal(await objectionCount(), before, 'a refused entry stores nothing');
    await axe(page, '/verfahren/:id/einwendungen/neu (Fehler)');
    const paperText =
      'Brief vom Posteingang: Die Zufahrt über den Feldweg ist für Baufahrzeuge zu schmal.';
    await page.getByLabel('Text der Einwendung').fill(paperText);
    // "Name" alone would also match "Name des Vertreters" (§ 17 VwVfG fieldset).
    await page.locator('#feld-name').fill('Erika Papier');
    await page.getByLabel('Eingangsdatum').fill(berlinDate(t.deps.clock.now()));
    await page.getByRole('button', { name: 'Einwendung speichern' }).click();
    await arrivedAt(/\/einwendungen\?erfasst=1$/);
    await expectPage(/^Einwendungen$/);
    await page.getByText('Die Einwendung wurde erfasst.').waitFor();
    const listed = before + 1;
    await page
      .getByText(
        `${listed.toLocaleString('de-DE')} ${listed === 1 ? 'Einwendung' : 'Einwendungen'}`,
        {
          exact: true,
        },
      )
      .waitFor();
    const entered = await db
      .selectFrom('objections')
      .select(['reference', 'channel', 'name', 'entered_by'])
      .where('procedure_id', '=', procedureId)
      .where('body', '=', paperText)
      .executeTakeFirstOrThrow();
    assert.equal(entered.channel, 'paper');
    assert.equal(entered.name, 'Erika Papier');
    assert.ok(entered.entered_by, 'the case worker who entered it is recorded');
    await page.getByRole('link', { name: entered.reference, exact: true }).waitFor();

    // Hearing: during the objection period the page says when it is decided.
    await page.goto(`${base}/verfahren/${procedureId}/eroerterung`);
    await expectPage(/^Erörterung: Windpark Lichtenau-Nordost \(Beispiel\)$/);
    await page
      .getByText('Über den Erörterungstermin wird nach dem Ende der Einwendungsfrist entschieden')
      .waitFor();
    await axe(page, '/verfahren/:id/eroerterung');

    const failed = loaded.filter((line) => !/^[23]\d\d /.test(line));
    assert.deepEqual(
      failed,
      [`400 POST ${base}/verfahren/${procedureId}/einwendungen/neu`],
      loaded.join('\n'),
    );
  });

  it('axe finds no violations on the participation pages', () => {
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
});
