import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import {
  companyProfileInput,
  listCompanyProfileVersions,
  loadCompanyProfile,
} from '../../src/funding/profile/profile.queries.ts';
import { determineSmeStatus } from '../../src/law/funding/index.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';
import { apiAs, orgId } from '../helpers/permits.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

/**
 * The company profile ("tell us once"): saved as immutable, dated versions; the profile as of
 * any date reads back; the SME status shows its trace; only the company's own applicants reach
 * page and API; hostile input is refused with a German message naming the field and saves
 * nothing.
 */
const APPLICANT = 'antrag@windpark-sintfeld.example';
const OTHER_APPLICANT = 'antrag@andere-firma.example';
const PAGE = '/unternehmen/profil';
const API = '/api/v1/company-profile';

/** The form as a browser would post it: every input, selected option and checked box. */
function formFields(html: string): Record<string, string> {
  const start = html.indexOf(`action="${PAGE}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (!name) continue;
    if (/type="checkbox"/.test(attrs) && !/checked/.test(attrs)) continue;
    values[name] = decode(value);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2]!);
    values[m[1]!] = selected ? decode(selected[1]!) : '';
  }
  return values;
}

const M = 100_000_000;

function apiBody(overrides: Record<string, unknown> = {}) {
  return {
    validFrom: '2026-06-30',
    legalForm: 'gmbh',
    registerCourt: 'Amtsgericht Köln',
    registerNumber: 'HRB 4711',
    naceCode: 'C 24.42',
    seatAgs: '05315000',
    staffAwu: 42.5,
    turnoverCents: 8 * M,
    balanceSheetCents: 6 * M,
    figuresYear: 2025,
    partners: [
      {
        name: 'Partner AG',
        sharePercent: 30,
        staffAwu: 20,
        turnoverCents: 5 * M,
        balanceSheetCents: 4 * M,
      },
    ],
    ...overrides,
  };
}

describe('company profile', () => {
  let t: TestApp;
  let windpark: string;
  let other: string;
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who)!;

  before(async () => {
    t = await createTestApp();
    windpark = await orgId(t, 'Windpark Sintfeld');
    // A second company with its own applicant: it must never see or change the first one's.
    const org = await t.database.db
      .insertInto('organisations')
      .values({ name: 'Andere Firma GmbH', kind: 'company' })
      .returning('id')
      .executeTakeFirstOrThrow();
    other = org.id;
    const user = await t.database.db
      .insertInto('users')
      .values({
        email: OTHER_APPLICANT,
        display_name: 'Olga Andere',
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: other, role: 'applicant' })
      .execute();
    for (const email of [
      APPLICANT,
      OTHER_APPLICANT,
      'sachbearbeitung@kreis-paderborn.example',
      'admin@industrieland.example',
      'admin@kreis-paderborn.example',
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
    ]) {
      const client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, client);
    }
    clients.set('anonymous', new Client(t.app));
  });
  after(async () => t.close());

  it('the demo company has a profile: a medium enterprise with a partner and a linked one', async () => {
    const profile = await loadCompanyProfile(t.database.db, windpark);
    assert.ok(profile);
    assert.equal(profile.version, 2);
    assert.equal(profile.partners.length, 1);
    assert.equal(profile.linked.length, 1);
    const sme = determineSmeStatus(companyProfileInput(profile, '2026-12-01'));
    assert.equal(sme.sizeClass, 'medium');

    const page = await as(APPLICANT).get(PAGE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /KMU-Status: mittleres Unternehmen/);
    // The trace as a readable list: each step with its citation of Annex I GBER.
    assert.match(page.body, /Partnerunternehmen „Bürgerwind Sintfeld eG \(Beispiel\)“/);
    assert.match(page.body, /Anhang I Art\. 6 Abs\. 2 AGVO/);
    assert.match(page.body, /Anhang I Art\. 2 AGVO/);
    assert.match(page.body, /Lichtenau, Kreis Paderborn \(05774028\)/);
    // The history: two versions, the second naming what changed.
    assert.match(
      page.body,
      /Verbundene Unternehmen: hinzugefügt Windpark Sintfeld Verwaltungs-GmbH/,
    );
    assert.match(page.body, /Anton Antragsteller/);
    // The navigation leads company users there.
    assert.match(page.body, /href="\/unternehmen\/profil"[^>]*>Unternehmensprofil/);
  });

  it('saves a new immutable version through the form (PRG), with history and as-of reading', async () => {
    const client = as(APPLICANT);
    const before = await listCompanyProfileVersions(t.database.db, windpark);
    const fields = formFields((await client.get(PAGE)).body);
    assert.equal(fields['partners.0.share'], '30');
    assert.equal(fields.turnover, '12.800.000');
    const response = await client.post(PAGE, {
      ...fields,
      validFrom: '2026-09-30',
      staffAwu: '15,75',
      turnover: '13.100.000,50',
      aktion: 'speichern',
    });
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, `${PAGE}?ok=gespeichert`);
    const after = await listCompanyProfileVersions(t.database.db, windpark);
    assert.equal(after.length, before.length + 1);
    const newest = after[0]!;
    assert.equal(newest.version, 3);
    assert.equal(newest.staffAwu, 15.75);
    assert.equal(newest.turnoverCents, 1_310_000_050);
    assert.equal(newest.validFrom, '2026-09-30');
    assert.equal(newest.linked.length, 1);
    // Earlier versions are untouched.
    assert.deepEqual(after.slice(1), before);

    const page = await client.get(`${PAGE}?ok=gespeichert`);
    assert.match(page.body, /als neue Fassung gespeichert/);
    assert.match(page.body, /Beschäftigte \(Jahresarbeitseinheiten\): 14 JAE → 15,75 JAE/);

    // As of a day: the version valid then, as recorded by then.
    const asOf = (iso: string) => loadCompanyProfile(t.database.db, windpark, new Date(iso));
    assert.equal(await asOf('2024-06-30T12:00:00Z'), undefined);
    assert.equal((await asOf('2025-06-30T12:00:00Z'))?.version, 1);
    assert.equal((await asOf('2026-07-01T12:00:00Z'))?.version, 2);
    assert.equal((await asOf('2026-10-01T12:00:00Z'))?.version, 2);
    // Version 3 was recorded today, so it counts only for instants from now on.
    assert.equal((await loadCompanyProfile(t.database.db, windpark, new Date()))?.version, 3);
    const api = await apiAs(t, APPLICANT);
    const old = (await api.get(`${API}?asOf=2025-06-30`)).json();
    assert.equal(old.profile.version, 1);
    assert.equal(old.profile.turnoverCents, 920_000_000);
    assert.equal(old.history.length, 3);
    const impossible = await api.get(`${API}?asOf=2026-02-30`);
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.json().detail, /Stichtag „2026-02-30“ ist kein gültiges Datum/);

    // Saving the same again writes nothing.
    const again = formFields((await client.get(PAGE)).body);
    const same = await client.post(PAGE, {
      ...again,
      validFrom: '2026-09-30',
      aktion: 'speichern',
    });
    assert.equal(same.headers.location, `${PAGE}?ok=unveraendert`);
    assert.equal((await listCompanyProfileVersions(t.database.db, windpark)).length, 3);
  });

  it('history is never changed in place: the database refuses updates and bad values', async () => {
    await assert.rejects(
      sql`update company_profile_versions set staff_awu = 1 where tenant_id = ${windpark}`.execute(
        t.database.db,
      ),
      /immutable/,
    );
    await assert.rejects(
      sql`update company_profile_relations set share_ppm = 1 where tenant_id = ${windpark}`.execute(
        t.database.db,
      ),
      /immutable/,
    );
    // Removing an author's account may clear the author, and only that.
    await sql`update company_profile_versions set recorded_by = null where tenant_id = ${windpark} and version = 1`.execute(
      t.database.db,
    );
    await assert.rejects(
      sql`update company_profile_versions set recorded_by = null, nace_code = '01' where tenant_id = ${windpark}`.execute(
        t.database.db,
      ),
      /immutable/,
    );
    const version = (await loadCompanyProfile(t.database.db, windpark))!;
    const insertRelation = (values: Record<string, unknown>) =>
      t.database.db
        .insertInto('company_profile_relations')
        .values({
          tenant_id: windpark,
          version_id: version.versionId,
          kind: 'partner',
          position: 99,
          name: 'X',
          share_ppm: 300_000,
          staff_awu: '1.00',
          turnover_cents: null,
          balance_sheet_cents: null,
          ...values,
        })
        .execute();
    await assert.rejects(insertRelation({ share_ppm: 1_000_001 }), /check/);
    await assert.rejects(insertRelation({ turnover_cents: -1 }), /check/);
    await assert.rejects(insertRelation({ staff_awu: '0' }), /check/);
    // A relation cannot hang on another company's version.
    await assert.rejects(insertRelation({ tenant_id: other }), /foreign key/);
  });

  it('refuses hostile values with a German message naming the field, and saves nothing', async () => {
    const client = as(APPLICANT);
    const fields = formFields((await client.get(PAGE)).body);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ staffAwu: '0' }, 'staffAwu', /Beschäftigten muss mindestens 1/],
      [{ staffAwu: '-3' }, 'staffAwu', /Beschäftigten muss mindestens 1/],
      [{ staffAwu: 'viele' }, 'staffAwu', /keine Zahl/],
      [{ turnover: 'zehn Millionen' }, 'turnover', /Jahresumsatz ist kein Betrag/],
      [{ turnover: '-5.000' }, 'turnover', /Jahresumsatz darf nicht negativ/],
      [{ naceCode: '00.00' }, 'naceCode', /kein bekannter WZ-2008/],
      [{ 'partners.0.share': '120' }, 'partners.0.share', /zwischen 0 % und 100 %/],
      [{ 'partners.0.share': '10' }, 'partners.0.share', /eigenständig/],
      [{ seatAgs: '0577402' }, 'seatAgs', /genau 8 Ziffern/],
      [{ seatAgs: '05999999' }, 'seatAgs', /keiner Gemeinde in Nordrhein-Westfalen/],
      [
        { 'partners.0.name': 'Windpark Sintfeld GmbH & Co. KG' },
        'partners.0.name',
        /eigene Unternehmen kann nicht sein eigenes Partnerunternehmen/,
      ],
      [{ registerNumber: 'HRB 12' }, 'registerNumber', /Register „HRA“/],
      [{ registerNumber: 'Nr. 12' }, 'registerNumber', /nicht die Form/],
      [{ validFrom: '2099-01-01' }, 'validFrom', /Zukunft/],
      [{ legalForm: 'ltd' }, 'legalForm', /Rechtsform/],
      [
        { 'linked.0.name': 'Bürgerwind Sintfeld eG (Beispiel)' },
        'linked.0.name',
        /mehrfach eingetragen/,
      ],
    ];
    for (const [change, field, message] of cases) {
      const rows = await snapshotTables(t.database.db);
      const response = await client.post(PAGE, { ...fields, ...change, aktion: 'speichern' });
      assert.equal(response.statusCode, 400, `${JSON.stringify(change)}: ${response.statusCode}`);
      assert.match(response.body, /<title>Fehler: /);
      assert.match(response.body, /Bitte korrigieren Sie Ihre Eingaben/);
      const id = `feld-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      assert.match(response.body, new RegExp(`href="#${id}"`), `${field} in der Übersicht`);
      assert.match(response.body, message, JSON.stringify(change));
      // Values are kept: the hostile value is shown again (escaped), the others too.
      const kept = formFields(response.body);
      // (An unknown legal form has no option to show again; the list asks anew.)
      for (const [name, value] of Object.entries(change))
        if (name !== 'legalForm') assert.equal(kept[name], value);
      assert.equal(kept.registerCourt, fields.registerCourt);
      assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);
    }
  });

  it('the API saves, reads and refuses with problem+json naming the field', async () => {
    const api = await apiAs(t, OTHER_APPLICANT);
    const empty = (await api.get(API)).json();
    assert.equal(empty.profile, null);
    assert.equal((await api.get(`${API}/sme-status`)).statusCode, 404);

    const rows = await snapshotTables(t.database.db);
    const hostile: [Record<string, unknown>, string, RegExp][] = [
      [{ staffAwu: 0 }, 'staffAwu', /mindestens 1/],
      [{ staffAwu: -1 }, 'staffAwu', /mindestens 1/],
      [{ turnoverCents: 'zehn Mio' }, 'turnoverCents', /falschen Typ/],
      [{ turnoverCents: -100 }, 'turnoverCents', /nicht negativ/],
      [{ naceCode: '00.1' }, 'naceCode', /kein bekannter/],
      [{ seatAgs: '0531500' }, 'seatAgs', /8 Ziffern/],
      [
        {
          partners: [{ name: 'P', sharePercent: 130, staffAwu: 1 }],
        },
        'partners.0.sharePercent',
        /100 %/,
      ],
      [
        { partners: [{ name: 'Andere Firma GmbH', sharePercent: 30, staffAwu: 1 }] },
        'partners.0.name',
        /eigene Unternehmen/,
      ],
      [{ unknownField: 1 }, 'unknownField', /.+/],
    ];
    for (const [change, field, message] of hostile) {
      const response = await api.put(API, apiBody(change));
      assert.equal(response.statusCode, 400, `${JSON.stringify(change)}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      const problem = response.json();
      assert.ok(
        problem.errors.some((e: { field: string }) => e.field === field),
        `${field}: ${response.body}`,
      );
      assert.match(problem.detail, message);
    }
    assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);

    const saved = await api.put(API, apiBody());
    assert.equal(saved.statusCode, 200, saved.body);
    const body = saved.json();
    assert.equal(body.saved, true);
    assert.equal(body.version, 1);
    assert.equal(body.profile.naceCode, '24.42');
    assert.equal(body.profile.seat, 'Köln (05315000)');
    assert.equal(body.profile.partners[0].sharePercent, 30);
    const sme = (await api.get(`${API}/sme-status`)).json();
    // 42.5 + 30 % of 20 = 48.5 AWU; turnover 8 + 1.5 Mio. €: a small enterprise.
    assert.equal(sme.sizeClass, 'small');
    assert.equal(sme.aggregated.staffHeadcount, 48.5);
    assert.ok(sme.steps.some((s: { citation: string }) => /Art\. 6 Abs\. 2/.test(s.citation)));
    assert.equal((await api.put(API, apiBody())).json().saved, false);

    // The other company's profile is untouched and stays the demo's.
    assert.equal((await loadCompanyProfile(t.database.db, windpark))!.organisationId, windpark);
    assert.equal((await loadCompanyProfile(t.database.db, other))!.version, 1);
  });

  it('refuses every other role on page and API, and each company sees only its own', async () => {
    const rows = await snapshotTables(t.database.db);
    for (const who of [
      'sachbearbeitung@kreis-paderborn.example',
      'admin@industrieland.example',
      'admin@kreis-paderborn.example',
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
    ]) {
      const page = await as(who).get(PAGE);
      assert.equal(page.statusCode, 403, who);
      assert.doesNotMatch(page.body, /Bürgerwind/);
      const home = await as(who).get('/');
      assert.doesNotMatch(home.body, /href="\/unternehmen\/profil"/, who);
      const post = await as(who).post(PAGE, {
        _csrf: csrfTokenFrom(home.body),
        staffAwu: '5',
        aktion: 'speichern',
      });
      assert.equal(post.statusCode, 403, who);
      const api = await apiAs(t, who);
      assert.equal((await api.get(API)).statusCode, 403, who);
      assert.equal((await api.get(`${API}/sme-status`)).statusCode, 403, who);
      const put = await api.put(API, apiBody());
      assert.equal(put.statusCode, 403, who);
      assert.match(put.json().detail, /Berechtigung/);
    }
    const anonymous = await as('anonymous').get(PAGE);
    assert.ok([303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.equal((await t.app.inject({ method: 'GET', url: API })).statusCode, 401);
    assert.equal(
      (await t.app.inject({ method: 'PUT', url: API, payload: apiBody() })).statusCode,
      401,
    );
    // A session cookie does not write through the API (no CSRF exposure).
    const cookieWrite = await t.app.inject({
      method: 'PUT',
      url: API,
      headers: { cookie: as(APPLICANT).jar.header() },
      payload: apiBody(),
    });
    assert.equal(cookieWrite.statusCode, 401);
    assert.deepEqual(
      changedTables(rows, await snapshotTables(t.database.db)).filter(
        (name) => !/api_tokens/.test(name),
      ),
      [],
    );

    // The other company's applicant sees their own company, never the demo company's figures.
    const otherPage = await as(OTHER_APPLICANT).get(PAGE);
    assert.equal(otherPage.statusCode, 200);
    assert.match(otherPage.body, /Unternehmensprofil: Andere Firma GmbH/);
    assert.doesNotMatch(otherPage.body, /Bürgerwind|Windpark Sintfeld/);
    const token = await createApiToken(
      t.database.db,
      (
        await t.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', OTHER_APPLICANT)
          .executeTakeFirstOrThrow()
      ).id,
      'x',
    );
    const read = await t.app.inject({
      method: 'GET',
      url: API,
      headers: { authorization: `Bearer ${token.token}` },
    });
    assert.doesNotMatch(read.body, /Bürgerwind/);
  });

  it('refuses a form post without a valid CSRF token and saves nothing', async () => {
    const client = as(APPLICANT);
    const fields = formFields((await client.get(PAGE)).body);
    const rows = await snapshotTables(t.database.db);
    const withoutToken = { ...fields };
    delete withoutToken._csrf;
    const missing = await client.post(PAGE, {
      ...withoutToken,
      staffAwu: '99',
      aktion: 'speichern',
    });
    assert.equal(missing.statusCode, 403);
    const wrong = await client.post(PAGE, {
      ...fields,
      _csrf: 'falsch',
      staffAwu: '99',
      aktion: 'speichern',
    });
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);
  });

  it('adds partner and linked rows without script ("weitere Zeile") and saves nothing', async () => {
    const client = as(APPLICANT);
    const html = (await client.get(PAGE)).body;
    const fields = formFields(html);
    assert.equal(fields.partnersRows, '2');
    assert.ok(!('partners.2.name' in fields));
    const rows = await snapshotTables(t.database.db);
    const more = await client.post(PAGE, {
      ...fields,
      'partners.1.name': 'Neue Beteiligung GmbH',
      aktion: 'weitere-partners',
    });
    assert.equal(more.statusCode, 200);
    const after = formFields(more.body);
    assert.equal(after.partnersRows, '3');
    assert.equal(after['partners.2.name'], '');
    assert.equal(after['partners.1.name'], 'Neue Beteiligung GmbH');
    assert.match(more.body, /Partnerunternehmen 3/);
    assert.deepEqual(changedTables(rows, await snapshotTables(t.database.db)), []);
    // The added row is saved with the rest.
    const saved = await client.post(PAGE, {
      ...after,
      'partners.1.share': '25',
      'partners.1.staffAwu': '2',
      aktion: 'speichern',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const profile = await loadCompanyProfile(t.database.db, windpark);
    assert.deepEqual(
      profile!.partners.map((p) => p.name),
      ['Bürgerwind Sintfeld eG (Beispiel)', 'Neue Beteiligung GmbH'],
    );
  });
});
