import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '../../src/platform/server.ts';
import { verifyCaseFile } from '../../src/procedures/audit.queries.ts';
import { releasedText } from '../../src/participation/release/release.actions.ts';
import { proposeRedaction } from '../../src/participation/review/redaction.actions.ts';
import { findObjection } from '../../src/participation/review/review.queries.ts';
import { spanValue } from '../../src/participation/review/objection.views.tsx';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * § 12 Abs. 2 9. BImSchV: the applicant receives objections only in released batches and only
 * redacted. Two objectors with personal data that appears nowhere else: every GET route the
 * applicant (page and API) and an anonymous visitor can call is scanned before any release,
 * after the first and after the second batch.
 */
const HIDDEN = {
  name: 'Theodora Quastenberg',
  address: 'Wacholderweg 17, 33165 Lichtenau',
  email: 't.quastenberg@example.org',
  text: 'Ich, Theodora Quastenberg, wohne im Wacholderweg 17. Sie erreichen mich unter 05292 938471 oder t.quastenberg@example.org. Gutachterkosten bitte auf DE02 1203 0000 0000 2020 51. Mein Nachbar Bartholomäus Zwirnhuber leidet an Tinnitus; der Lärm verschlimmert das. Die Gänseblümchenwiese am Ortsrand wird durch die Zuwegung zerstört.',
  marker: 'Gänseblümchenwiese',
};
const OPEN = {
  name: 'Leopold Kranichsteiner',
  address: 'Ulmenallee 4, 33165 Lichtenau',
  email: 'leo.kranich@example.net',
  text: 'Meine Tochter Frederike Kranichsteiner ist Asthmatikerin und reagiert auf den Baustaub. Rückfragen unter 0151 23456789 oder leo.kranich@example.net, Erstattung auf DE89 3704 0044 0532 0130 00. Der Schattenwurf trifft den Hühnerstall im Kirschgarten.',
  marker: 'Hühnerstall im Kirschgarten',
};
/** Never to the applicant, never to the public: contact, bank, third persons, health. */
const ALWAYS_SECRET = [
  HIDDEN.email,
  '938471',
  'DE02 1203',
  'DE02120300',
  'Zwirnhuber',
  'Tinnitus',
  OPEN.email,
  '23456789',
  'DE89 3704',
  'DE89370400',
  'Frederike',
  'Asthmatikerin',
];
/** The objector asked for this: not to the applicant either. */
const HIDDEN_IDENTITY = ['Quastenberg', 'Wacholderweg'];
const OPEN_IDENTITY = ['Kranichsteiner', 'Ulmenallee'];
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('release of redacted objections to the applicant (§ 12 Abs. 2 9. BImSchV)', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let hiddenId: string;
  let openId: string;
  const clients = new Map<string, Client>();
  const as = (email: string) => clients.get(email)!;
  const base = () => `/verfahren/${procedure.id}`;

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    const ids = await seedObjections(t, procedure, [
      { ...HIDDEN, redactIdentity: true },
      { ...OPEN, redactIdentity: false },
    ]);
    hiddenId = ids[0]!;
    openId = ids[1]!;
    for (const email of [
      WORKER,
      APPLICANT,
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
      'sachbearbeitung@brms.example',
      'admin@industrieland.example',
    ]) {
      const client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, client);
    }
  });
  after(async () => t.close());

  /** Every GET route with its parameters filled in from this procedure. */
  async function reachableUrls(): Promise<string[]> {
    const objections = await t.database.db
      .selectFrom('objections')
      .select(['id', 'reference'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    const urls = new Set<string>();
    for (const route of listRoutes(t.app)) {
      if (route.method !== 'GET' || route.url === '/abmelden') continue;
      const values: Record<string, string[]> = {
        id: [procedure.id],
        oid: objections.map((o) => o.id),
        reference: objections.map((o) => o.reference),
      };
      let variants = [route.url];
      for (const match of route.url.matchAll(/:([A-Za-z]+)/g)) {
        const name = match[1]!;
        const options = values[name] ?? [name === 'action' ? 'submit' : SAMPLE_ID];
        variants = variants.flatMap((v) => options.map((o) => v.replace(`:${name}`, o)));
      }
      for (const v of variants) urls.add(v);
    }
    for (const n of ['1', '2', '3'])
      urls.add(`${base()}/einwendungen-antragstellerin?freigabe=${n}`);
    urls.add(`${base()}/einwendungen-antragstellerin?freigabe=1&seite=2`);
    return [...urls];
  }

  /** Scans what the applicant (session and API token) and anonymous visitors receive. */
  async function scan(step: string, applicantMayRead: readonly string[]) {
    const token = await apiAs(t, APPLICANT);
    const anonymous = new Client(t.app);
    const allowed = new Set(applicantMayRead);
    const secrets = [
      ...ALWAYS_SECRET,
      ...HIDDEN_IDENTITY,
      ...OPEN_IDENTITY,
      HIDDEN.marker,
      OPEN.marker,
    ];
    let scanned = 0;
    for (const url of await reachableUrls()) {
      const responses = [
        ['Antragstellerin', await as(APPLICANT).get(url)],
        ['Antragstellerin (API)', await token.get(url)],
        ['anonym', await anonymous.get(url)],
      ] as const;
      for (const [who, response] of responses) {
        assert.ok(response.statusCode < 500, `${step}: ${who} ${url} ${response.statusCode}`);
        const body = response.body;
        scanned += 1;
        for (const secret of secrets) {
          if (who !== 'anonym' && allowed.has(secret)) continue;
          assert.ok(!body.includes(secret), `${step}: ${who} sieht „${secret}“ unter ${url}`);
        }
      }
    }
    assert.ok(scanned > 100, `nur ${scanned} Antworten geprüft`);
  }

  async function review(objectionId: string, extra: string) {
    const row = (await findObjection(t.database.db, procedure.id, objectionId))!;
    const page = await as(WORKER).get(`${base()}/einwendungen/${objectionId}`);
    // Several checkboxes of the same name: the form as a browser sends it.
    const form = new URLSearchParams({
      _csrf: csrfTokenFrom(page.body),
      weitere: extra,
      weitereArt: 'name',
    });
    for (const span of proposeRedaction(row)) form.append('spans', spanValue(span));
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/einwendungen/${objectionId}/schwaerzung`,
      headers: {
        cookie: as(WORKER).jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: form.toString(),
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  }

  async function release(umfang: string) {
    const page = await as(WORKER).get(`${base()}/einwendungen/freigabe`);
    return as(WORKER).post(`${base()}/einwendungen/freigabe`, {
      _csrf: csrfTokenFrom(page.body),
      umfang,
    });
  }

  it('before any release the applicant and the public see none of the objections', async () => {
    await scan('vor der Prüfung', []);
    const page = await as(APPLICANT).get(`${base()}/einwendungen-antragstellerin`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /noch keine Einwendungen freigegeben/);
    // Reviewed but not released is still nothing for the applicant.
    await review(openId, 'Frederike Kranichsteiner\nAsthmatikerin');
    await scan('geprüft, nicht freigegeben', []);
  });

  it('refuses a release that would include unreviewed objections, naming them, and changes nothing', async () => {
    const hidden = (await findObjection(t.database.db, procedure.id, hiddenId))!;
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const all = await release('all');
    assert.equal(all.statusCode, 409);
    assert.match(all.body, /Schwärzung dieser Einwendungen ist noch nicht geprüft/);
    assert.ok(all.body.includes(hidden.reference));
    assert.match(all.body, /value="all"[^>]*checked/);
    const none = await release('');
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Bitte wählen Sie, welche Einwendungen freigegeben werden sollen/);
    const forged = await release('alles');
    assert.equal(forged.statusCode, 400);
    for (const email of [
      APPLICANT,
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
      'sachbearbeitung@brms.example',
      'admin@industrieland.example',
    ]) {
      const page = await as(email).get('/konto');
      const post = await as(email).post(`${base()}/einwendungen/freigabe`, {
        _csrf: csrfTokenFrom(page.body),
        umfang: 'reviewed',
      });
      assert.equal(post.statusCode, 404, email);
      assert.equal((await as(email).get(`${base()}/einwendungen/freigabe`)).statusCode, 404, email);
    }
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    const page = await as(WORKER).get(`${base()}/einwendungen/freigabe`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Schwärzung noch nicht geprüft/);
    assert.ok(page.body.includes(hidden.reference));
  });

  it('first batch: only the reviewed objection, redacted; the case file records it', async () => {
    const response = await release('reviewed');
    assert.equal(response.statusCode, 303);
    const done = await as(WORKER).get(response.headers.location as string);
    assert.match(done.body, /Freigabe 1 mit 1 Einwendung ist erfolgt/);
    assert.match(done.body, /1 Einwendung mit ungeprüfter Schwärzung wurde nicht freigegeben/);
    const page = await as(APPLICANT).get(`${base()}/einwendungen-antragstellerin`);
    assert.ok(page.body.includes(OPEN.marker), 'freigegebener Text fehlt');
    assert.ok(page.body.includes(OPEN.name), 'Name fehlt, obwohl nicht verlangt');
    assert.match(page.body, /Freigabe 1 vom \d{2}\.\d{2}\.\d{4}/);
    await scan('nach Freigabe 1', [OPEN.marker, ...OPEN_IDENTITY]);
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select(['type', 'data', 'actor_role'])
      .where('procedure_id', '=', procedure.id)
      .where('type', '=', 'objections-released')
      .execute();
    assert.equal(events.length, 1);
    assert.deepEqual(
      { ...(events[0]!.data as object), releaseId: undefined },
      {
        releaseId: undefined,
        number: 1,
        count: 1,
      },
    );
    assert.equal((await verifyCaseFile(t.database.db, procedure.id))!.problem, undefined);
    // Nothing left that is reviewed and unreleased: a second release now is refused.
    const empty = await release('reviewed');
    assert.equal(empty.statusCode, 409);
    assert.match(empty.body, /keine Einwendung mit geprüfter Schwärzung/);
  });

  it('second batch: the objector who asked stays unrecognisable; Art. 9 data and third persons always', async () => {
    await review(hiddenId, 'Bartholomäus Zwirnhuber\nTinnitus');
    const response = await release('all');
    assert.equal(response.statusCode, 303);
    const latest = await as(APPLICANT).get(`${base()}/einwendungen-antragstellerin`);
    assert.match(latest.body, /Freigabe 2 vom/);
    assert.ok(latest.body.includes(HIDDEN.marker));
    assert.match(latest.body, /unkenntlich gemacht/);
    const first = await as(APPLICANT).get(`${base()}/einwendungen-antragstellerin?freigabe=1`);
    assert.ok(first.body.includes(OPEN.marker));
    assert.ok(!first.body.includes(HIDDEN.marker));
    await scan('nach Freigabe 2', [OPEN.marker, ...OPEN_IDENTITY, HIDDEN.marker]);
    const releases = await t.database.db
      .selectFrom('objection_releases')
      .select(['number', 'objection_count', 'tenant_id'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('number')
      .execute();
    assert.deepEqual(
      releases.map((r) => [r.number, r.objection_count, r.tenant_id]),
      [
        [1, 1, procedure.tenantId],
        [2, 1, procedure.tenantId],
      ],
    );
    // A later correction of a redaction does not change what was passed on.
    await review(openId, 'Frederike Kranichsteiner\nAsthmatikerin\nHühnerstall');
    const again = await as(APPLICANT).get(`${base()}/einwendungen-antragstellerin?freigabe=1`);
    assert.ok(again.body.includes(OPEN.marker));
  });

  it('blacks out health, other Art. 9 data and names even where the review left them unchecked', () => {
    const text = releasedText({
      body: 'Meine Mutter Hildegard Brunnhuber leidet an Diabetes und ist katholisch. Der Lärm stört.',
      name: 'Max Muster',
      address: null,
      email: null,
      redactionSpans: [],
    });
    for (const secret of ['Brunnhuber', 'Diabetes', 'katholisch'])
      assert.ok(!text.includes(secret), `weitergegeben: ${secret}`);
    assert.match(text, /Der Lärm stört\./);
  });
});
