import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  runningClock,
  type TestApp,
} from '../helpers/app.ts';

const PATH = '/monitoring/einspielen';
const ADMIN = 'admin@industrieland.example';
const GOOD_CSV =
  '\uFEFFDatum;Kategorie;Wert\r\n31.12.2023;Braunkohle;6.900\r\n31.12.2025;Braunkohle;5.900,5\r\n31.12.2025;Reserve;100\r\n';
const PROVENANCE = {
  kennzahl: 'kohleausstieg',
  quelle: 'Bundesnetzagentur, Kraftwerksliste',
  lizenz: 'dl-de/by-2-0',
  url: 'https://www.bundesnetzagentur.de/kraftwerksliste',
};

interface Upload {
  name: string;
  content: Buffer | string;
}

/** The form as a browser sends it: the text fields, then the file part (empty when none chosen). */
function formBody(fields: Record<string, string>, file: Upload | undefined) {
  const boundary = `----statistik${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
  );
  const chosen = file ?? { name: '', content: '' };
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="${chosen.name}"\r\nContent-Type: ${chosen.name ? 'text/csv' : 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(chosen.content) ? chosen.content : Buffer.from(chosen.content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('monitoring: the administrators load statistics through a form', () => {
  let t: TestApp;
  let admin: Client;
  let csrf: string;
  before(async () => {
    // Figures kept for five minutes: the import must show at once all the same.
    t = await createTestApp({
      clock: runningClock(new Date('2026-12-01T10:00:00Z')),
      env: { DASHBOARD_CACHE_SECONDS: '300' },
    });
    admin = new Client(t.app);
    await admin.logIn(ADMIN);
    csrf = csrfTokenFrom((await admin.get(PATH)).body);
  });
  after(async () => t.close());

  const counts = async () => {
    const db = t.database.db;
    const imports = await db
      .selectFrom('dashboard_imports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const values = await db
      .selectFrom('dashboard_import_values')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return [Number(imports.n), Number(values.n)];
  };

  const send = (
    client: Client,
    token: string | undefined,
    fields: Record<string, string>,
    file: Upload | undefined,
  ) => {
    const body = formBody(fields, file);
    return t.app.inject({
      method: 'POST',
      url: token === undefined ? PATH : `${PATH}?_csrf=${encodeURIComponent(token)}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: client.jar.header() },
    });
  };

  it('only the platform admin may open the page and import; a POST without CSRF token is refused', async () => {
    const before = await counts();
    const file = { name: 'werte.csv', content: GOOD_CSV };

    const anonymous = new Client(t.app);
    const page = await anonymous.get(PATH);
    assert.ok([303, 401].includes(page.statusCode), String(page.statusCode));
    if (page.statusCode === 303) assert.match(String(page.headers.location), /^\/anmelden/);
    const anonymousPost = await send(anonymous, 'x', PROVENANCE, file);
    assert.ok([303, 401, 403].includes(anonymousPost.statusCode), String(anonymousPost.statusCode));

    for (const email of [
      'antrag@windpark-sintfeld.example', // a company's applicant
      'sachbearbeitung@kreis-paderborn.example', // an authority's case worker
      'foerderung@bezreg-arnsberg.example', // a funding body's case worker
      'aufsicht@mwike.example', // the ministry's supervisor (may import wind areas, not this)
    ]) {
      const client = new Client(t.app);
      await client.logIn(email);
      assert.equal((await client.get(PATH)).statusCode, 403, email);
      const own = csrfTokenFrom((await client.get('/konto')).body);
      assert.equal((await send(client, own, PROVENANCE, file)).statusCode, 403, email);
      const indicator = await client.get('/monitoring/kohleausstieg');
      assert.doesNotMatch(indicator.body, /Neue Statistik für diese Kennzahl einspielen/, email);
    }

    const noToken = await send(admin, undefined, PROVENANCE, file);
    assert.equal(noToken.statusCode, 403);
    const wrongToken = await send(admin, 'falsch', PROVENANCE, file);
    assert.equal(wrongToken.statusCode, 403);
    assert.deepEqual(await counts(), before, 'nothing stored for a refused caller');

    const form = await admin.get(PATH);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1[^>]*>Statistiken für das Monitoring einspielen<\/h1>/);
    for (const title of [
      'Leistung der Braunkohlekraftwerke im Rheinischen Revier',
      'Wasserstofffähige Kraftwerke',
      'Wasserstoff-Kernnetz in NRW',
    ])
      assert.ok(form.body.includes(title), title);
    assert.doesNotMatch(form.body, /Genehmigungsdauer/, 'only indicators with imported values');
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /action="\/monitoring\/einspielen\?_csrf=[^"]+"/);
    // Linked from the administration and, for the admin only, from the indicator's page.
    assert.match((await admin.get('/admin/benutzer')).body, /href="\/monitoring\/einspielen"/);
    const indicator = await admin.get('/monitoring/kohleausstieg');
    assert.match(indicator.body, /href="\/monitoring\/einspielen\?kennzahl=kohleausstieg"/);
    assert.doesNotMatch(
      (await anonymous.get('/monitoring/kohleausstieg')).body,
      /\/monitoring\/einspielen/,
    );
    const chosen = await admin.get(`${PATH}?kennzahl=kohleausstieg`);
    assert.match(chosen.body, /<option value="kohleausstieg" selected/);
  });

  it('refuses every bad form with the reason and line in German, keeps the values and stores nothing', async () => {
    const before = await counts();
    const long = 'x'.repeat(10_000);
    const cases: [string, typeof PROVENANCE, Upload | undefined, RegExp[]][] = [
      ['no file', PROVENANCE, undefined, [/CSV-Datei: Bitte wählen Sie eine CSV-Datei aus\./]],
      [
        'empty file',
        PROVENANCE,
        { name: 'leer.csv', content: '' },
        [/CSV-Datei: Die Datei ist leer\./],
      ],
      [
        'wrong columns',
        PROVENANCE,
        { name: 'spalten.csv', content: 'Datum;Wert\n31.12.2025;5\n' },
        [/CSV-Datei, Zeile 1: Die Kopfzeile muss „Datum;Kategorie;Wert“ lauten\./],
      ],
      [
        'only the header',
        PROVENANCE,
        { name: 'kopf.csv', content: 'Datum;Kategorie;Wert\n' },
        [/CSV-Datei: Die Datei enthält keine Werte\./],
      ],
      [
        'bad numbers and dates',
        PROVENANCE,
        {
          name: 'werte.csv',
          content:
            'Datum;Kategorie;Wert\n31.12.2025;Neurath;3.000\n31.02.2026;Neurath;2000\n01.01.2026;Neurath;zwei\n01.01.2026;Niederaußem\n',
        },
        [
          /CSV-Datei, Zeile 3: „31\.02\.2026“ ist kein gültiges Datum/,
          /CSV-Datei, Zeile 4: „zwei“ ist keine Zahl/,
          /CSV-Datei, Zeile 5: Erwartet werden 3 Felder/,
        ],
      ],
      [
        'unknown indicator',
        { ...PROVENANCE, kennzahl: 'gibt-es-nicht' },
        { name: 'werte.csv', content: GOOD_CSV },
        [/„gibt-es-nicht“ ist keine Kennzahl, deren Werte eingespielt werden\./],
      ],
      [
        'indicator computed from cases',
        { ...PROVENANCE, kennzahl: 'genehmigungsdauer' },
        { name: 'werte.csv', content: GOOD_CSV },
        [/„genehmigungsdauer“ ist keine Kennzahl, deren Werte eingespielt werden\./],
      ],
      [
        'no indicator chosen',
        { ...PROVENANCE, kennzahl: '' },
        { name: 'werte.csv', content: GOOD_CSV },
        [/Bitte wählen Sie eine Kennzahl aus\./],
      ],
      [
        'oversize file',
        PROVENANCE,
        {
          name: 'gross.csv',
          content: `Datum;Kategorie;Wert\n${'31.12.2025;Neurath;1\n'.repeat(110_000)}`,
        },
        [/CSV-Datei: Die Datei ist zu groß \(höchstens 2 MB\)\./],
      ],
      [
        'not UTF-8',
        PROVENANCE,
        {
          name: 'latin1.csv',
          content: Buffer.from('Datum;Kategorie;Wert\n31.12.2025;Niederaußem;1\n', 'latin1'),
        },
        [/CSV-Datei: Die Datei ist nicht in UTF-8 gespeichert/],
      ],
      [
        'script address and 10,000 characters',
        { ...PROVENANCE, quelle: long, lizenz: long, url: 'javascript:alert(1)' },
        { name: 'werte.csv', content: GOOD_CSV },
        [
          /Die Quelle muss 3 bis 300 Zeichen lang sein\./,
          /Die Lizenz muss 3 bis 200 Zeichen lang sein\./,
          /Die Adresse der Quelle muss mit http:\/\/ oder https:\/\/ beginnen\./,
        ],
      ],
      [
        'markup, line breaks and an overlong address',
        {
          ...PROVENANCE,
          quelle: '<script>alert(1)</script>\nzweite Zeile',
          lizenz: 'dl-de/by-2-0"><img src=x onerror=alert(1)>',
          url: `https://example.org/${long}`,
        },
        { name: 'werte.csv', content: GOOD_CSV },
        [
          /Die Quelle darf keine Steuerzeichen enthalten\./,
          /Die Adresse der Quelle darf höchstens 500 Zeichen lang sein\./,
        ],
      ],
      [
        'address with a quote',
        { ...PROVENANCE, url: 'https://example.org/"onmouseover="alert(1)' },
        { name: 'werte.csv', content: GOOD_CSV },
        [/Die Adresse der Quelle muss mit http:\/\/ oder https:\/\/ beginnen\./],
      ],
      [
        'a NUL character in a field',
        { ...PROVENANCE, quelle: 'Bundes\u0000netzagentur' },
        { name: 'werte.csv', content: GOOD_CSV },
        [/„quelle“ enthält ein unzulässiges Steuerzeichen/],
      ],
    ];
    for (const [label, fields, file, messages] of cases) {
      const response = await send(admin, csrf, fields, file);
      assert.equal(response.statusCode, 400, `${label}: ${response.body.slice(0, 300)}`);
      const summary = /<div class="kern-alert kern-alert--danger error-summary"[\s\S]*?<\/ul>/.exec(
        response.body,
      )?.[0];
      assert.ok(summary, `${label}: Fehlerübersicht fehlt`);
      for (const message of messages) assert.match(summary, message, label);
      assert.match(response.body, /<title>Fehler: /, label);
      assert.doesNotMatch(response.body, /<script>alert|<img src=x/, label);
      if (!fields.quelle.includes('\u0000') && fields.quelle.length < 100) {
        const kept = fields.quelle
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;')
          .replaceAll('"', '&quot;');
        assert.ok(response.body.includes(`value="${kept}"`), `${label}: Quelle behalten`);
      }
      // A NUL character stops the reading at its field (the request guard): the rest is not read.
      if (fields.lizenz === PROVENANCE.lizenz && !fields.quelle.includes('\u0000'))
        assert.match(response.body, /name="lizenz" type="text" value="dl-de\/by-2-0"/, label);
      assert.deepEqual(await counts(), before, `${label}: nichts gespeichert`);
    }
    // Values of 10,000 characters come back as typed (escaped), not cut.
    const longForm = await send(admin, csrf, { ...PROVENANCE, quelle: long }, undefined);
    assert.ok(longForm.body.includes(`value="${long}"`));

    // A plain form post (no multipart) is the form again, not an error page.
    const plain = await admin.post(PATH, { _csrf: csrf, ...PROVENANCE });
    assert.equal(plain.statusCode, 400);
    assert.match(plain.body, /Bitte wählen Sie eine CSV-Datei aus\./);
    assert.deepEqual(await counts(), before);
  });

  it('stores a good file, confirms in German and the indicator shows it although its figures were kept', async () => {
    // The figures are computed and kept (for five minutes) before the import.
    const beforePage = await admin.get('/monitoring/kohleausstieg');
    assert.match(beforePage.body, /noch keine Statistiken eingespielt/);
    assert.match((await admin.get('/monitoring')).body, /Leistung der Braunkohlekraftwerke/);
    const json = async () =>
      JSON.parse((await admin.get('/monitoring/kohleausstieg/daten.json')).body) as {
        provenance?: unknown[];
      };
    assert.deepEqual((await json()).provenance ?? [], []);
    const before = await counts();

    const response = await send(admin, csrf, PROVENANCE, { name: 'werte.csv', content: GOOD_CSV });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    assert.equal(response.headers.location, `${PATH}?eingespielt=kohleausstieg`);
    assert.deepEqual(await counts(), [before[0]! + 1, before[1]! + 3]);
    const stored = await t.database.db
      .selectFrom('dashboard_imports')
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.equal(stored.source, PROVENANCE.quelle);
    assert.equal(stored.licence, PROVENANCE.lizenz);
    assert.equal(stored.source_url, PROVENANCE.url);
    assert.equal(stored.imported_by, 'Alex Admin (admin@industrieland.example)');

    const confirmation = await admin.get(String(response.headers.location));
    assert.equal(confirmation.statusCode, 200);
    assert.match(
      confirmation.body,
      /3 Werte für „Leistung der Braunkohlekraftwerke im Rheinischen Revier“ eingespielt\./,
    );
    assert.match(confirmation.body, /Alex Admin \(admin@industrieland\.example\)/);
    assert.match(
      confirmation.body,
      /<a class="kern-link" href="https:\/\/www\.bundesnetzagentur\.de\/kraftwerksliste">Bundesnetzagentur, Kraftwerksliste<\/a>/,
    );

    const afterPage = await admin.get('/monitoring/kohleausstieg');
    assert.doesNotMatch(afterPage.body, /noch keine Statistiken eingespielt/);
    assert.match(afterPage.body, /6\.000,500 MW am 31\.12\.2025/);
    assert.match(afterPage.body, /Bundesnetzagentur, Kraftwerksliste/);
    assert.equal((await json()).provenance?.length, 1);
    const overview = await new Client(t.app).get('/monitoring');
    assert.match(overview.body, /6\.000,500 MW/);
  });

  it('the drill-down says what it lists: cases, register entries or published statistics', async () => {
    const anonymous = new Client(t.app);
    const areas = await anonymous.get('/monitoring/windflaechen/einzelwerte');
    assert.equal(areas.statusCode, 200);
    assert.match(areas.body, /Die Liste nennt je Fläche nur, was das öffentliche Register zeigt/);
    assert.doesNotMatch(areas.body, /Aktenzeichen/);
    const shipped = await anonymous.get('/monitoring/erneuerbare-leistung/einzelwerte');
    assert.match(shipped.body, /zusammengefasst je Gemeinde/);
    assert.doesNotMatch(shipped.body, /Aktenzeichen/);
  });
});
