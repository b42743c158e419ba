import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, browserSkipReason, startBrowserApp } from '../helpers/browser.ts';
import type { TestApp } from '../helpers/app.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const PROVIDER = 'flaechen@marl.example';

/**
 * The site register with JavaScript off: public search and detail page, the provider edits a
 * site, an invalid import is refused with line and reason; axe checks every page shown.
 */
describe('site register in the browser without JavaScript', { skip }, () => {
  let browser: Browser;
  let base: string;
  let t: TestApp;
  let stop: (() => Promise<void>) | undefined;
  const sessions = new BrowserSessions(
    () => browser,
    () => base,
  );
  const axe = (page: Page, label: string) => sessions.axe(page, label);

  before(async () => {
    const env = await startBrowserApp();
    ({ browser, base, t } = env);
    stop = () => env.close();
  });
  after(async () => stop?.());

  it('search, detail, editing a site and a refused import work and pass axe', async () => {
    const visitor = await sessions.as(PROVIDER);
    await visitor.goto(`${base}/gewerbeflaechen`);
    await axe(visitor, '/gewerbeflaechen');
    await visitor.getByLabel('Mindestgröße in Hektar').fill('40');
    await visitor.getByRole('button', { name: 'Suchen' }).click();
    await visitor.waitForURL(/mindestgroesse=40/);
    await visitor.getByRole('link', { name: /gate\.ruhr/ }).click();
    await visitor.waitForURL(/\/gewerbeflaechen\/[0-9a-f-]{36}$/);
    assert.match(await visitor.locator('main').innerText(), /Bereitschaftswert: \d+ von 100/);
    await axe(visitor, '/gewerbeflaechen/:id');

    const provider = await sessions.as(PROVIDER);
    await provider.goto(`${base}/gewerbeflaechen/pflege`);
    await axe(provider, '/gewerbeflaechen/pflege');
    await provider
      .getByRole('link', { name: /Gewerbegebiet Brassert-Süd/ })
      .first()
      .click();
    await provider.getByLabel('Fläche brutto in Hektar').fill('');
    await provider.getByRole('button', { name: 'Speichern' }).click();
    await provider.locator('.error-summary').waitFor();
    assert.match(
      await provider.locator('.error-summary').innerText(),
      /Fläche brutto: Angabe fehlt/,
    );
    await axe(provider, '/gewerbeflaechen/pflege/:id (Fehler)');
    await provider.getByLabel('Fläche brutto in Hektar').fill('8,5');
    await provider.getByLabel('Bezeichnung').fill('Gewerbegebiet Brassert-Süd, 2. Abschnitt');
    await provider.getByRole('button', { name: 'Speichern' }).click();
    await provider.waitForURL(/ok=gespeichert/);
    await axe(provider, '/gewerbeflaechen/pflege/:id (gespeichert)');
    const stored = await t.database.db
      .selectFrom('sites')
      .select(['name', 'gross_ha'])
      .where('reference', '=', 'MARL-BSP-01')
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { name: 'Gewerbegebiet Brassert-Süd, 2. Abschnitt', gross_ha: 8.5 });

    const dir = mkdtempSync(path.join(tmpdir(), 'flaechen-'));
    const file = path.join(dir, 'flaechen.csv');
    writeFileSync(
      file,
      '\uFEFFkennung;bezeichnung;laenge;breite;flaeche_brutto_ha;eigentum;planungsstand;gebietsart;altlasten;bergaufsicht;netzanschluss;verfuegbarkeit;kontakt\r\n' +
        'NEU-1;Vertauscht;51,66;7,11;2;private;none;GE;none;never;none;long-term;Kontakt\r\n',
    );
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('sites')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await provider.goto(`${base}/gewerbeflaechen/pflege`);
    await provider.getByLabel(/Datei \(CSV oder GeoJSON/).setInputFiles(file);
    await provider.getByRole('button', { name: 'Einlesen' }).click();
    await provider.locator('.error-summary').waitFor();
    assert.match(
      await provider.locator('.error-summary').innerText(),
      /Zeile 2: Länge und Breite sind offenbar vertauscht/,
    );
    await axe(provider, '/gewerbeflaechen/pflege (Import abgelehnt)');
    assert.equal(await count(), before);
    await provider.goto(`${base}/gewerbeflaechen/pflege/neu`);
    await axe(provider, '/gewerbeflaechen/pflege/neu');
    assert.equal(sessions.problems.join('\n'), '');
  });
});
