import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { recordGrantedDeMinimisAid } from '../../src/funding/de-minimis/de-minimis.actions.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';

const STAFF = 'foerderung@bezreg-arnsberg.example';
const LEAD = 'leitung.foerderung@bezreg-arnsberg.example';
const APPLICANT = 'antrag@windpark-sintfeld.example';
const OTHER_BODY_STAFF = 'foerderung@nrw-bank.example';
const OTHER_APPLICANT = 'antrag@andere-firma.example';

async function addPerson(
  t: TestApp,
  email: string,
  org: string,
  kind: 'company' | 'funding-body',
  role: 'applicant' | 'case_worker',
) {
  const db = t.database.db;
  const o = await db
    .insertInto('organisations')
    .values({ name: org, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({ email, display_name: org, password_hash: await hashPassword(DEMO_PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ user_id: u.id, organisation_id: o.id, role })
    .execute();
  return o.id;
}

async function as(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.logIn(email);
  return client;
}

async function entryCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('funding_ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('funding budget and de-minimis pages', () => {
  let t: TestApp;
  let body: string;
  let otherBody: string;
  let windpark: string;
  let lineId: string;
  before(async () => {
    t = await createTestApp();
    body = await orgId(t, 'Bezirksregierung Arnsberg');
    windpark = await orgId(t, 'Windpark Sintfeld');
    otherBody = await addPerson(
      t,
      OTHER_BODY_STAFF,
      'NRW.BANK (Beispiel)',
      'funding-body',
      'case_worker',
    );
    await addPerson(t, OTHER_APPLICANT, 'Andere Firma GmbH', 'company', 'applicant');
  });
  after(async () => t.close());

  it('staff create a budget line and post an appropriation without script (PRG)', async () => {
    const staff = await as(t, STAFF);
    const page = await staff.get('/foerderung/haushalt');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bezirksregierung Arnsberg/);
    const created = await staff.submit('/foerderung/haushalt', '/foerderung/haushalt/stellen', {
      programmeId: 'progres-bildungspraemie-waermepumpe',
      budgetLine: '0710/686 77',
      year: '2027',
      label: 'Bildungsprämie',
    });
    assert.equal(created.statusCode, 303);
    const line = await t.database.db
      .selectFrom('funding_budget_lines')
      .select(['id', 'tenant_id'])
      .where('budget_line', '=', '0710/686 77')
      .executeTakeFirstOrThrow();
    assert.equal(line.tenant_id, body);
    lineId = line.id;
    const posted = await staff.submit('/foerderung/haushalt', '/foerderung/haushalt/ansatz', {
      lineId,
      amount: '250.000,00',
      reason: 'Haushaltsplan 2027',
    });
    assert.equal(posted.statusCode, 303);
    assert.match(posted.headers.location as string, /ok=ansatz/);
    const after = await staff.get(posted.headers.location as string);
    assert.match(after.body, /Der Haushaltsansatz wurde gebucht/);
    assert.match(after.body, /250\.000,00/);
    // The supervisor (Leitung) sees the same ledger.
    assert.equal((await (await as(t, LEAD)).get('/foerderung/haushalt')).statusCode, 200);
  });

  it('refuses bad input with German messages, keeps the values and books nothing', async () => {
    const staff = await as(t, STAFF);
    const before = await entryCount(t);
    const cases: [Record<string, string>, RegExp][] = [
      [{ lineId, amount: 'abc', reason: 'Test' }, /Betrag in Euro/],
      [{ lineId, amount: '-5', reason: 'Test' }, /Betrag in Euro/],
      [{ lineId, amount: '0', reason: 'Test' }, /größer als 0,00 €/],
      [{ lineId, amount: '1,234', reason: 'Test' }, /Betrag in Euro/],
      [{ lineId, amount: '5.000.000.000,00', reason: 'Test' }, /höchstens/],
      [{ lineId, amount: '100', reason: '' }, /Buchungsgrund/],
      [
        { lineId: 'nicht-da', amount: '100', reason: 'Test' },
        /gibt es bei Ihrer Förderstelle nicht/,
      ],
      [{ amount: '100', reason: 'Test' }, /gibt es bei Ihrer Förderstelle nicht/],
    ];
    for (const [fields, message] of cases) {
      const response = await staff.submit(
        '/foerderung/haushalt',
        '/foerderung/haushalt/ansatz',
        fields,
      );
      assert.equal(response.statusCode, 400, JSON.stringify(fields));
      assert.match(response.body, /<title>Fehler: /);
      assert.match(response.body, message);
      if (fields.amount) assert.ok(response.body.includes(`value="${fields.amount}"`));
    }
    const hostile = await staff.submit('/foerderung/haushalt', '/foerderung/haushalt/ansatz', {
      lineId,
      amount: 'x',
      reason: '<script>alert(1)</script>',
    });
    assert.equal(hostile.statusCode, 400);
    assert.ok(!hostile.body.includes('<script>alert(1)</script>'));
    assert.ok(hostile.body.includes('&lt;script'));
    const badLine = await staff.submit('/foerderung/haushalt', '/foerderung/haushalt/stellen', {
      programmeId: 'gibt-es-nicht',
      budgetLine: '<b>',
      year: '20x7',
      label: '',
    });
    assert.equal(badLine.statusCode, 400);
    assert.match(badLine.body, /Wählen Sie ein Förderprogramm/);
    assert.match(badLine.body, /Haushaltsjahr vierstellig/);
    const duplicate = await staff.submit('/foerderung/haushalt', '/foerderung/haushalt/stellen', {
      programmeId: 'progres-bildungspraemie-waermepumpe',
      budgetLine: '0710/686 77',
      year: '2027',
      label: '',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /gibt es für dieses Programm und das Jahr 2027 schon/);
    // Malformed query values and repeated fields get a German 400, never a 5xx.
    for (const url of [
      '/foerderung/haushalt?stelle=kein-uuid',
      '/foerderung/haushalt.csv?stelle=%00',
    ]) {
      const response = await staff.get(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.body, /Ungültige Eingabe|Fehler/);
    }
    const page = await staff.get('/foerderung/haushalt');
    const repeated = await t.app.inject({
      method: 'POST',
      url: '/foerderung/haushalt/ansatz',
      headers: {
        cookie: staff.jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `_csrf=${encodeURIComponent(csrfTokenFrom(page.body))}&lineId=${lineId}&amount=1&amount=2&reason=doppelt`,
    });
    assert.equal(repeated.statusCode, 400);
    // Without a CSRF token nothing happens.
    const noToken = await staff.post('/foerderung/haushalt/ansatz', {
      lineId,
      amount: '100',
      reason: 'ohne Token',
    });
    assert.equal(noToken.statusCode, 403);
    assert.equal(await entryCount(t), before);
    // Only the line of the first test was added to the demo's calls.
    assert.equal(
      (
        await t.database.db
          .selectFrom('funding_budget_lines')
          .select('id')
          .where('label', 'not like', '%(Beispiel)')
          .execute()
      ).length,
      1,
    );
  });

  it('CSV of the balances: BOM, semicolons, German numbers', async () => {
    const staff = await as(t, STAFF);
    const csv = await staff.get('/foerderung/haushalt.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFFProgramm;Haushaltsstelle;'));
    assert.ok(csv.body.includes(';250.000,00;0,00;0,00;0,00;250.000,00\r\n'), csv.body);
  });

  it('only the staff of the funding body reach its ledger; others are refused', async () => {
    const other = await as(t, OTHER_BODY_STAFF);
    // Their own (empty) ledger, never Arnsberg's.
    const own = await other.get('/foerderung/haushalt');
    assert.equal(own.statusCode, 200);
    assert.ok(!own.body.includes('0710/686 77'));
    assert.equal((await other.get(`/foerderung/haushalt?stelle=${body}`)).statusCode, 403);
    assert.equal((await other.get(`/foerderung/haushalt.csv?stelle=${body}`)).statusCode, 403);
    assert.equal(
      (await other.get(`/foerderung/de-minimis-register.csv?stelle=${body}`)).statusCode,
      403,
    );
    // Posting on Arnsberg's line from their own ledger: not found there, nothing booked.
    const before = await entryCount(t);
    const page = await other.get('/foerderung/haushalt');
    const sneaky = await other.post(`/foerderung/haushalt/ansatz?stelle=${otherBody}`, {
      _csrf: csrfTokenFrom(page.body),
      lineId,
      amount: '1000',
      reason: 'fremde Stelle',
    });
    assert.equal(sneaky.statusCode, 400);
    const forged = await other.post(`/foerderung/haushalt/ansatz?stelle=${body}`, {
      _csrf: csrfTokenFrom(page.body),
      lineId,
      amount: '1000',
      reason: 'fremde Stelle',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(await entryCount(t), before);
    for (const email of [
      APPLICANT,
      'sachbearbeitung@kreis-paderborn.example',
      'admin@industrieland.example',
    ]) {
      const client = await as(t, email);
      assert.equal((await client.get('/foerderung/haushalt')).statusCode, 403, email);
      assert.equal(
        (await client.get('/foerderung/de-minimis-register.json')).statusCode,
        403,
        email,
      );
    }
    const anonymous = new Client(t.app);
    assert.ok([303, 401].includes((await anonymous.get('/foerderung/haushalt')).statusCode));
  });

  it('the company declares other aid and sees its three-year sum; hostile input changes nothing', async () => {
    const applicant = await as(t, APPLICANT);
    const page = await applicant.get('/unternehmen/de-minimis');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /0,00 € von 300\.000,00 €/);
    // The linked enterprise of the demo company's profile is named in the computation.
    assert.match(page.body, /verbunden angegeben: Windpark Sintfeld Verwaltungs-GmbH/);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    const declared = await applicant.submit('/unternehmen/de-minimis', '/unternehmen/de-minimis', {
      grantingBody: 'Gemeinde Borchen',
      grantedOn: today,
      amount: '12.500,00',
      regulation: '2023/2831',
      aidInstrument: 'grant',
      recipientName: '',
      reference: 'WF-1',
    });
    assert.equal(declared.statusCode, 303);
    const shown = await applicant.get(declared.headers.location as string);
    assert.match(shown.body, /12\.500,00 € von 300\.000,00 €/);
    assert.match(shown.body, /Gemeinde Borchen \(erklärt\)/);
    const count = async () =>
      (await t.database.db.selectFrom('de_minimis_aid').select('id').execute()).length;
    const before = await count();
    const bad = await applicant.submit('/unternehmen/de-minimis', '/unternehmen/de-minimis', {
      grantingBody: '<img src=x onerror=alert(1)>',
      grantedOn: '2026-13-45',
      amount: '12,345',
      regulation: 'x',
      aidInstrument: 'grant',
      recipientName: '',
      reference: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /Tag der Gewährung/);
    assert.match(bad.body, /Wählen Sie die De-minimis-Verordnung aus/);
    assert.ok(!bad.body.includes('<img src=x'));
    assert.ok(bad.body.includes('value="12,345"'));
    assert.equal(await count(), before);
  });

  it('a company sees only its own de-minimis aid; funding staff and authorities are refused', async () => {
    const other = await as(t, OTHER_APPLICANT);
    const own = await other.get('/unternehmen/de-minimis');
    assert.equal(own.statusCode, 200);
    assert.ok(!own.body.includes('Gemeinde Borchen'));
    assert.equal(
      (await other.get(`/unternehmen/de-minimis?unternehmen=${windpark}`)).statusCode,
      403,
    );
    const page = await other.get('/unternehmen/de-minimis');
    const forged = await other.post(`/unternehmen/de-minimis?unternehmen=${windpark}`, {
      _csrf: csrfTokenFrom(page.body),
      grantingBody: 'Fremd',
      grantedOn: '2026-01-01',
      amount: '1,00',
      regulation: '2023/2831',
      aidInstrument: 'grant',
    });
    assert.equal(forged.statusCode, 403);
    for (const email of [STAFF, 'sachbearbeitung@kreis-paderborn.example']) {
      const client = await as(t, email);
      assert.equal((await client.get('/unternehmen/de-minimis')).statusCode, 403, email);
    }
  });

  it('exports the aid granted here for the central register as CSV and JSON', async () => {
    await recordGrantedDeMinimisAid(t.database.db, {
      companyId: windpark,
      fundingBodyId: body,
      procedureId: null,
      grantedOn: '2026-11-02',
      amountCents: 4_500_000,
      naceCode: '35.11',
      userId: null,
    });
    const staff = await as(t, STAFF);
    const csv = await staff.get('/foerderung/de-minimis-register.csv');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFFBeihilfe-ID;'));
    assert.ok(csv.body.includes(';02.11.2026;45.000,00;Zuschuss;'));
    const json = await staff.get('/foerderung/de-minimis-register.json');
    assert.equal(json.statusCode, 200);
    const data = JSON.parse(json.body) as {
      aid: { amountCents: number; beneficiaryName: string }[];
    };
    assert.equal(data.aid.length, 1);
    assert.equal(data.aid[0]!.amountCents, 4_500_000);
    assert.match(data.aid[0]!.beneficiaryName, /Windpark Sintfeld/);
    const other = await as(t, OTHER_BODY_STAFF);
    const empty = JSON.parse((await other.get('/foerderung/de-minimis-register.json')).body) as {
      aid: unknown[];
    };
    assert.equal(empty.aid.length, 0);
  });
});
