import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { SITES_LAYER } from '../../src/registers/sites/site.layer.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

/**
 * The site register over HTTP on the real database: public search and detail, the provider's
 * forms, import and export, and who may do what (public, provider, provider of another
 * organisation, case worker, applicant, platform admin).
 */
const PROVIDER = 'flaechen@marl.example';
const OTHER_PROVIDER = 'flaechen@dorsten.example';
const CASE_WORKER = 'sachbearbeitung@kreis-paderborn.example';
const APPLICANT = 'antrag@windpark-sintfeld.example';
const ADMIN = 'admin@industrieland.example';

const SITE_FORM = {
  kennung: 'MARL-TEST-1',
  bezeichnung: 'Testfläche am Kanal',
  laenge: '7,12',
  breite: '51,70',
  flaeche_brutto_ha: '4',
  flaeche_netto_ha: '3,5',
  eigentum: 'municipal',
  planungsstand: 'binding-plan',
  gebietsart: 'GE',
  altlasten: 'none',
  bergaufsicht: 'never',
  netzanschluss: 'available',
  verfuegbarkeit: 'immediate',
  kontakt: 'Wirtschaftsförderung Marl',
};

const HEADER =
  'kennung;bezeichnung;laenge;breite;flaeche_brutto_ha;eigentum;planungsstand;gebietsart;altlasten;bergaufsicht;netzanschluss;verfuegbarkeit;kontakt';
const row = (ref: string, lon: string, lat: string, extra = '') =>
  `${ref};Fläche ${ref};${lon};${lat};2;private;none;GE;none;never;none;long-term;Kontakt${extra}`;

describe('site register', () => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  const client = (email: string) => clients.get(email)!;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    // A second provider: the economic-development office of another municipality.
    const org = await db
      .insertInto('organisations')
      .values({ name: 'Stadt Dorsten – Wirtschaftsförderung (Beispiel)', kind: 'municipality' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({
        email: OTHER_PROVIDER,
        display_name: 'Dora Dorsten',
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: org.id, role: 'site_provider' })
      .execute();
    for (const email of [PROVIDER, OTHER_PROVIDER, CASE_WORKER, APPLICANT, ADMIN]) {
      const c = new Client(t.app);
      await c.logIn(email);
      clients.set(email, c);
    }
    clients.set('anonymous', new Client(t.app));
  });
  after(async () => t.close());

  async function siteId(reference: string): Promise<string> {
    const found = await t.database.db
      .selectFrom('sites')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    return found.id;
  }

  async function upload(email: string, name: string, content: string, type = 'text/csv') {
    const c = client(email);
    const page = await c.get('/gewerbeflaechen/pflege');
    const csrf = csrfTokenFrom(page.body);
    const boundary = `----flaechen${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/gewerbeflaechen/pflege/import?_csrf=${encodeURIComponent(csrf)}`,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: c.jar.header(),
      },
      payload,
    });
  }

  it('public search finds gate.ruhr by name, Gemeinde, size and readiness', async () => {
    const anonymous = client('anonymous');
    const all = await anonymous.get('/gewerbeflaechen');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /gate\.ruhr/);
    assert.match(all.body, /Gewerbegebiet Brassert-Süd \(Beispiel\)/);
    assert.match(all.body, /href="\/karte\?ebene=sites">Alle Flächen auf der Karte/);
    const big = await anonymous.get('/gewerbeflaechen?mindestgroesse=40&gemeinde=Marl');
    assert.match(big.body, /gate\.ruhr/);
    assert.doesNotMatch(big.body, /Brassert/);
    const ready = await anonymous.get('/gewerbeflaechen?verfuegbarkeit=immediate');
    assert.doesNotMatch(ready.body, /gate\.ruhr/);
    assert.match(ready.body, /Brassert/);
    const named = await anonymous.get('/gewerbeflaechen?q=gate');
    assert.match(named.body, /1 Fläche gefunden/);
    const bad = await anonymous.get('/gewerbeflaechen?mindestgroesse=viel&verfuegbarkeit=bald');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Mindestgröße: bitte eine Zahl/);
    assert.match(bad.body, /value="viel"/);
  });

  it('the detail page shows the readiness score with its reasons and a funding link', async () => {
    const id = await siteId('MARL-GATE-RUHR');
    const page = await client('anonymous').get(`/gewerbeflaechen/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bereitschaftswert: \d+ von 100/);
    for (const reason of [
      'Größe',
      'Planungsrecht',
      'Altlasten',
      'Bergaufsicht',
      'Stromnetz',
      'Wasserstoff-Kernnetz',
    ])
      assert.match(page.body, new RegExp(reason));
    assert.match(page.body, /Unter Bergaufsicht/);
    assert.match(page.body, /href="\/foerderfinder\?siteInNrw=ja&amp;seatAgs=05562024"/);
    // The map with the site layer, focused on the site: its extent holds the site's centre.
    const map = /href="(\/karte\?ebene=sites&amp;bbox=[^"]+)">Diese Fläche auf der Karte/.exec(
      page.body,
    );
    assert.ok(map, 'link to the map');
    const href = map[1]!.replace(/&amp;/g, '&');
    const [west, south, east, north] = new URL(href, 'http://x').searchParams
      .get('bbox')!
      .split(',')
      .map(Number) as [number, number, number, number];
    const centre = /Lage \(Länge, Breite\)<\/dt><dd class="kern-body">([\d,]+), ([\d,]+)</.exec(
      page.body,
    );
    assert.ok(centre, 'centre shown');
    const [lon, lat] = [centre[1]!, centre[2]!].map((v) => Number(v.replace(',', '.'))) as [
      number,
      number,
    ];
    assert.ok(west < lon && lon < east && south < lat && lat < north, href);
    assert.ok(east - west < 0.2 && north - south < 0.2, `focused: ${href}`);
    const shown = await client('anonymous').get(href);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Tabelle: Gewerbe- und Industrieflächen/);
    assert.match(shown.body, /<th scope="row" class="kern-table__cell">gate\.ruhr/);
    assert.equal((await client('anonymous').get('/gewerbeflaechen/nicht-da')).statusCode, 404);
  });

  it('provider pages: the provider only; others are refused; another provider sees only its own', async () => {
    const id = await siteId('MARL-GATE-RUHR');
    const anonymous = await client('anonymous').get('/gewerbeflaechen/pflege');
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    for (const email of [CASE_WORKER, APPLICANT, ADMIN]) {
      for (const url of [
        '/gewerbeflaechen/pflege',
        '/gewerbeflaechen/pflege/neu',
        `/gewerbeflaechen/pflege/${id}`,
        '/gewerbeflaechen/pflege/export.csv',
      ])
        assert.equal((await client(email).get(url)).statusCode, 403, `${email} ${url}`);
    }
    const own = await client(PROVIDER).get('/gewerbeflaechen/pflege');
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Datenqualität: \d+ von 100/);
    // The demo's example 4 states 9 ha for an outline of 5 ha: an open problem.
    assert.match(own.body, /MARL-BSP-04/);
    assert.match(own.body, /Abweichung über 20 %/);
    const other = await client(OTHER_PROVIDER).get('/gewerbeflaechen/pflege');
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, /gate\.ruhr/);
    assert.equal(
      (await client(OTHER_PROVIDER).get(`/gewerbeflaechen/pflege/${id}`)).statusCode,
      404,
    );
    const before = await snapshotTables(t.database.db);
    const page = await client(OTHER_PROVIDER).get('/gewerbeflaechen/pflege');
    const csrf = csrfTokenFrom(page.body);
    for (const url of [`/gewerbeflaechen/pflege/${id}`, `/gewerbeflaechen/pflege/${id}/beenden`]) {
      const response = await client(OTHER_PROVIDER).post(url, {
        _csrf: csrf,
        ...SITE_FORM,
        grund: 'verkauft',
      });
      assert.equal(response.statusCode, 404, url);
    }
    // Naming the other provider's organisation does not help.
    const marl = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Stadt Marl – Wirtschaftsförderung')
      .executeTakeFirstOrThrow();
    const foreign = await client(OTHER_PROVIDER).post('/gewerbeflaechen/pflege/neu', {
      _csrf: csrf,
      anbieter: marl.id,
      ...SITE_FORM,
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal(
      (await client(OTHER_PROVIDER).get(`/gewerbeflaechen/pflege/export.csv?anbieter=${marl.id}`))
        .statusCode,
      403,
    );
    assert.deepEqual(changedTables(before, await snapshotTables(t.database.db)), []);
  });

  it('forms need the CSRF token', async () => {
    const before = await snapshotTables(t.database.db);
    const response = await client(PROVIDER).post('/gewerbeflaechen/pflege/neu', SITE_FORM);
    assert.equal(response.statusCode, 403);
    assert.deepEqual(changedTables(before, await snapshotTables(t.database.db)), []);
  });

  it('refused input keeps the values, names the fields and stores nothing', async () => {
    const before = await snapshotTables(t.database.db);
    const missing = await client(PROVIDER).submit(
      '/gewerbeflaechen/pflege/neu',
      '/gewerbeflaechen/pflege/neu',
      { ...SITE_FORM, kontakt: '', bezeichnung: '<script>alert(1)</script>' },
    );
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /<title>Fehler: /);
    assert.match(missing.body, /Kontakt: Angabe fehlt/);
    assert.match(missing.body, /value="&lt;script>alert\(1\)&lt;\/script>"/);
    assert.doesNotMatch(missing.body, /<script>alert/);
    const swapped = await client(PROVIDER).submit(
      '/gewerbeflaechen/pflege/neu',
      '/gewerbeflaechen/pflege/neu',
      { ...SITE_FORM, laenge: '51,70', breite: '7,12' },
    );
    assert.equal(swapped.statusCode, 400);
    assert.match(swapped.body, /vertauscht/);
    const duplicate = await client(PROVIDER).submit(
      '/gewerbeflaechen/pflege/neu',
      '/gewerbeflaechen/pflege/neu',
      { ...SITE_FORM, kennung: 'MARL-GATE-RUHR' },
    );
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /bereits vergeben/);
    assert.deepEqual(changedTables(before, await snapshotTables(t.database.db)), []);
  });

  it('a provider creates, edits and ends a site; an ended site leaves search and layer', async () => {
    const created = await client(PROVIDER).submit(
      '/gewerbeflaechen/pflege/neu',
      '/gewerbeflaechen/pflege/neu',
      SITE_FORM,
    );
    assert.equal(created.statusCode, 303);
    const id = await siteId('MARL-TEST-1');
    const edited = await client(PROVIDER).submit(
      `/gewerbeflaechen/pflege/${id}`,
      `/gewerbeflaechen/pflege/${id}`,
      { ...SITE_FORM, bezeichnung: 'Testfläche am Kanal, erweitert', flaeche_brutto_ha: '5' },
    );
    assert.equal(edited.statusCode, 303);
    const stored = await t.database.db
      .selectFrom('sites')
      .select(['name', 'gross_ha', 'gemeinde', 'hydrogen_distance_km'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.name, 'Testfläche am Kanal, erweitert');
    assert.equal(stored.gross_ha, 5);
    assert.equal(stored.gemeinde, 'Marl');
    assert.ok(stored.hydrogen_distance_km !== null && stored.hydrogen_distance_km < 20);
    const layerBefore = await SITES_LAYER.items(t.database.db, { limit: 100, offset: 0 });
    assert.ok(layerBefore.features.some((f) => f.id === id));
    const noReason = await client(PROVIDER).submit(
      `/gewerbeflaechen/pflege/${id}`,
      `/gewerbeflaechen/pflege/${id}/beenden`,
      { ende: '', grund: '' },
    );
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Grund: bitte angeben/);
    const ended = await client(PROVIDER).submit(
      `/gewerbeflaechen/pflege/${id}`,
      `/gewerbeflaechen/pflege/${id}/beenden`,
      { ende: '', grund: 'An ein Unternehmen verkauft.' },
    );
    assert.equal(ended.statusCode, 303);
    const search = await client('anonymous').get('/gewerbeflaechen?q=MARL-TEST');
    assert.match(search.body, /0 Flächen gefunden/);
    const layer = await SITES_LAYER.items(t.database.db, { limit: 100, offset: 0 });
    assert.ok(!layer.features.some((f) => f.id === id));
    assert.equal(await SITES_LAYER.item(t.database.db, id), undefined);
    assert.equal(layer.numberMatched, layerBefore.numberMatched - 1);
    // Never deleted: the row stays, the detail page says it has ended, editing is refused.
    const detail = await client('anonymous').get(`/gewerbeflaechen/${id}`);
    assert.match(detail.body, /Diese Fläche ist beendet/);
    const page = await client(PROVIDER).get('/gewerbeflaechen/pflege');
    const again = await client(PROVIDER).post(`/gewerbeflaechen/pflege/${id}`, {
      _csrf: csrfTokenFrom(page.body),
      ...SITE_FORM,
    });
    assert.equal(again.statusCode, 409);
  });

  it('an import with refusals names line and reason and stores nothing', async () => {
    const before = await snapshotTables(t.database.db);
    const csv = [
      HEADER,
      row('IMP-1', '7,11', '51,66'),
      row('IMP-2', '51,66', '7,11'),
      row('IMP-1', '7,12', '51,67'),
      row('IMP-4', '9,73', '52,37'),
      `IMP-5;Ohne Kontakt;7,1;51,66;2;private;none;GE;none;never;none;long-term;`,
    ].join('\r\n');
    const response = await upload(PROVIDER, 'flaechen.csv', `\uFEFF${csv}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Zeile 3: Länge und Breite sind offenbar vertauscht/);
    assert.match(response.body, /Zeile 4: Kennung IMP-1: ist bereits vergeben an Zeile 2/);
    assert.match(response.body, /Zeile 5: Die Fläche liegt außerhalb von Nordrhein-Westfalen/);
    assert.match(response.body, /Zeile 6: Kontakt: Angabe fehlt/);
    assert.doesNotMatch(response.body, /Zeile 2:/);
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { reference: 'G-1' },
          geometry: { type: 'Point', coordinates: [7.1, 51.66] },
        },
        { type: 'Feature', properties: { unbekannt: 1 }, geometry: null },
      ],
    });
    const geoResponse = await upload(PROVIDER, 'flaechen.geojson', geo, 'application/geo+json');
    assert.equal(geoResponse.statusCode, 400);
    assert.match(geoResponse.body, /Feature 1: Bezeichnung: Angabe fehlt/);
    assert.match(
      geoResponse.body,
      /Feature 2: Die Eigenschaft „unbekannt“ gehört nicht zum Datenstandard/,
    );
    assert.deepEqual(changedTables(before, await snapshotTables(t.database.db)), []);
  });

  it('a valid import stores the sites and flags; the export reads back unchanged', async () => {
    const csv = [HEADER, row('IMP-10', '7,09', '51,64'), row('IMP-11', '7,05', '51,69')].join('\n');
    const response = await upload(PROVIDER, 'flaechen.csv', csv);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const exported = await client(PROVIDER).get('/gewerbeflaechen/pflege/export.csv');
    assert.equal(exported.statusCode, 200);
    assert.ok(exported.body.startsWith('\uFEFFkennung;bezeichnung;anbieter;'));
    assert.match(
      exported.body,
      /IMP-10;Fläche IMP-10;Stadt Marl – Wirtschaftsförderung;7,09;51,64;/,
    );
    const geojson = await client(PROVIDER).get('/gewerbeflaechen/pflege/export.geojson');
    const collection = geojson.json<{ features: { properties: { reference: string } }[] }>();
    assert.ok(collection.features.some((f) => f.properties.reference === 'MARL-GATE-RUHR'));
    // Re-importing the own export (ended site included) changes nothing but timestamps; the
    // ended site is refused, so first drop it from the file.
    const lines = exported.body.split('\r\n').filter((l) => !l.includes('MARL-TEST-1'));
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
    const again = await upload(PROVIDER, 'export.csv', lines.join('\r\n'));
    assert.equal(again.statusCode, 303, again.body.slice(0, 800));
    assert.equal(await count(), before);
    const geoAgain = await upload(
      PROVIDER,
      'export.geojson',
      JSON.stringify({
        ...collection,
        features: collection.features.filter((f) => f.properties.reference !== 'MARL-TEST-1'),
      }),
      'application/geo+json',
    );
    assert.equal(geoAgain.statusCode, 303, geoAgain.body.slice(0, 800));
    assert.equal(await count(), before);
  });

  it('the public data export lists current sites only', async () => {
    const csv = await client('anonymous').get('/gewerbeflaechen/daten.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /MARL-GATE-RUHR/);
    assert.doesNotMatch(csv.body, /MARL-TEST-1/);
    const geo = await client('anonymous').get('/gewerbeflaechen/daten.geojson');
    assert.match(String(geo.headers['content-type']), /geo\+json/);
  });
});
