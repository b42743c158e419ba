import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { WIND_DEFAULT_ROLES } from '../../src/procedures/agencies/agency.types.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

const PATH = '/organisation/beteiligte-stellen';
const KREIS_ADMIN = 'verwaltung@kreis-paderborn.example';
const BRMS_ADMIN = 'verwaltung@brms.example';

/**
 * The directory of agencies of an authority: kept by that authority's admins only, every change
 * audited, bad input refused in German with nothing stored.
 */
describe('agency directory of an authority', () => {
  let t: TestApp;
  let kreis: string;
  let brms: string;
  let lanuk: string;
  let company: string;
  let admin: Client;
  let csrf: string;

  async function addAdmin(email: string, organisation: string) {
    const user = await t.database.db
      .insertInto('users')
      .values({ email, display_name: email, password_hash: await hashPassword(DEMO_PASSWORD) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: organisation, role: 'admin' })
      .execute();
  }

  async function entry(agency: string) {
    return t.database.db
      .selectFrom('agency_directory')
      .select(['role', 'default_for'])
      .where('tenant_id', '=', kreis)
      .where('agency_org_id', '=', agency)
      .executeTakeFirst();
  }

  before(async () => {
    t = await createTestApp();
    kreis = await orgId(t, 'Kreis Paderborn');
    brms = await orgId(t, 'Bezirksregierung Münster');
    lanuk = await orgId(t, 'Landesamt für Natur');
    company = await orgId(t, 'Windpark Sintfeld');
    await addAdmin(KREIS_ADMIN, kreis);
    await addAdmin(BRMS_ADMIN, brms);
    admin = new Client(t.app);
    await admin.logIn(KREIS_ADMIN);
    csrf = csrfTokenFrom((await admin.get(PATH)).body);
  });
  after(async () => t.close());

  it('an admin of the authority adds, changes and removes an agency, each audited', async () => {
    // An agency outside the demo directory (the demo already lists LANUK).
    const kampfmittel = (
      await t.database.db
        .insertInto('organisations')
        .values({
          name: 'Kampfmittelbeseitigungsdienst Westfalen-Lippe (Beispiel)',
          kind: 'agency',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const page = await admin.get(PATH);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Beteiligte Stellen/);
    assert.match(page.body, /Kreis Paderborn/);
    const added = await admin.post(PATH, {
      _csrf: csrf,
      authorityId: kreis,
      agencyOrgId: kampfmittel,
      role: 'nature',
      defaultFor: 'wind',
    });
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    assert.deepEqual(await entry(kampfmittel), { role: 'nature', default_for: ['wind'] });
    const changed = await admin.post(PATH, {
      _csrf: csrf,
      authorityId: kreis,
      agencyOrgId: kampfmittel,
      role: 'water',
    });
    assert.equal(changed.statusCode, 303);
    assert.deepEqual(await entry(kampfmittel), { role: 'water', default_for: [] });
    const listed = await admin.get(`${PATH}?behoerde=${kreis}&ok=gespeichert`);
    assert.match(listed.body, /Kampfmittelbeseitigungsdienst Westfalen-Lippe \(Beispiel\)/);
    assert.match(listed.body, /gespeichert/);
    const removed = await admin.post(`${PATH}/entfernen`, {
      _csrf: csrf,
      authorityId: kreis,
      agencyOrgId: kampfmittel,
    });
    assert.equal(removed.statusCode, 303);
    assert.equal(await entry(kampfmittel), undefined);
    const events = await t.database.db
      .selectFrom('admin_events')
      .select(['action', 'details'])
      .where('action', 'like', 'agency-directory:%')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['agency-directory:added', 'agency-directory:changed', 'agency-directory:removed'],
    );
    assert.equal((events[1]!.details as { previous: { role: string } }).previous.role, 'nature');
  });

  it('refuses bad input in German, keeps the values and stores nothing', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ agencyOrgId: lanuk, role: '' }, /Rolle der Stelle/],
      [{ agencyOrgId: lanuk, role: 'bürgermeister' }, /Rolle der Stelle/],
      [{ agencyOrgId: '', role: 'water' }, /Fachbehörde aus der Liste/],
      [{ agencyOrgId: 'kein-uuid', role: 'water' }, /Fachbehörde aus der Liste/],
      // A company is no agency: its members would receive requests for statements.
      [{ agencyOrgId: company, role: 'water' }, /Fachbehörde aus der Liste/],
      [{ agencyOrgId: lanuk, role: 'water', defaultFor: 'kernkraft' }, /Vorhabenart/],
    ];
    for (const [fields, message] of cases) {
      const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
      const response = await admin.post(PATH, { _csrf: csrf, authorityId: kreis, ...fields });
      const where = JSON.stringify(fields);
      assert.equal(response.statusCode, 400, where);
      assert.match(response.body, /<title>Fehler: /, where);
      assert.match(response.body, message, where);
      if (fields.agencyOrgId === lanuk && fields.role === 'water')
        assert.match(response.body, new RegExp(`value="${lanuk}" selected`), where);
      assert.deepEqual(
        changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
        [],
        where,
      );
    }
    const missing = await admin.post(`${PATH}/entfernen`, {
      _csrf: csrf,
      authorityId: kreis,
      agencyOrgId: company,
    });
    assert.equal(missing.statusCode, 404);
  });

  it('only admins of that authority may keep its directory', async () => {
    const tryAs = async (email: string | null, authorityId: string) => {
      const client = new Client(t.app);
      if (email) await client.logIn(email);
      const token = csrfTokenFrom((await client.get(email ? '/' : '/anmelden')).body);
      const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
      const response = await client.post(PATH, {
        _csrf: token,
        authorityId,
        agencyOrgId: lanuk,
        role: 'nature',
      });
      assert.deepEqual(
        changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
        [],
        `${email ?? 'anonym'}`,
      );
      return { post: response.statusCode, get: (await client.get(PATH)).statusCode };
    };
    // An admin of another authority names this authority: refused, nothing written.
    assert.deepEqual(await tryAs(BRMS_ADMIN, kreis), { post: 403, get: 200 });
    // The authority's case worker, the platform admin and an agency are no admins of it.
    for (const email of [
      'sachbearbeitung@kreis-paderborn.example',
      'admin@industrieland.example',
      'toeb@lanuk.example',
    ]) {
      assert.deepEqual(await tryAs(email, kreis), { post: 403, get: 403 }, email);
    }
    const anonymous = await tryAs(null, kreis);
    assert.equal(anonymous.post, 303);
    assert.equal(anonymous.get, 303);
    // The other authority's admin sees its own directory, not the Kreis's.
    const other = new Client(t.app);
    await other.logIn(BRMS_ADMIN);
    const page = await other.get(`${PATH}?behoerde=${kreis}`);
    assert.match(page.body, /Bezirksregierung Münster/);
    assert.doesNotMatch(page.body, /Kreis Paderborn – Untere/);
  });

  it('the demo authorities keep example agencies for every role asked for wind', async () => {
    for (const authority of [kreis, brms]) {
      const rows = await t.database.db
        .selectFrom('agency_directory')
        .select(['role', 'default_for', 'example'])
        .where('tenant_id', '=', authority)
        .execute();
      for (const role of WIND_DEFAULT_ROLES)
        assert.ok(
          rows.some((r) => r.role === role && r.default_for.includes('wind')),
          `${authority}: ${role}`,
        );
      assert.ok(rows.every((r) => r.example));
    }
  });

  it('asking agencies offers the directory with the defaults preselected, later the rest', async () => {
    const name = async (like: string) => orgId(t, like);
    const bueren = await name('Stadt Büren');
    const lichtenau = await name('Stadt Lichtenau');
    const water = await name('Untere Wasserbehörde des Kreises Paderborn');
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
    const created = await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 2));
    const id = created.json<{ id: string }>().id;
    for (const [client, action] of [
      [applicant, 'submit'],
      [worker, 'confirm-receipt'],
    ] as const) {
      assert.equal(
        (await client.post(`/api/v1/procedures/${id}/actions/${action}`)).statusCode,
        200,
      );
    }
    const page = new Client(t.app);
    await page.logIn('sachbearbeitung@kreis-paderborn.example');
    const checked = (html: string, agency: string) =>
      new RegExp(`value="${agency}"\\s+checked`).test(html);
    const offered = (html: string, agency: string) => html.includes(`value="${agency}"`);
    const before = (await page.get(`/verfahren/${id}`)).body;
    assert.ok(checked(before, bueren), 'Standortgemeinde vorausgewählt');
    assert.ok(checked(before, water), 'Standardauswahl vorausgewählt');
    assert.ok(offered(before, lichtenau) && !checked(before, lichtenau), 'andere Gemeinde');
    assert.ok(offered(before, lanuk) && !checked(before, lanuk), 'keine Standardauswahl');
    assert.match(before, /Untere Wasserbehörde des Kreises Paderborn \(Beispiel\) – Wasser/);
    const confirmed = await worker.post(`/api/v1/procedures/${id}/actions/confirm-completeness`, {
      completenessDate: berlinDate(t.deps.clock.now()),
      agencies: [bueren, water],
      timetable: 'Stellungnahmen in einem Monat.',
      missingDocumentsReason: 'Die Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const later = (await page.get(`/verfahren/${id}`)).body;
    const form = later.slice(later.indexOf('id="feld-ask-agencies"'));
    assert.ok(form.length > 30, 'Weitere Behörde beteiligen');
    const askForm = form.slice(0, form.indexOf('</form>'));
    assert.ok(!offered(askForm, bueren) && !offered(askForm, water), 'schon beteiligt');
    assert.ok(offered(askForm, lanuk) && offered(askForm, lichtenau));
  });
});
