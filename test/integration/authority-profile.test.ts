import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

/**
 * The master data pages: an authority's admin edits its own master data (validated, audited),
 * nobody else does; hostile input and hostile logos are refused with a German message and change
 * nothing (no row, no file).
 */
const KREIS_ADMIN = 'admin@kreis-paderborn.example';
const BRMS_ADMIN = 'admin@brms.example';
const PLATFORM_ADMIN = 'admin@industrieland.example';
const OWN = '/organisation/stammdaten';

// 1 × 1 PNG (transparent), complete with its IEND chunk.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const SVG_OK =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/></svg>';

function logoBody(filename: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `----logo${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Every file below the store's root (content-addressed files and temporary ones). */
async function storedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(full);
    }
  }
  await walk(root);
  return found.sort();
}

describe('authority master data pages', () => {
  let t: TestApp;
  let kreis: string;
  let brms: string;
  const clients = new Map<string, Client>();

  before(async () => {
    t = await createTestApp();
    kreis = await orgId(t, 'Kreis Paderborn');
    brms = await orgId(t, 'Bezirksregierung Münster');
    for (const email of [
      KREIS_ADMIN,
      BRMS_ADMIN,
      PLATFORM_ADMIN,
      'sachbearbeitung@kreis-paderborn.example',
      'antrag@windpark-sintfeld.example',
    ]) {
      const client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, client);
    }
    clients.set('anonymous', new Client(t.app));
  });
  after(async () => t.close());

  const as = (email: string) => clients.get(email)!;

  async function formValues(client: Client, page = OWN): Promise<Record<string, string>> {
    const html = (await client.get(page)).body;
    const values: Record<string, string> = { _csrf: csrfTokenFrom(html) };
    const start = html.indexOf(`action="${page}"`);
    const form = html.slice(start, html.indexOf('</form>', start));
    for (const m of form.matchAll(/<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"/g))
      values[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    for (const m of form.matchAll(/<textarea[^>]*name="([a-z_]+)"[^>]*>([^<]*)<\/textarea>/g))
      values[m[1]!] = m[2]!;
    return values;
  }

  async function uploadLogo(client: Client, base: string, filename: string, content: Buffer) {
    const page = await client.get(base);
    const csrf = csrfTokenFrom(page.body);
    const body = logoBody(filename, content);
    return t.app.inject({
      method: 'POST',
      url: `${base}/logo?_csrf=${encodeURIComponent(csrf)}`,
      headers: { cookie: client.jar.header(), ...body.headers },
      payload: body.payload,
    });
  }

  it('the authority admin sees the own demo master data, prefilled', async () => {
    const page = await as(KREIS_ADMIN).get(OWN);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stammdaten: Kreis Paderborn/);
    assert.match(page.body, /immissionsschutz@kreis-paderborn\.example/);
    assert.match(page.body, /Dr\. Petra Beispiel/);
    assert.doesNotMatch(page.body, /Bezirksregierung Münster/);
    // The navigation offers the master data, not the platform administration.
    assert.match(page.body, /href="\/organisation\/stammdaten"/);
    assert.doesNotMatch(page.body, /href="\/admin"/);
  });

  it('a change is saved and audited with its fields, before and after', async () => {
    const client = as(KREIS_ADMIN);
    const values = await formValues(client);
    assert.equal(values.postal_code, '33099');
    const posted = await client.post(OWN, {
      ...values,
      office_hours: 'Mo–Fr 8–12 Uhr',
      phone: '05251 308-0',
    });
    assert.equal(posted.statusCode, 303, posted.body);
    assert.equal(posted.headers.location, `${OWN}?ok=gespeichert`);
    const row = await t.database.db
      .selectFrom('authority_profiles')
      .select(['office_hours', 'phone'])
      .where('organisation_id', '=', kreis)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { office_hours: 'Mo–Fr 8–12 Uhr', phone: '05251 308-0' });
    const event = await t.database.db
      .selectFrom('admin_events')
      .select(['action', 'details'])
      .where('action', '=', 'authority-profile.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const details = event.details as {
      organisationId: string;
      changed: string[];
      before: Record<string, string>;
      after: Record<string, string>;
    };
    assert.equal(details.organisationId, kreis);
    assert.deepEqual(details.changed.sort(), ['office_hours', 'phone']);
    assert.equal(details.before.phone, '05251 9999-0');
    assert.equal(details.after.phone, '05251 308-0');
  });

  it('refuses everyone else: another authority’s admin, case worker, applicant, anonymous', async () => {
    const rows = await snapshotTables(t.database.db);
    // Another authority's admin reaches only its own organisation…
    const brmsPage = await as(BRMS_ADMIN).get(OWN);
    assert.match(brmsPage.body, /Stammdaten: Bezirksregierung Münster/);
    // …and not the platform administration, nor any other organisation's master data.
    for (const url of [
      `/admin/organisationen/${kreis}/stammdaten`,
      '/admin/benutzer',
      '/admin/organisationen',
    ]) {
      assert.equal((await as(BRMS_ADMIN).get(url)).statusCode, 403, url);
    }
    const csrf = csrfTokenFrom(brmsPage.body);
    const foreign = await as(BRMS_ADMIN).post(`/admin/organisationen/${kreis}/stammdaten`, {
      _csrf: csrf,
      reference_pattern: 'X-{NR}/{JJJJ}',
    });
    assert.equal(foreign.statusCode, 403);
    for (const email of [
      'sachbearbeitung@kreis-paderborn.example',
      'antrag@windpark-sintfeld.example',
    ]) {
      assert.equal((await as(email).get(OWN)).statusCode, 403, email);
      const home = await as(email).get('/');
      const post = await as(email).post(OWN, {
        _csrf: csrfTokenFrom(home.body),
        reference_pattern: 'X-{NR}/{JJJJ}',
      });
      assert.equal(post.statusCode, 403, email);
    }
    const anonymous = await as('anonymous').get(OWN);
    assert.ok([303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);
  });

  it('the platform admin edits any organisation’s master data', async () => {
    const base = `/admin/organisationen/${brms}/stammdaten`;
    const client = as(PLATFORM_ADMIN);
    const values = await formValues(client, base);
    const posted = await client.post(base, { ...values, department: 'Dezernat 53' });
    assert.equal(posted.statusCode, 303, posted.body);
    const row = await t.database.db
      .selectFrom('authority_profiles')
      .select('department')
      .where('organisation_id', '=', brms)
      .executeTakeFirstOrThrow();
    assert.equal(row.department, 'Dezernat 53');
  });

  it('hostile and wrong input: German messages next to the fields, values kept, nothing changed', async () => {
    const client = as(KREIS_ADMIN);
    const values = await formValues(client);
    const cases: [Record<string, string>, RegExp][] = [
      [{ department: 'x'.repeat(10_000) }, /Organisationseinheit: höchstens 150 Zeichen/],
      [{ bank_iban: 'DE00 1234 5678 9012 3456 78' }, /Die IBAN ist ungültig/],
      [{ bank_bic: 'NOTABIC' }, /Der BIC ist ungültig/],
      [{ postal_code: '3309' }, /Die Postleitzahl hat fünf Ziffern/],
      [{ email: 'keine-adresse' }, /gültige Adresse/],
      [{ phone: '05251 <script>' }, /nur Ziffern, Leerzeichen/],
      [{ website: 'http://kreis.example' }, /https:\/\//],
      [{ website: 'javascript:alert(1)' }, /https:\/\//],
      [{ reference_pattern: 'AZ-{JJJJ}' }, /\{NR\}/],
      [{ reference_pattern: 'AZ-{NR}' }, /Jahr/],
      [{ reference_pattern: `AZ-{NR}/{JJ}-${'x'.repeat(60)}` }, /höchstens 60 Zeichen/],
      [{ reference_pattern: 'AZ-{NR}\t{JJ}' }, /druckbare Zeichen/],
      [{ postal_street: 'Nur Straße', postal_code: '', postal_city: '' }, /vollständig angeben/],
    ];
    const rows = await snapshotTables(t.database.db);
    for (const [change, message] of cases) {
      const response = await client.post(OWN, { ...values, ...change });
      assert.equal(response.statusCode, 400, JSON.stringify(change));
      assert.match(response.body, message, JSON.stringify(change));
      assert.match(response.body, /<title>Fehler: /);
      assert.match(response.body, /class="kern-error"/);
      // The value typed is kept (escaped) in the form.
      const [field, value] = Object.entries(change)[0]!;
      if (value.length < 100 && !value.includes('<') && !value.includes('\t'))
        assert.ok(response.body.includes(`value="${value}"`), `${field} nicht erhalten`);
    }
    // NUL is refused before any route code runs.
    const nul = await client.post(OWN, { ...values, department: 'Amt\u0000' });
    assert.equal(nul.statusCode, 400);
    assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);
  });

  it('signatories: add, edit, deactivate; each audited', async () => {
    const client = as(KREIS_ADMIN);
    const page = await client.get(OWN);
    const csrf = csrfTokenFrom(page.body);
    const refused = await client.post(`${OWN}/zeichnungsberechtigte`, {
      _csrf: csrf,
      'neu.name': 'X',
      'neu.function': 'Leitung',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Name: bitte 2 bis 120 Zeichen/);
    assert.match(refused.body, /value="Leitung"/);
    const added = await client.post(`${OWN}/zeichnungsberechtigte`, {
      _csrf: csrf,
      'neu.name': 'Eva Neu',
      'neu.function': 'Sachgebietsleiterin',
    });
    assert.equal(added.statusCode, 303, added.body);
    const row = await t.database.db
      .selectFrom('authority_signatories')
      .select(['id', 'active'])
      .where('name', '=', 'Eva Neu')
      .executeTakeFirstOrThrow();
    assert.equal(row.active, true);
    const edited = await client.post(`${OWN}/zeichnungsberechtigte/${row.id}`, {
      _csrf: csrf,
      [`${row.id}.name`]: 'Eva Neu-Beispiel',
      [`${row.id}.function`]: 'Sachgebietsleiterin',
      [`${row.id}.active`]: 'false',
    });
    assert.equal(edited.statusCode, 303, edited.body);
    const after = await t.database.db
      .selectFrom('authority_signatories')
      .select(['name', 'active'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { name: 'Eva Neu-Beispiel', active: false });
    const events = await t.database.db
      .selectFrom('admin_events')
      .select('action')
      .where('action', 'like', 'authority-signatory.%')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['authority-signatory.added', 'authority-signatory.updated'],
    );
    // Another authority's admin cannot touch this signatory (it is not in their organisation).
    const brmsPage = await as(BRMS_ADMIN).get(OWN);
    const foreign = await as(BRMS_ADMIN).post(`${OWN}/zeichnungsberechtigte/${row.id}`, {
      _csrf: csrfTokenFrom(brmsPage.body),
      [`${row.id}.name`]: 'Übernommen',
      [`${row.id}.function`]: 'Fremd',
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('a valid PNG and SVG logo are stored and served with nosniff and a CSP', async () => {
    const client = as(KREIS_ADMIN);
    const png = await uploadLogo(client, OWN, 'logo.png', PNG);
    assert.equal(png.statusCode, 303, png.body);
    const served = await client.get(`/organisation/logo/${kreis}`);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(served.rawPayload, PNG);
    const svg = await uploadLogo(client, OWN, 'logo.svg', Buffer.from(SVG_OK));
    assert.equal(svg.statusCode, 303, svg.body);
    const servedSvg = await client.get(`/organisation/logo/${kreis}`);
    assert.match(String(servedSvg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(String(servedSvg.headers['content-security-policy']), /default-src 'none'/);
    assert.match(String(servedSvg.headers['content-security-policy']), /sandbox/);
    assert.equal(
      (await as('anonymous').get(`/organisation/logo/${kreis}`)).statusCode === 200,
      false,
    );
  });

  it('hostile logos are refused with a German message: no file, no row', async () => {
    const client = as(KREIS_ADMIN);
    const hostile: [string, Buffer, RegExp][] = [
      [
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        /Element &lt;script/,
      ],
      [
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>'),
        /Ereignisattribut onload/,
      ],
      [
        'logo.svg',
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
        ),
        /foreignObject/,
      ],
      [
        'logo.svg',
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>',
        ),
        /nur Verweise innerhalb der Datei/,
      ],
      [
        'logo.svg',
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: url(https://x.example/a) }</style></svg>',
        ),
        /von außen/,
      ],
      [
        'logo.svg',
        Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "xx">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
        ),
        /Entity/,
      ],
      [
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect>'),
        /kein gültiges XML/,
      ],
      ['logo.png', Buffer.from('GIF89a-kein-png-aber-so-benannt'), /keine PNG-Datei/],
      ['logo.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), /keine PNG-Datei/],
      [
        'setup.exe',
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
        /PNG-Datei \(\.png\) oder eine SVG-Datei/,
      ],
      ['logo.png', PNG.subarray(0, 30), /unvollständig oder beschädigt/],
      ['logo.png', Buffer.alloc(600 * 1024, 1), /zu groß/],
    ];
    const rowsBefore = await snapshotTables(t.database.db);
    const filesBefore = await storedFiles(t.deps.config.filesDir);
    for (const [name, content, message] of hostile) {
      const response = await uploadLogo(client, OWN, name, content);
      assert.equal(response.statusCode, 400, `${name}: ${response.statusCode}`);
      assert.match(response.body, message, name);
      assert.match(response.body, /<title>Fehler: /);
    }
    assert.deepEqual(changedTables(rowsBefore, await snapshotTables(t.database.db)), []);
    assert.deepEqual(await storedFiles(t.deps.config.filesDir), filesBefore);
  });
});
