import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { recordAward, type AwardInput } from '../../src/funding/awards/award.actions.ts';
import { CSV_HEADER } from '../../src/funding/awards/award.csv.ts';
import { allAwards } from '../../src/funding/awards/award.queries.ts';
import { AwardPackageSchema, LICENSE_URL } from '../../src/funding/awards/award.json.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';

const PAGE = '/foerderung/vergaben';
const GBER = { kind: 'gber', article: 'Art. 38 AGVO' } as const;

/** The table rows of the list (each award is one row with a row header). */
function rowCount(html: string): number {
  return (html.match(/<th scope="row"/g) ?? []).length;
}

describe('public award list (page, CSV, JSON)', () => {
  let t: TestApp;
  let anonymous: Client;
  let body: string;
  const extra = (overrides: Partial<AwardInput>): AwardInput => ({
    fundingBodyId: body,
    procedureId: null,
    recipientOrgId: null,
    recipientName: 'Prüfwerk Ruhr GmbH',
    recipientAgs: '05513000',
    recipientSize: 'large',
    naceCode: '24.10',
    programme: {
      programmeId: 'nrw-pruefprogramm',
      title: 'Prüfprogramm Industrie',
      stateAid: GBER,
    },
    amountCents: 20_000_000,
    grantedOn: '2025-06-30',
    purpose: 'Elektrolichtbogenofen statt Hochofen',
    now: new Date(Date.now() - 60_000),
    ...overrides,
  });
  before(async () => {
    t = await createTestApp();
    anonymous = new Client(t.app);
    body = await orgId(t, 'Bezirksregierung Arnsberg');
  });
  after(async () => t.close());

  it('shows the demo awards to anyone, without login, with totals and the licence', async () => {
    const page = await anonymous.get(PAGE);
    assert.equal(page.statusCode, 200);
    assert.equal(rowCount(page.body), 3);
    assert.match(page.body, /Windpark Sintfeld GmbH &amp; Co\. KG \(Beispiel\)/);
    assert.match(page.body, /Lichtenau, Kreis Paderborn/);
    assert.match(page.body, /3 Förderungen, zusammen 486\.900,50 €/);
    assert.match(page.body, /Datenlizenz Deutschland – Namensnennung – Version 2\.0/);
    assert.match(page.body, /href="\/foerderung\/vergaben\.csv"/);
    assert.doesNotMatch(page.body, /<script/);
    // The public navigation links to it.
    assert.match((await anonymous.get('/')).body, /href="\/foerderung\/vergaben"/);
  });

  it('publishes only aid above 100,000.00 € whose publication has begun', async () => {
    await recordAward(
      t.database.db,
      extra({ recipientName: 'Schwelle GmbH', amountCents: 10_000_000 }),
    );
    await recordAward(
      t.database.db,
      extra({ recipientName: 'Zukunft GmbH', now: new Date(Date.now() + 86_400_000) }),
    );
    await recordAward(
      t.database.db,
      extra({ recipientName: 'Knapp darüber GmbH', amountCents: 10_000_001 }),
    );
    const page = await anonymous.get(PAGE);
    assert.doesNotMatch(page.body, /Schwelle GmbH|Zukunft GmbH/);
    assert.match(page.body, /Knapp darüber GmbH/);
    assert.match(page.body, /100\.000,01 €/);
  });

  it('filters by programme, year and Kreis with a GET form, and pages', async () => {
    for (let i = 0; i < 55; i++) {
      await recordAward(t.database.db, extra({ recipientName: `Serienfertiger ${i} GmbH` }));
    }
    const byProgramme = await anonymous.get(`${PAGE}?programm=nrw-pruefprogramm`);
    assert.equal(byProgramme.statusCode, 200);
    assert.match(byProgramme.body, /56 Förderungen/);
    assert.equal(rowCount(byProgramme.body), 50);
    assert.match(byProgramme.body, /Seite 1 von 2/);
    assert.match(
      byProgramme.body,
      /href="\/foerderung\/vergaben\?programm=nrw-pruefprogramm&amp;seite=2"/,
    );
    const second = await anonymous.get(`${PAGE}?programm=nrw-pruefprogramm&seite=2`);
    assert.equal(rowCount(second.body), 6);
    const beyond = await anonymous.get(`${PAGE}?programm=nrw-pruefprogramm&seite=9`);
    assert.equal(beyond.statusCode, 200);
    assert.match(beyond.body, /keine Förderungen veröffentlicht/);

    const year = await anonymous.get(`${PAGE}?jahr=2026`);
    assert.match(year.body, /3 Förderungen/);
    const kreis = await anonymous.get(`${PAGE}?kreis=05958`);
    assert.match(kreis.body, /1 Förderung,/);
    assert.match(kreis.body, /Gießerei Hennesee GmbH/);
    assert.match(kreis.body, /<option value="05958" selected>Hochsauerlandkreis<\/option>/);
    const none = await anonymous.get(`${PAGE}?jahr=2031&kreis=05774`);
    assert.match(none.body, /0 Förderungen, zusammen 0,00 €/);
  });

  it('reads the whole selection batch by batch without gaps or repeats (keyset paging)', async () => {
    const seen: string[] = [];
    for await (const batch of allAwards(t.database.db, { filters: {}, now: new Date(), batch: 7 }))
      seen.push(...batch.map((a) => a.id));
    const page = await anonymous.get(PAGE);
    const total = Number(/(\d+) Förderungen, zusammen/.exec(page.body)![1]);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  });

  it('answers hostile query values with a German 400 page that keeps the values', async () => {
    const cases: [string, RegExp][] = [
      ['jahr=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /vier Ziffern/],
      ['kreis=1%27%20OR%201%3D1--', /Kreisschlüssel mit 5 Ziffern/],
      ['seite=-1', /Seite ist eine Zahl/],
      ['seite=99999999999999999999', /Seite ist eine Zahl/],
      ['programm=..%2F..%2Fetc%2Fpasswd', /Förderprogramm aus der Liste/],
      ['jahr=2026&jahr=2025', /nur einmal/],
      ['sort=amount', /Unbekannter Filter/],
      ['jahr=1999', /vier Ziffern/],
    ];
    for (const [query, message] of cases) {
      const page = await anonymous.get(`${PAGE}?${query}`);
      assert.equal(page.statusCode, 400, query);
      assert.match(page.body, /<title>Fehler: /, query);
      assert.match(page.body, /Bitte korrigieren Sie Ihre Eingaben/, query);
      assert.match(page.body, message, query);
      assert.doesNotMatch(page.body, /<script>alert/, query);
    }
    // Control characters are refused by the platform's input guard, also in German.
    const nul = await anonymous.get(`${PAGE}?programm=%00`);
    assert.equal(nul.statusCode, 400);
    assert.match(nul.body, /Steuerzeichen/);
    const kept = await anonymous.get(`${PAGE}?jahr=abc&kreis=05958`);
    assert.match(kept.body, /<option value="abc" selected>„abc“ \(ungültig\)<\/option>/);
    assert.match(kept.body, /<option value="05958" selected>/);

    const csv = await anonymous.get(`${PAGE}.csv?jahr=x`);
    assert.equal(csv.statusCode, 400);
    assert.match(String(csv.headers['content-type']), /text\/html/);
    assert.match(csv.body, /vier Ziffern/);
    const json = await anonymous.get(`${PAGE}.json?seite=0`);
    assert.equal(json.statusCode, 400);
    assert.match(String(json.headers['content-type']), /text\/html/);
    assert.match(json.body, /Seite ist eine Zahl/);
  });

  it('streams a German office CSV: BOM, semicolons, decimal comma, German dates', async () => {
    const response = await anonymous.get(`${PAGE}.csv?jahr=2026`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="foerderungen-/,
    );
    assert.ok(response.body.startsWith('\uFEFF'), 'BOM');
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    assert.deepEqual(lines[0]!.split(';'), [...CSV_HEADER]);
    assert.equal(lines.length, 4);
    const record = lines.find((l) => l.includes('Kältetechnik Phoenix-See'))!.split(';');
    const at = (column: (typeof CSV_HEADER)[number]) => record[CSV_HEADER.indexOf(column)];
    assert.equal(at('Betrag (EUR)'), '126.400,50');
    assert.equal(at('Tag der Bewilligung'), '20.11.2026');
    assert.equal(at('Gemeinde'), 'Dortmund');
    assert.equal(at('Gemeindeschlüssel'), '05913000');
    assert.equal(at('Rechtsgrundlage'), 'De-minimis (VO (EU) 2023/2831)');
    assert.equal(at('Beihilfeinstrument'), 'Zuschuss');
  });

  it('serves JSON in the documented 360Giving shape', async () => {
    const response = await anonymous.get(`${PAGE}.json`);
    assert.equal(response.statusCode, 200);
    const data = response.json();
    const problems = [...Value.Errors(AwardPackageSchema, data)].map(
      (e) => `${e.path}: ${e.message}`,
    );
    assert.deepEqual(problems, []);
    assert.equal(data.license, LICENSE_URL);
    const solar = data.grants.find((g: { description: string }) =>
      g.description.includes('Solarthermieanlage'),
    );
    assert.equal(solar.amountAwarded, 126400.5);
    assert.equal(solar.currency, 'EUR');
    assert.equal(solar.awardDate, '2026-11-20');
    assert.deepEqual(solar.beneficiaryLocation, [
      { name: 'Dortmund', geoCode: '05913000', geoCodeType: 'DE-AGS', countryCode: 'DE' },
    ]);
    assert.equal(solar.grantProgramme[0].code, 'progres-klimaschutztechnik-solare-prozesswaerme');
    assert.match(solar.fundingOrganization[0].id, /^360G-industrieland-org-[0-9a-f-]{36}$/);
    const filtered = (await anonymous.get(`${PAGE}.json?kreis=05958`)).json();
    assert.equal(filtered.grants.length, 1);
    assert.match(filtered.downloadURL, /vergaben\.json\?kreis=05958$/);
    // The shape check can fail: a grant without an amount is refused.
    const broken = structuredClone(data);
    delete broken.grants[0].amountAwarded;
    assert.equal(Value.Check(AwardPackageSchema, broken), false);
  });

  it('never publishes the name or Gemeinde of a sole trader', async () => {
    await recordAward(
      t.database.db,
      extra({
        recipientName: 'Erika Mustermann Kältetechnik',
        recipientAgs: '05958032',
        recipientNaturalPerson: true,
        grantedOn: '2024-03-01',
      }),
    );
    const filter = '?jahr=2024';
    const page = await anonymous.get(`${PAGE}${filter}`);
    const csv = await anonymous.get(`${PAGE}.csv${filter}`);
    const json = await anonymous.get(`${PAGE}.json${filter}`);
    for (const output of [page.body, csv.body, json.body]) {
      assert.doesNotMatch(output, /Mustermann|Meschede|05958032/);
      assert.match(output, /Einzelunternehmen \(Name wird nicht veröffentlicht\)/);
      assert.match(output, /Hochsauerlandkreis/);
    }
    const grant = json.json().grants[0];
    assert.match(grant.recipientOrganization[0].id, /^360G-industrieland-recipient-/);
    assert.deepEqual(grant.beneficiaryLocation[0].geoCodeType, 'DE-KREIS');
  });
});
